import { EvaluationTarget } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 业主评价记录: one house's evaluation of its property service or owners' committee in one Shanghai
 * month (a second one of the same house, target and month is refused by the unique index).
 */
@Entity('owner_evaluations')
@Index(['houseId', 'target', 'month'], { unique: true })
@Index(['propertyAreaId', 'target', 'month'])
@Index(['companyId', 'target', 'month'])
@Index(['districtId', 'target', 'month'])
export class OwnerEvaluation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  target: EvaluationTarget;

  /** YYYY-MM */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'int' })
  propertyAreaId: number;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int' })
  communityId: number;

  /** the area's company at the time (property evaluations) */
  @Column({ type: 'int', nullable: true })
  companyId: number | null;

  /** the area's committee at the time (committee evaluations) */
  @Column({ type: 'int', nullable: true })
  committeeId: number | null;

  @Column({ type: 'int' })
  houseId: number;

  /** the registered owner; null for a record carried over from the platform's earlier system (the seeds' history) */
  @Column({ type: 'int', nullable: true })
  ownerId: number | null;

  /** the owner identity that submitted it; null for a carried-over record */
  @Index()
  @Column({ type: 'int', nullable: true })
  identityId: number | null;

  @Column({ type: 'varchar', length: 32 })
  ownerName: string;

  /** score × 100: Σ weight × star / 5 × 100 over Σ weight, kept exact in hundredths */
  @Column({ type: 'int' })
  scoreHundredths: number;

  /** the weighted mean star, rounded (1–5) */
  @Column({ type: 'int' })
  stars: number;

  /** an item at 3 stars or fewer */
  @Column({ type: 'boolean' })
  lowStar: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment: string | null;

  @Column({ type: 'boolean', default: false })
  anonymous: boolean;

  @Column({ type: 'datetime' })
  submittedAt: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reply: string | null;

  @Column({ type: 'datetime', nullable: true })
  repliedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  repliedById: number | null;
}
