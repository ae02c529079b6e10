import { EvaluationRecordStatus, EvaluationSubjectType } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Named, because name searches (LIKE '%…%') hint them on MySQL: see BadRecordsService.search. */
export const BAD_RECORD_NAME_IN_DISTRICT_INDEX = 'IDX_bad_records_district_name';
export const BAD_RECORD_NAME_INDEX = 'IDX_bad_records_name';

/**
 * 不良信息: created when its determination form (不良信息认定) is approved. The catalogue values
 * (item, circumstance, level, points, publicity months) are copied in, so later catalogue edits
 * never change a determined record. Dates are Shanghai calendar days ('YYYY-MM-DD').
 */
@Entity('evaluation_bad_records')
// 不良信息汇总: each common filter has an index that covers it (with the fact date for the order),
// so the page's ids and the count are read from the index alone; see BadRecordsService.search
@Index(['districtId', 'factDate'])
@Index(BAD_RECORD_NAME_IN_DISTRICT_INDEX, ['districtId', 'subjectName', 'subjectType', 'factDate'])
@Index(['districtId', 'status', 'factDate'])
@Index(['districtId', 'itemId', 'factDate'])
@Index(['factDate'])
@Index(BAD_RECORD_NAME_INDEX, ['subjectName', 'subjectType', 'factDate'])
@Index(['status', 'factDate'])
@Index(['itemId', 'factDate'])
// scoring reads a subject's records of a cycle; publicity reads what is published
@Index(['subjectType', 'subjectId', 'factDate'])
@Index(['published', 'publicityEnd'])
export class BadRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  subjectType: EvaluationSubjectType;

  @Column({ type: 'int' })
  subjectId: number;

  /** the subject's name when determined (what the summary and publicity search) */
  @Column({ type: 'varchar', length: 128 })
  subjectName: string;

  /** the district bureau that determined the record */
  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  itemId: number;

  @Column({ type: 'varchar', length: 128 })
  itemName: string;

  @Column({ type: 'boolean', default: false })
  countOncePerYear: boolean;

  @Column({ type: 'int' })
  circumstanceId: number;

  @Column({ type: 'varchar', length: 255 })
  circumstanceDescription: string;

  @Column({ type: 'int' })
  level: number;

  @Column({ type: 'int' })
  points: number;

  @Column({ type: 'int' })
  publicityMonths: number;

  /** 事实发生日期: decides the scoring cycle and the year of the count-once rule */
  @Column({ type: 'varchar', length: 10 })
  factDate: string;

  /** 文书编号 */
  @Column({ type: 'varchar', length: 64 })
  documentNo: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  status: EvaluationRecordStatus;

  /** on public display now; cleared by revocation, restoration or the end of publicity */
  @Column({ type: 'boolean' })
  published: boolean;

  @Column({ type: 'varchar', length: 10 })
  publicityStart: string;

  /** the last day of publicity (inclusive) */
  @Column({ type: 'varchar', length: 10 })
  publicityEnd: string;

  /** the same-year records of the same item the handler linked (关联同年度的不良信息) */
  @Column({ type: 'simple-json' })
  linkedRecordIds: number[];

  /**
   * Records linked to each other, directly or through others, share this id (the smallest record
   * id among them); only the highest-level record of a group counts. null: not linked.
   */
  @Index()
  @Column({ type: 'int', nullable: true })
  countOnceGroupId: number | null;

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

  /** the revocation or restoration form running on this record (one at a time) */
  @Column({ type: 'int', nullable: true })
  pendingCaseId: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
