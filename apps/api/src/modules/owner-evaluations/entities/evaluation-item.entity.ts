import { EvaluationTarget } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 评价项 of a target's catalogue (GetEvaluationColumn); a record's score weighs its stars by `weight`. */
@Entity('owner_evaluation_items')
@Index(['target', 'name'], { unique: true })
export class EvaluationItemEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  target: EvaluationTarget;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'int', default: 1 })
  weight: number;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
