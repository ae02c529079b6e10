import { EvaluationSubjectType } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 不良信息事项: one kind of violation of the catalogue; its circumstances carry level, points and publicity. */
@Entity('evaluation_bad_record_items')
export class BadRecordItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** null: applies to companies and project managers alike */
  @Column({ type: 'varchar', length: 16, nullable: true })
  subjectType: EvaluationSubjectType | null;

  /** 有多个处罚事项，同一事项只计一次，取最高等级计分 (linked records of one subject and year count once) */
  @Column({ type: 'boolean', default: false })
  countOncePerYear: boolean;

  /** disabled items stay on old records but cannot be chosen for new ones */
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
