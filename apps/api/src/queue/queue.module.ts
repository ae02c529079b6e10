import { Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../config/app-config';
import { BullJobQueue } from './bull-job-queue';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobQueue } from './job-queue';

/** Starts processing once every module has registered its handlers, if this process runs processors. */
@Injectable()
class QueueLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    if (this.config.queueProcessors === 'in-process') await this.queue.start();
  }

  async onApplicationShutdown() {
    await this.queue.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: JobQueue,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): JobQueue =>
        config.redisUrl ? new BullJobQueue(config.redisUrl, config.queuePrefix) : new InProcessJobQueue(),
    },
    QueueLifecycle,
  ],
  exports: [JobQueue],
})
export class QueueModule {}
