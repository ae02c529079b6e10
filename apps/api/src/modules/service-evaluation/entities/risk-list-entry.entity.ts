import { EvaluationRecordStatus, EvaluationSubjectType } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 风险名单: a company or project manager put on the published risk list by an approved determination. */
@Entity('evaluation_risk_list_entries')
@Index(['subjectType', 'districtId', 'factDate'])
@Index(['subjectType', 'subjectId'])
@Index(['published', 'publicityEnd'])
export class RiskListEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  subjectType: EvaluationSubjectType;

  @Column({ type: 'int' })
  subjectId: number;

  @Index()
  @Column({ type: 'varchar', length: 128 })
  subjectName: string;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  itemId: number;

  @Column({ type: 'varchar', length: 128 })
  itemName: string;

  @Column({ type: 'int' })
  circumstanceId: number;

  @Column({ type: 'varchar', length: 255 })
  circumstanceDescription: string;

  @Column({ type: 'int' })
  publicityMonths: number;

  @Column({ type: 'varchar', length: 10 })
  factDate: string;

  @Column({ type: 'varchar', length: 64 })
  documentNo: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  status: EvaluationRecordStatus;

  @Column({ type: 'boolean' })
  published: boolean;

  @Column({ type: 'varchar', length: 10 })
  publicityStart: string;

  /** the last day of publicity (inclusive) */
  @Column({ type: 'varchar', length: 10 })
  publicityEnd: string;

  @Column({ type: 'int' })
  determinationCaseId: number;

  @Column({ type: 'int', nullable: true })
  revocationCaseId: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  revocationReason: string | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  restorationCaseId: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  restorationReason: string | null;

  @Column({ type: 'datetime', nullable: true })
  restoredAt: Date | null;

  @Column({ type: 'int', nullable: true })
  pendingCaseId: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
