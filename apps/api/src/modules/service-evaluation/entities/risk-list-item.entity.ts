import { EvaluationSubjectType } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 风险名单事项: a reason for putting a subject on the risk list. */
@Entity('evaluation_risk_list_items')
export class RiskListItem {
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

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
