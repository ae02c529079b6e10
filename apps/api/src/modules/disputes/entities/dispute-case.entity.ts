import type {
  DisputeDisposal,
  DisputeOutcome,
  DisputePartyKind,
  DisputeSource,
  DisputeStatus,
  DisputeUrgency,
  PetitionCategory,
  PetitionForm,
} from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * 矛盾纠纷件: the ledger row of one dispute case. The case runs on the workflow engine (its steps and
 * 历程 live in workflow_cases / workflow_actions); this row is the case's content and standing as
 * columns, written in the same transaction as every step, so the ledgers, their search keys, the
 * export and the statistics read one indexed table. The street is the case's address street, fixed
 * at entry (the street office a 转办 goes to), not only once transferred.
 */
@Entity('dispute_cases')
// the ledgers: a page in entry order per ledger (未办结 / 已办结) and for 总台账, and their total and
// overdue counts answered from the index alone (closed, deadline)
@Index(['districtId', 'closed', 'enteredAt'])
@Index(['districtId', 'enteredAt'])
@Index(['districtId', 'closed', 'deadline'])
@Index(['streetId', 'closed', 'enteredAt'])
@Index(['streetId', 'enteredAt'])
@Index(['districtId', 'categoryId', 'enteredAt'])
@Index(['propertyAreaId', 'categoryId', 'enteredAt'])
@Index(['petitionerPhone', 'enteredAt'])
@Index(['communityId', 'enteredAt'])
@Index(['closed', 'deadline'])
export class DisputeCase {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  workflowCaseId: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  businessNo: string;

  // 地址信息: region fields are fixed once entered
  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'int' })
  propertyAreaId: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  address: string | null;

  // 业务信息
  @Column({ type: 'int' })
  categoryId: number;

  @Column({ type: 'varchar', length: 1000 })
  summary: string;

  @Column({ type: 'varchar', length: 1000 })
  demand: string;

  @Column({ type: 'int' })
  peopleCount: number;

  @Column({ type: 'varchar', length: 24 })
  applicantKind: DisputePartyKind;

  @Column({ type: 'varchar', length: 64 })
  applicantName: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  applicantPhone: string | null;

  @Column({ type: 'varchar', length: 24 })
  respondentKind: DisputePartyKind;

  @Column({ type: 'varchar', length: 64 })
  respondentName: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  respondentPhone: string | null;

  @Column({ type: 'varchar', length: 24 })
  source: DisputeSource;

  @Column({ type: 'varchar', length: 16 })
  urgency: DisputeUrgency;

  // 信访信息 (optional: petitioner null when the block is absent)
  @Column({ type: 'varchar', length: 64, nullable: true })
  petitionNo: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  petitioner: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  petitionerPhone: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  petitionForm: PetitionForm | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  petitionDate: string | null;

  @Column({ type: 'boolean', nullable: true })
  petitionCollective: boolean | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  petitionCategory: PetitionCategory | null;

  /** 办理时限, a Shanghai date */
  @Column({ type: 'varchar', length: 10 })
  deadline: string;

  // standing
  @Column({ type: 'varchar', length: 24 })
  status: DisputeStatus;

  /** 已办结 (status APPROVED): the ledgers split on it */
  @Column({ type: 'boolean', default: false })
  closed: boolean;

  /** with the street office now */
  @Column({ type: 'boolean', default: false })
  withStreet: boolean;

  @Column({ type: 'datetime', nullable: true })
  transferredAt: Date | null;

  @Column({ type: 'int', default: 0 })
  transferCount: number;

  /** 驳回重报 received */
  @Column({ type: 'int', default: 0 })
  sendBackCount: number;

  // 处理
  @Column({ type: 'varchar', length: 16, nullable: true })
  disposal: DisputeDisposal | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome: DisputeOutcome | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  repliedAt: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  handlingNote: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  issues: string | null;

  /** the account whose 申请办结 / 办结 put the case to review (separation of duties) */
  @Column({ type: 'int', nullable: true })
  handledById: number | null;

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;

  /** 案结事未了: closed, kept for follow-up */
  @Column({ type: 'boolean', default: false })
  followUp: boolean;

  /** calendar days from entry to closing (平均办理天数) */
  @Column({ type: 'int', nullable: true })
  handlingDays: number | null;

  @Column({ type: 'datetime' })
  enteredAt: Date;

  @Column({ type: 'int' })
  enteredById: number;

  @Column({ type: 'varchar', length: 32 })
  enteredByName: string;

  @Index()
  @Column({ type: 'int', nullable: true })
  importBatchId: number | null;

  /** the workflow case's version, for the clients' next step */
  @Column({ type: 'int' })
  version: number;

  /** the deadline a reminder was sent for, one working day before and on the day (a changed deadline re-arms them) */
  @Column({ type: 'varchar', length: 10, nullable: true })
  remindedBeforeFor: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  remindedDueFor: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
