import { Role, UnitCategory, WorkflowOrigin, WorkflowStatus } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * 审批单 / 业务单: one run of a business form through the workflow. Its content lives only here
 * (`payload`) until the form is approved, when the form type's onApproved hook applies it.
 */
@Entity('workflow_cases')
@Index(['districtId', 'status', 'formType'])
@Index(['districtId', 'createdAt'])
@Index(['streetId', 'status'])
@Index(['initiatorId'])
@Index(['subjectType', 'subjectId'])
export class WorkflowCase {
  @PrimaryGeneratedColumn()
  id: number;

  /** readable and unique: prefix-YYYYMMDD-sequence of the Shanghai day, e.g. BR-20261126-0001 */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  businessNo: string;

  @Column({ type: 'varchar', length: 64 })
  formType: string;

  @Column({ type: 'varchar', length: 16 })
  origin: WorkflowOrigin;

  @Column({ type: 'varchar', length: 24 })
  status: WorkflowStatus;

  @Column({ type: 'int' })
  districtId: number;

  /** forms a street office works on: its street (street-office accounts see only their street's forms); else null */
  @Column({ type: 'int', nullable: true })
  streetId: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  subjectType: string | null;

  @Column({ type: 'int', nullable: true })
  subjectId: number | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  subjectName: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** the content as it stands, including edits made at later steps */
  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>;

  /** the content as first entered or filed */
  @Column({ type: 'simple-json' })
  originalPayload: Record<string, unknown>;

  @Column({ type: 'int' })
  initiatorId: number;

  @Column({ type: 'varchar', length: 32 })
  initiatorName: string;

  @Column({ type: 'varchar', length: 32 })
  initiatorRole: Role;

  /** subject forms: the unit that filed it (any account of that unit may supplement and file again) */
  @Column({ type: 'varchar', length: 32, nullable: true })
  initiatorUnitCategory: UnitCategory | null;

  @Column({ type: 'int', nullable: true })
  initiatorUnitId: number | null;

  /** who last entered, submitted or proposed it: barred from reviewing it */
  @Column({ type: 'int', nullable: true })
  entryActorId: number | null;

  /** optimistic lock: every action is `UPDATE … WHERE id = ? AND version = ?` and increments it */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null;
}
