import { CampaignKind } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export { CampaignKind };

/** A notification sent once to many recipients: sender, reason, text and the thing it is about. */
@Entity('notification_campaigns')
@Index(['kind', 'createdAt'])
@Index(['subjectType', 'subjectId'])
@Index(['senderId', 'createdAt'])
export class NotificationCampaign {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  kind: CampaignKind;

  @Column({ type: 'int', nullable: true })
  senderId: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  senderName: string | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  districtId: number | null;

  @Column({ type: 'varchar', length: 128 })
  title: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  link: string | null;

  /** what the campaign is about, e.g. ('notice', 12) */
  @Column({ type: 'varchar', length: 32, nullable: true })
  subjectType: string | null;

  @Column({ type: 'int', nullable: true })
  subjectId: number | null;

  @Column({ type: 'int', default: 0 })
  recipientCount: number;

  /** when WeChat cannot reach a recipient (no binding, refused, retries exhausted), send an SMS instead, if SMS is configured */
  @Column({ type: 'boolean', default: false })
  smsFallback: boolean;

  @CreateDateColumn()
  createdAt: Date;
}
