import { EvaluationTarget } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 不满意原因 offered for an item rated three stars or fewer (其他 is free text beside them). */
@Entity('owner_evaluation_reasons')
@Index(['target', 'name'], { unique: true })
export class DiscontentReasonEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  target: EvaluationTarget;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
