import { BeforeApplicationShutdown, Global, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { BullJobQueue } from './bull-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobQueue, QueueName, QueueSettings } from './job-queue';
import { JOBS } from './jobs';
import { QueueBoardController } from './queue-board.controller';
import { QueueBoardMount, QueueBoardSessions } from './queue-board';

/** Rate limits per queue, from the configuration (the same in every process). */
export function queueSettings(config: AppConfig): Partial<Record<QueueName, QueueSettings>> {
  return {
    [QueueName.NOTIFICATIONS]: { ratePerSecond: config.notifications.wechat.ratePerSecond },
    [QueueName.SMS_NOTIFICATIONS]: { ratePerSecond: config.notifications.sms.ratePerSecond },
  };
}

/**
 * Once every module has registered its handlers (onModuleInit): refuses to start when a job of
 * JOBS has none, in every process (producers too, so a job nobody works is caught before it is
 * added); then starts processing, if this process runs processors.
 */
@Injectable()
class QueueLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    this.queue.assertAllHandled(Object.values(JOBS));
    if (this.config.queueProcessors === 'in-process') await this.queue.start();
  }

  /** before the database closes (onApplicationShutdown), so running jobs can still record their outcome */
  async beforeApplicationShutdown() {
    await this.queue.close();
  }
}

@Global()
@Module({
  controllers: [QueueBoardController],
  providers: [
    {
      provide: JobQueue,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): JobQueue =>
        config.redisUrl ? new BullJobQueue(config.redisUrl, config.queuePrefix, queueSettings(config)) : new InProcessJobQueue(queueSettings(config)),
    },
    QueueLifecycle,
    QueueBoardSessions,
    QueueBoardMount,
  ],
  exports: [JobQueue],
})
export class QueueModule {}
