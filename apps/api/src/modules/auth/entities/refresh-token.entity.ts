import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum LoginChannel {
  PC = 'PC',
  WECHAT_OFFICIAL_ACCOUNT = 'WECHAT_OA',
  WECHAT_MINI_PROGRAM = 'WECHAT_MINI',
}

/**
 * An opaque refresh token, stored hashed. Refreshing rotates it; presenting a rotated token
 * again revokes the whole family (a stolen token can be used once at most).
 */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  accountId: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** tokens issued by one login share a family; reuse of a rotated token revokes the family */
  @Index()
  @Column({ type: 'varchar', length: 36 })
  family: string;

  @Column({ type: 'varchar', length: 16 })
  channel: LoginChannel;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  rotatedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
