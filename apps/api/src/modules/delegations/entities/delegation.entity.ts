import { DelegationStatus, ModuleKey } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * 代办委托: an officer (delegator) lends grants of some modules to a colleague of the same district
 * bureau (delegate) from startAt to endAt. Names are kept as they were when it was started.
 */
@Entity('delegations')
// the access check on every on-behalf request (delegate, delegator, status, then the window) and "delegations I received"
@Index(['delegateId', 'delegatorId', 'status', 'endAt'])
// "delegations I gave" and the overlap check
@Index(['delegatorId', 'status', 'endAt'])
// the expiry sweep
@Index(['status', 'endAt'])
export class Delegation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  delegatorId: number;

  @Column({ type: 'varchar', length: 32 })
  delegatorName: string;

  @Column({ type: 'int' })
  delegateId: number;

  @Column({ type: 'varchar', length: 32 })
  delegateName: string;

  @Column({ type: 'int' })
  districtId: number;

  /** the delegator chose "all my grants" (modules then lists what they held at the start) */
  @Column({ type: 'boolean' })
  allModules: boolean;

  /** the modules whose grants are lent */
  @Column({ type: 'simple-json' })
  modules: ModuleKey[];

  /** 委托代办的事宜 */
  @Column({ type: 'varchar', length: 500 })
  matters: string;

  @Column({ type: 'datetime' })
  startAt: Date;

  @Column({ type: 'datetime' })
  endAt: Date;

  @Column({ type: 'varchar', length: 16 })
  status: DelegationStatus;

  @Column({ type: 'datetime', nullable: true })
  terminatedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  expiredAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
