import { DeliveryChannel, DeliveryRoute, DeliveryStatus } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export { DeliveryChannel, DeliveryRoute, DeliveryStatus };

/**
 * One recipient × channel of a campaign. The unique key makes a delivery exist once, and the
 * queue job that delivers it is named after it, so a retry or a second worker never sends twice.
 * The INBOX row is the in-app message itself (delivered when the campaign commits, read state here).
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

  /** which WeChat API (or SMS) carried it */
  @Column({ type: 'varchar', length: 16, nullable: true })
  route: DeliveryRoute | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** the channel's own code of the last failure: WeChat errcode (e.g. 43101) or the SMS provider's code */
  @Column({ type: 'varchar', length: 64, nullable: true })
  errcode: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  lastError: string | null;

  /** when a worker took it (status SENDING); a claim older than the stale limit belongs to a worker that died */
  @Column({ type: 'datetime', nullable: true })
  claimedAt: Date | null;

  /** random per claim batch: tells a worker which of the rows it asked for it actually got */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  @Column({ type: 'datetime', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
