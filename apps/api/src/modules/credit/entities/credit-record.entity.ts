import { CreditInfoKind, CreditSubjectType } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 诚信登记: a piece of good or bad information about a subject of chapter 8 that does not come from
 * the service evaluation (a court judgment, another department's penalty, a commendation).
 */
@Entity('credit_records')
@Index(['subjectType', 'subjectId', 'recordDate'])
@Index(['districtId', 'recordDate'])
export class CreditRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24 })
  subjectType: CreditSubjectType;

  @Column({ type: 'int' })
  subjectId: number;

  /** the subject's name when registered */
  @Column({ type: 'varchar', length: 128 })
  subjectName: string;

  /** the subject's district (a company's registered district) */
  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'varchar', length: 8 })
  kind: CreditInfoKind;

  @Column({ type: 'varchar', length: 128 })
  title: string;

  @Column({ type: 'text' })
  content: string;

  /** 认定单位 */
  @Column({ type: 'varchar', length: 128 })
  issuedBy: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  documentNo: string | null;

  /** 认定日期, Shanghai day */
  @Column({ type: 'varchar', length: 10 })
  recordDate: string;

  /** 有效期至 (inclusive), when the information has one */
  @Column({ type: 'varchar', length: 10, nullable: true })
  validUntil: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
