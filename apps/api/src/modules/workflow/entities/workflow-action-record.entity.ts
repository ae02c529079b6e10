import { Role, WorkflowAction, WorkflowStatus } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One line of a form's history (审批流程记录 / 历程): who did what, in which role, when, with which opinion. */
@Entity('workflow_actions')
@Index(['caseId', 'seq'], { unique: true })
@Index(['actorId', 'caseId'])
@Index(['onBehalfOfId', 'caseId'])
export class WorkflowActionRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  caseId: number;

  /** 1, 2, 3 … within the case */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  action: WorkflowAction;

  @Column({ type: 'varchar', length: 24, nullable: true })
  fromStatus: WorkflowStatus | null;

  @Column({ type: 'varchar', length: 24 })
  toStatus: WorkflowStatus;

  @Column({ type: 'int' })
  actorId: number;

  @Column({ type: 'varchar', length: 32 })
  actorName: string;

  @Column({ type: 'varchar', length: 32 })
  actorRole: Role;

  /** the delegator when the actor worked through a delegation (代办委托) */
  @Column({ type: 'int', nullable: true })
  onBehalfOfId: number | null;

  /** the delegator's name at the time, as actorName is the actor's */
  @Column({ type: 'varchar', length: 32, nullable: true })
  onBehalfOfName: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  opinion: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  remark: string | null;

  @Column({ type: 'simple-json' })
  attachmentIds: number[];

  @CreateDateColumn()
  at: Date;
}
