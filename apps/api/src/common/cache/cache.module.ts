import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { InvalidationBus, LocalInvalidationBus, RedisInvalidationBus } from './invalidation-bus';
import { WriteInvalidation } from './write-invalidation';

class BusLifecycle implements OnApplicationShutdown {
  constructor(@Inject(InvalidationBus) private readonly bus: InvalidationBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}

/** The invalidation bus (Redis between processes when REDIS_URL is set) and the write watcher, for every module. */
@Global()
@Module({
  providers: [
    {
      provide: InvalidationBus,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): InvalidationBus => (config.redisUrl ? new RedisInvalidationBus(config.redisUrl, config.queuePrefix) : new LocalInvalidationBus()),
    },
    WriteInvalidation,
    BusLifecycle,
  ],
  exports: [InvalidationBus, WriteInvalidation],
})
export class CacheModule {}
