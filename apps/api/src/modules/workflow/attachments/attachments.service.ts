import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AttachmentErrorCode, AttachmentRef, UploadedAttachment } from '@szpm/contract';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { Actor } from '../../../access/actor';
import { AppException } from '../../../common/errors/app.exception';
import { WorkflowCase } from '../entities/workflow-case.entity';
import { WorkflowAccess } from '../workflow-access';
import { WorkflowRegistry } from '../workflow-registry';
import { WorkflowException } from '../workflow.exception';
import { Attachment } from './attachment.entity';
import { cleanFileName, detectContentType } from './attachment-content-type';
import { ATTACHMENT_STORAGE, AttachmentStorage } from './attachment-storage';

/** What multer hands over (memory storage). */
export interface ReceivedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export const MAX_ATTACHMENTS_PER_ACTION = 20;

export function toAttachmentRef(attachment: Attachment): AttachmentRef {
  return { id: attachment.id, fileName: attachment.fileName, size: attachment.size, contentType: attachment.contentType };
}

/**
 * Uploads, hands attachments to forms, and serves them. An upload is private to its uploader until
 * a form uses it (claim); from then on whoever may see that form may download it.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectRepository(Attachment) private readonly attachments: Repository<Attachment>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the case of an attachment, then WorkflowAccess.assertCanView decides (forms have their own parties beyond districts)
    @InjectRepository(WorkflowCase) private readonly cases: Repository<WorkflowCase>,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    private readonly registry: WorkflowRegistry,
    private readonly access: WorkflowAccess,
  ) {}

  async upload(actor: Actor, file: ReceivedFile | undefined): Promise<UploadedAttachment> {
    if (!file) throw AppException.invalidField('file', 'file为必填项：请以multipart/form-data的file字段上传一个文件');
    if (file.size === 0) throw AppException.invalidField('file', '文件为空');
    const fileName = cleanFileName(file.originalname);
    if (!fileName) throw AppException.invalidField('file', '文件名不能为空');
    const contentType = detectContentType(fileName, file.buffer);
    if (!contentType) throw new WorkflowException(AttachmentErrorCode.TYPE_NOT_ALLOWED);

    const now = new Date();
    const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
    await this.storage.put(storageKey, file.buffer);
    try {
      const saved = await this.attachments.save(
        this.attachments.create({
          fileName,
          contentType,
          size: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          storageKey,
          uploaderId: actor.accountId,
          caseId: null,
        }),
      );
      return { ...toAttachmentRef(saved), uploadedAt: saved.createdAt.toISOString() };
    } catch (error) {
      await this.storage.remove(storageKey);
      throw error;
    }
  }

  /**
   * Gives the listed attachments to a case inside the engine's transaction. Each must be the
   * actor's own unused upload, or belong to this case already; otherwise ATTACHMENT_NOT_USABLE.
   */
  async claim(manager: EntityManager, actor: Actor, ids: readonly number[] | undefined, caseId: number): Promise<number[]> {
    const unique = [...new Set(ids ?? [])];
    if (!unique.length) return [];
    if (unique.length > MAX_ATTACHMENTS_PER_ACTION) throw AppException.invalidField('attachmentIds', `attachmentIds最多${MAX_ATTACHMENTS_PER_ACTION}个`);
    const rows = await manager.find(Attachment, { where: { id: In(unique) } });
    const unusable = unique.filter((id) => {
      const row = rows.find((r) => r.id === id);
      return !row || !(row.caseId === caseId || (row.caseId === null && row.uploaderId === actor.accountId));
    });
    const free = rows.filter((r) => r.caseId === null).map((r) => r.id);
    if (!unusable.length && free.length) {
      // conditional, so two forms claiming one upload at the same moment cannot both get it
      const result = await manager.update(Attachment, { id: In(free), caseId: IsNull() }, { caseId });
      if ((result.affected ?? 0) !== free.length) unusable.push(...free);
    }
    if (unusable.length) {
      throw new WorkflowException(AttachmentErrorCode.NOT_USABLE, {
        details: [{ field: 'attachmentIds', message: `附件${unusable.join('、')}不存在，或不是您上传的，或已用于其他业务单`, constraint: 'usable' }],
      });
    }
    return unique;
  }

  async refsOfCase(caseId: number): Promise<AttachmentRef[]> {
    const rows = await this.attachments.find({ where: { caseId }, order: { id: 'ASC' } });
    return rows.map(toAttachmentRef);
  }

  /** The file, if the actor uploaded it or may see the form that uses it. */
  async open(actor: Actor, id: number): Promise<{ attachment: Attachment; content: Readable }> {
    const attachment = await this.attachments.findOne({ where: { id } });
    if (!attachment) throw AppException.notFound('附件');
    if (attachment.uploaderId !== actor.accountId) {
      const workflowCase = attachment.caseId === null ? null : await this.cases.findOne({ where: { id: attachment.caseId } });
      const form = workflowCase ? this.registry.find(workflowCase.formType) : undefined;
      // an unused upload of someone else is not revealed
      if (!workflowCase || !form) throw AppException.notFound('附件');
      this.access.assertCanView(actor, workflowCase, form);
    }
    return { attachment, content: await this.storage.open(attachment.storageKey) };
  }
}
