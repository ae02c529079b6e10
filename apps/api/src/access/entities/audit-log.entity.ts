import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * How a write ended: done; refused by access control (401/403, at the guard or later, e.g.
 * OUT_OF_DISTRICT); or failed for any other reason (bad input, conflict, server error).
 */
export type AuditOutcome = 'succeeded' | 'refused' | 'failed';

/**
 * One write through the API, whether it reached its handler or was refused at the door: who (and on
 * whose behalf; null when the caller was not authenticated), what, on which target, how it ended,
 * when, with which request id.
 */
@Entity('audit_logs')
@Index(['actorId', 'createdAt'])
@Index(['targetType', 'targetId'])
export class AuditLog {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  /** the delegator when the actor acted on their behalf (代办委托) */
  @Column({ type: 'int', nullable: true })
  onBehalfOfId: number | null;

  @Column({ type: 'int', nullable: true })
  districtId: number | null;

  @Column({ type: 'varchar', length: 128 })
  action: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  targetType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @Column({ type: 'varchar', length: 8 })
  method: string;

  @Column({ type: 'varchar', length: 255 })
  path: string;

  @Column({ type: 'int' })
  statusCode: number;

  @Column({ type: 'varchar', length: 16, default: 'succeeded' })
  outcome: AuditOutcome;

  /** the `code` of the error body the caller got (null on success) */
  @Column({ type: 'varchar', length: 64, nullable: true })
  errorCode: string | null;

  @Column({ type: 'varchar', length: 64 })
  requestId: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Index()
  @CreateDateColumn()
  createdAt: Date;
}
