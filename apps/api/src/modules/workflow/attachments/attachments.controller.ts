import { Controller, Get, Header, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_CONTENT_TYPES, UploadedAttachment } from '@szpm/contract';
import { Audited, CurrentActor, RequireRoles } from '../../../access/access.decorators';
import { Actor } from '../../../access/actor';
import { ParseIdPipe } from '../../../common/http/parse-id.pipe';
import { WORKFLOW_PARTICIPANT_ROLES } from '../workflow-roles';
import { AttachmentUploadErrorsInterceptor, UPLOAD_OPTIONS } from './attachment-upload.interceptor';
import { AttachmentsService, ReceivedFile } from './attachments.service';
import { contentDisposition } from '../../../common/http/content-disposition';

@ApiTags('workflow (审批流程)')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  // anyone who takes part in forms uploads; the upload stays private until a form uses it
  @RequireRoles(...WORKFLOW_PARTICIPANT_ROLES)
  @Audited('attachments.upload', 'attachment')
  @UseInterceptors(AttachmentUploadErrorsInterceptor, FileInterceptor('file', UPLOAD_OPTIONS))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: `上传附件: one file (≤ ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB; ${Object.keys(ATTACHMENT_CONTENT_TYPES).join(', ')}); pass its id in attachmentIds of a form action`,
  })
  upload(@CurrentActor() actor: Actor, @UploadedFile() file: ReceivedFile | undefined): Promise<UploadedAttachment> {
    return this.attachments.upload(actor, file);
  }

  @Get(':id')
  @RequireRoles(...WORKFLOW_PARTICIPANT_ROLES)
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: '下载附件: for its uploader and for whoever may see the form that uses it' })
  async download(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: number): Promise<StreamableFile> {
    const { attachment, content } = await this.attachments.open(actor, id);
    return new StreamableFile(content, { type: attachment.contentType, length: attachment.size, disposition: contentDisposition(attachment.fileName) });
  }
}
