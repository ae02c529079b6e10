import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { DownloadStorage } from './download-storage';
import { DownloadsController } from './downloads.controller';
import { DownloadsProcessor } from './downloads.processor';
import { DownloadsService } from './downloads.service';
import { DOWNLOADS_ENTITIES } from './entities';

/**
 * 下载列表 (a kit piece, not a chapter): background exports. Global, like the workflow registry: a
 * module injects DownloadsService, registers its producer in onModuleInit and starts exports with it.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(DOWNLOADS_ENTITIES)],
  controllers: [DownloadsController],
  providers: [DownloadsService, DownloadsProcessor, { provide: DownloadStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new DownloadStorage(config.dataDir) }],
  exports: [DownloadsService],
})
export class DownloadsModule {}
