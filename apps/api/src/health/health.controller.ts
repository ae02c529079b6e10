import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../access/access.decorators';
import { JobQueue, QueueName } from '../queue/job-queue';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the database answers, and Redis when the queue runs on it' })
  async ready(@Res() response: Response) {
    const checks: Record<string, string> = {};
    try {
      await this.dataSource.query('SELECT 1');
      checks.database = 'ok';
    } catch (error) {
      checks.database = `down: ${(error as Error).message}`;
    }
    try {
      await this.queue.counts(QueueName.NOTIFICATIONS);
      checks.queue = this.queue.kind === 'bull' ? 'ok (redis)' : 'ok (in-process)';
    } catch (error) {
      checks.queue = `down: ${(error as Error).message}`;
    }
    const ready = Object.values(checks).every((v) => v.startsWith('ok'));
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ready ? 'ok' : 'unavailable', checks });
  }
}
