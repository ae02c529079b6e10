import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The cooldown of 催办: one row per matter (subject) and recipient, holding when the recipient
 * was last urged about it. Claimed with INSERT IGNORE + a conditional UPDATE that stamps the
 * caller's claim token, so of two urges at once only one gets each recipient.
 */
@Entity('notification_urges')
@Index(['subjectType', 'subjectId', 'recipientId'], { unique: true })
export class NotificationUrge {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  subjectType: string;

  @Column({ type: 'int' })
  subjectId: number;

  @Column({ type: 'int' })
  recipientId: number;

  @Column({ type: 'datetime' })
  lastUrgedAt: Date;

  @Column({ type: 'int', default: 1 })
  urgeCount: number;

  /** the urge call that last claimed this row (random per call) */
  @Column({ type: 'varchar', length: 36 })
  claimToken: string;

  @Column({ type: 'int', nullable: true })
  lastCampaignId: number | null;
}
