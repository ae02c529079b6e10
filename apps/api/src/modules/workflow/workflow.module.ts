import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { Attachment } from './attachments/attachment.entity';
import { ATTACHMENT_STORAGE, LocalDiskAttachmentStorage } from './attachments/attachment-storage';
import { AttachmentUploadErrorsInterceptor } from './attachments/attachment-upload.interceptor';
import { AttachmentsController } from './attachments/attachments.controller';
import { AttachmentsService } from './attachments/attachments.service';
import { WorkflowActionRecord } from './entities/workflow-action-record.entity';
import { WorkflowCase } from './entities/workflow-case.entity';
import { WorkflowSequence } from './entities/workflow-sequence.entity';
import { WorkflowAccess } from './workflow-access';
import { WorkflowRegistry } from './workflow-registry';
import { WorkflowTransactions } from './workflow-transactions';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

/**
 * The one approval engine behind every two-step business form (chapters 5, 7, 22). Global: any
 * module injects WorkflowRegistry (register its form types in onModuleInit) and WorkflowService
 * (start, file, act, get). Attachments (POST/GET /api/attachments) live here too.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([WorkflowCase, WorkflowActionRecord, WorkflowSequence, Attachment])],
  controllers: [WorkflowController, AttachmentsController],
  providers: [
    WorkflowRegistry,
    WorkflowAccess,
    WorkflowTransactions,
    WorkflowService,
    AttachmentsService,
    AttachmentUploadErrorsInterceptor,
    { provide: ATTACHMENT_STORAGE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => LocalDiskAttachmentStorage.under(config.dataDir) },
  ],
  exports: [WorkflowRegistry, WorkflowService, WorkflowAccess, WorkflowTransactions, AttachmentsService, ATTACHMENT_STORAGE],
})
export class WorkflowModule {}
