import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum CampaignKind {
  /** 催绑: remind unbound accounts to bind their WeChat identity */
  URGE_BINDING = 'URGE_BINDING',
  NOTICE = 'NOTICE',
  /** 催办: remind recipients who have not finished a matter */
  URGE = 'URGE',
  /** 提醒更新 */
  REMIND_UPDATE = 'REMIND_UPDATE',
}

/** A notification sent once to many recipients: sender, reason, text and the thing it is about. */
@Entity('notification_campaigns')
@Index(['kind', 'createdAt'])
@Index(['subjectType', 'subjectId'])
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

  @CreateDateColumn()
  createdAt: Date;
}
