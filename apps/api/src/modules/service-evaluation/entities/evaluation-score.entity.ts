import { EvaluationGrade, EvaluationSubjectType } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A subject's score for one scoring cycle, as last computed by the scoring rules (recomputed for
 * the subject whenever one of its records changes state, and for everyone on demand).
 */
@Entity('evaluation_scores')
@Index(['subjectType', 'subjectId', 'cycleKey'], { unique: true })
@Index(['cycleKey', 'subjectType', 'districtId', 'total'])
export class EvaluationScore {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  subjectType: EvaluationSubjectType;

  @Column({ type: 'int' })
  subjectId: number;

  /** the subject's name when scored (what the score list searches) */
  @Index()
  @Column({ type: 'varchar', length: 128 })
  subjectName: string;

  /** the subject's district (a project manager's district, a company's registered district) */
  @Column({ type: 'int' })
  districtId: number;

  /** "2026" or "2026-H1" */
  @Column({ type: 'varchar', length: 8 })
  cycleKey: string;

  @Column({ type: 'int' })
  basicScore: number;

  /** uncapped sum of good-record points */
  @Column({ type: 'int' })
  goodRawScore: number;

  @Column({ type: 'int' })
  goodScore: number;

  @Column({ type: 'int' })
  badScore: number;

  @Column({ type: 'int' })
  total: number;

  @Column({ type: 'varchar', length: 4 })
  grade: EvaluationGrade;

  @Column({ type: 'int' })
  badRecordCount: number;

  @Column({ type: 'int' })
  goodRecordCount: number;

  @Column({ type: 'datetime' })
  computedAt: Date;
}
