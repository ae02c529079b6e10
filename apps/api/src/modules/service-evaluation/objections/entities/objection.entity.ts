import { EvaluationSubjectType, ObjectionGrounds, ObjectionOutcome, ObjectionTarget } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 异议: one objection of an evaluated subject, beside its workflow form (which holds the content,
 * the draft and the history). The unique key refuses a second objection on the same record on the
 * same grounds, also when two arrive at once.
 */
@Entity('evaluation_objections')
@Index(['targetKey', 'grounds'], { unique: true })
@Index(['subjectType', 'subjectId', 'createdAt'])
@Index(['districtId', 'createdAt'])
export class Objection {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  caseId: number;

  @Column({ type: 'varchar', length: 32 })
  businessNo: string;

  @Column({ type: 'varchar', length: 24 })
  target: ObjectionTarget;

  /** the bad record or risk-list entry */
  @Column({ type: 'int', nullable: true })
  recordId: number | null;

  /** the scoring cycle of a score objection */
  @Column({ type: 'varchar', length: 8, nullable: true })
  cycleKey: string | null;

  /** what is disputed, as one key: BAD_RECORD:12, RISK_LIST_ENTRY:3, SCORE:COMPANY:5:2026 */
  @Column({ type: 'varchar', length: 64 })
  targetKey: string;

  @Column({ type: 'varchar', length: 16 })
  subjectType: EvaluationSubjectType;

  @Column({ type: 'int' })
  subjectId: number;

  @Column({ type: 'varchar', length: 128 })
  subjectName: string;

  /** the district bureau that handles it (the one that decided the record; a score's subject's district) */
  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  kindId: number;

  @Column({ type: 'varchar', length: 64 })
  kindName: string;

  @Column({ type: 'varchar', length: 24 })
  grounds: ObjectionGrounds;

  /** the account that filed it (told the outcome) */
  @Column({ type: 'int' })
  filedById: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome: ObjectionOutcome | null;

  @Column({ type: 'datetime', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
