import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An uploaded attachment (POST /api/attachments) that a notice carries. The unique key lets an
 * upload serve one notice only; the notice's recipients and its senders' bureau may download it.
 */
@Entity('notice_attachments')
export class NoticeAttachment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  noticeId: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  attachmentId: number;
}
