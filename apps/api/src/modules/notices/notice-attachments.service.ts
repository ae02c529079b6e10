import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AttachmentErrorCode, AttachmentRef } from '@szpm/contract';
import { Readable } from 'node:stream';
import { EntityManager, In, Repository } from 'typeorm';
import { Actor } from '../../access/actor';
import { AppException } from '../../common/errors/app.exception';
import { Attachment } from '../workflow/attachments/attachment.entity';
import { ATTACHMENT_STORAGE, AttachmentStorage } from '../workflow/attachments/attachment-storage';
import { toAttachmentRef } from '../workflow/attachments/attachments.service';
import { WorkflowException } from '../workflow/workflow.exception';
import { NoticeAttachment } from './entities/notice-attachment.entity';

/**
 * The files a notice carries: uploads of the sender (POST /api/attachments, the workflow module's
 * store) that no form and no other notice uses. Who may download them is the notice's business
 * (its recipients and its sender's bureau), so downloads go through the notice endpoints.
 */
@Injectable()
export class NoticeAttachmentsService {
  constructor(
    @InjectRepository(Attachment) private readonly attachments: Repository<Attachment>,
    @InjectRepository(NoticeAttachment) private readonly links: Repository<NoticeAttachment>,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  /** Links the actor's unused uploads to the notice, inside the publishing transaction. */
  async attach(manager: EntityManager, actor: Actor, noticeId: number, ids: number[]): Promise<void> {
    if (!ids.length) return;
    const rows = await manager.find(Attachment, { where: { id: In(ids) } });
    const taken = await manager.find(NoticeAttachment, { where: { attachmentId: In(ids) } });
    const unusable = ids.filter((id) => {
      const row = rows.find((r) => r.id === id);
      return !row || row.uploaderId !== actor.accountId || row.caseId !== null || taken.some((t) => t.attachmentId === id);
    });
    if (unusable.length) {
      const message = `附件${unusable.join('、')}不存在，或不是您上传的，或已用于其他通知或业务单`;
      throw new WorkflowException(AttachmentErrorCode.NOT_USABLE, { message, details: [{ field: 'attachmentIds', message, constraint: 'usable' }] });
    }
    // the unique key on attachmentId settles two notices claiming one upload at the same moment
    await manager.insert(NoticeAttachment, ids.map((attachmentId) => ({ noticeId, attachmentId })));
  }

  async refs(noticeId: number): Promise<AttachmentRef[]> {
    const links = await this.links.find({ where: { noticeId }, order: { id: 'ASC' } });
    if (!links.length) return [];
    const rows = await this.attachments.find({ where: { id: In(links.map((l) => l.attachmentId)) } });
    return links.map((l) => rows.find((r) => r.id === l.attachmentId)).filter((r): r is Attachment => Boolean(r)).map(toAttachmentRef);
  }

  /** The file, once the caller has checked the actor may see the notice. */
  async open(noticeId: number, attachmentId: number): Promise<{ attachment: Attachment; content: Readable }> {
    const link = await this.links.findOne({ where: { noticeId, attachmentId } });
    const attachment = link ? await this.attachments.findOne({ where: { id: attachmentId } }) : null;
    if (!attachment) throw AppException.notFound('附件');
    return { attachment, content: await this.storage.open(attachment.storageKey) };
  }
}
