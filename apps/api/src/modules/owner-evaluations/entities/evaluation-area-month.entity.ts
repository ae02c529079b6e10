import { EvaluationTarget } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The month's evaluations of one area and target, summed in the transaction of every evaluation and
 * reply: statistics and rankings read ~10,000 of these a month instead of scanning millions of
 * records.
 */
@Entity('owner_evaluation_area_months')
@Index(['propertyAreaId', 'target', 'month'], { unique: true })
@Index(['target', 'month', 'districtId'])
@Index(['target', 'month', 'companyId'])
export class EvaluationAreaMonth {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  propertyAreaId: number;

  @Column({ type: 'varchar', length: 16 })
  target: EvaluationTarget;

  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'int', nullable: true })
  companyId: number | null;

  @Column({ type: 'int', nullable: true })
  committeeId: number | null;

  @Column({ type: 'int', default: 0 })
  records: number;

  /** houses whose first evaluation of the target in the year is in this month (评价户数 of a year sums them) */
  @Column({ type: 'int', default: 0 })
  firstInYear: number;

  @Column({ type: 'bigint', default: 0, transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  scoreHundredthsSum: number;

  @Column({ type: 'int', default: 0 })
  star1: number;

  @Column({ type: 'int', default: 0 })
  star2: number;

  @Column({ type: 'int', default: 0 })
  star3: number;

  @Column({ type: 'int', default: 0 })
  star4: number;

  @Column({ type: 'int', default: 0 })
  star5: number;

  @Column({ type: 'int', default: 0 })
  lowStar: number;

  @Column({ type: 'int', default: 0 })
  replied: number;

  @Column({ type: 'int', default: 0 })
  lowStarReplied: number;

  /** records with a 其他 text */
  @Column({ type: 'int', default: 0 })
  otherReasons: number;
}
