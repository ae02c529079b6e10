import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { EvaluationRankingService } from './evaluation-ranking.service';

/** The monthly credit job of chapter 9, run every few hours: after a month closes the next run records its streaks, later runs change nothing. */
@Injectable()
export class EvaluationJobsProcessor implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly ranking: EvaluationRankingService,
  ) {}

  onModuleInit(): void {
    this.queue.handle(JOBS.ownerEvaluationStreaks, async () => void (await this.ranking.recordStreaks(EvaluationRankingService.lastClosedMonth())), 1);
  }
}
