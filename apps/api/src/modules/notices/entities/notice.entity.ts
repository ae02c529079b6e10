import { NoticeTargetView } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 通知: published by a district bureau (districtId) or the city (districtId null) to the recipients
 * in notice_recipients. Delivery and read state live in the notification campaign (campaignId):
 * a recipient has read the notice when their inbox message of that campaign is read.
 */
@Entity('notices')
@Index(['districtId', 'createdAt'])
export class Notice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  districtId: number | null;

  @Index()
  @Column({ type: 'int' })
  senderId: number;

  @Column({ type: 'varchar', length: 32 })
  senderName: string;

  @Column({ type: 'int' })
  noticeTypeId: number;

  /** the type's name when published (a renamed type does not rewrite old notices) */
  @Column({ type: 'varchar', length: 32 })
  noticeTypeName: string;

  @Column({ type: 'varchar', length: 128 })
  title: string;

  @Column({ type: 'text' })
  content: string;

  /** the audiences and regions the sender chose */
  @Column({ type: 'simple-json' })
  target: NoticeTargetView;

  @Column({ type: 'int', nullable: true })
  campaignId: number | null;

  @Column({ type: 'int', default: 0 })
  recipientCount: number;

  @Column({ type: 'int', default: 0 })
  attachmentCount: number;

  @CreateDateColumn()
  createdAt: Date;
}
