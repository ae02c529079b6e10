import { EvaluationTarget } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** How many answers of an area's month picked a 不满意原因 (the statistics' top-N), kept with the evaluation. */
@Entity('owner_evaluation_reason_months')
@Index(['propertyAreaId', 'target', 'month', 'reasonId'], { unique: true })
@Index(['target', 'month', 'districtId'])
export class EvaluationReasonMonth {
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

  @Column({ type: 'int' })
  reasonId: number;

  @Column({ type: 'int', default: 0 })
  count: number;
}
