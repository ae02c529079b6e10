import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum DeliveryChannel {
  INBOX = 'INBOX',
  WECHAT = 'WECHAT',
  SMS = 'SMS',
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** gave up after retries */
  FAILED = 'FAILED',
  /** refused for good by the channel (e.g. no subscription); never retried */
  REJECTED = 'REJECTED',
}

/**
 * One recipient × channel of a campaign. The unique key makes a delivery exist once, and the
 * queue job that delivers it is named after it, so a retry or a second worker never sends twice.
 */
@Entity('notification_deliveries')
@Index(['campaignId', 'recipientId', 'channel'], { unique: true })
@Index(['recipientId', 'channel', 'createdAt'])
@Index(['status', 'channel'])
export class NotificationDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  campaignId: number;

  @Column({ type: 'int' })
  recipientId: number;

  @Column({ type: 'varchar', length: 8 })
  channel: DeliveryChannel;

  @Column({ type: 'varchar', length: 16, default: DeliveryStatus.PENDING })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
