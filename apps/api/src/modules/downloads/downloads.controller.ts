import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DownloadView } from '@szpm/contract';
import { CurrentActor } from '../../access/access.decorators';
import { Actor } from '../../access/actor';
import { XLSX_CONTENT_TYPE } from '../../common/excel/xlsx-export';
import { ParseIdPipe } from '../../common/http/parse-id.pipe';
import { DownloadsService } from './downloads.service';

/** 下载列表: every signed-in account's own background exports (no module grant: the rows are the caller's). */
@ApiTags('downloads (下载列表)')
@ApiBearerAuth()
@Controller('downloads')
export class DownloadsController {
  constructor(private readonly downloads: DownloadsService) {}

  @Get()
  @ApiOperation({ summary: '下载列表：本人发起的后台导出（最新在前，最多 50 个），含状态、进度、行数、文件大小、完成与过期时间' })
  list(@CurrentActor() actor: Actor): Promise<DownloadView[]> {
    return this.downloads.list(actor);
  }

  @Get(':id/file')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({ summary: '下载已生成的文件（xlsx）：仅限本人；排队或生成中 409 DOWNLOAD_NOT_READY，已过期 410 DOWNLOAD_EXPIRED，生成失败 409 DOWNLOAD_FAILED' })
  file(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<StreamableFile> {
    return this.downloads.file(actor, id);
  }
}
