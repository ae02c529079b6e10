import { AccountStatus, Role, UnitCategory } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * A person's account, created in advance by a district lead or a city admin (no self-registration).
 * Officer accounts carry their district (and street); unit accounts name the unit they speak for.
 */
@Entity('accounts')
@Index(['districtId', 'role'])
@Index(['unitCategory', 'unitId'])
export class Account {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 100 })
  passwordHash: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ type: 'int', nullable: true })
  districtId: number | null;

  @Column({ type: 'int', nullable: true })
  streetId: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  unitCategory: UnitCategory | null;

  @Column({ type: 'int', nullable: true })
  unitId: number | null;

  @Column({ type: 'varchar', length: 16, default: AccountStatus.ACTIVE })
  status: AccountStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  position: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  avatarUrl: string | null;

  /** openid under the official account (H5 inside WeChat) */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  wechatOpenId: string | null;

  /** openid under the mini-program */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  miniOpenId: string | null;

  @Column({ type: 'datetime', nullable: true })
  boundAt: Date | null;

  @Column({ type: 'int', default: 0 })
  failedLoginCount: number;

  @Column({ type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null;

  /** when the owner last set the password themself; null: the initial one an admin set (creation or reset), to be changed first */
  @Column({ type: 'datetime', nullable: true })
  passwordChangedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  get wechatBound(): boolean {
    return Boolean(this.wechatOpenId || this.miniOpenId);
  }
}
