import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum SmsPurpose {
  BIND_IDENTITY = 'BIND_IDENTITY',
  /** 业主身份绑定 */
  BIND_OWNER = 'BIND_OWNER',
}

/** One SMS code sent for a purpose. The code itself is never stored, only its keyed hash. */
@Entity('sms_verifications')
@Index(['phone', 'purpose', 'sentAt'])
export class SmsVerification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 32 })
  purpose: SmsPurpose;

  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: 'datetime' })
  sentAt: Date;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'int', default: 0 })
  failedAttempts: number;

  /** set after too many wrong codes: no code for this phone is accepted or sent until then */
  @Column({ type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'datetime', nullable: true })
  consumedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
