import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One name + phone pair that matched no preset account, per WeChat identity. Counting them stops
 * one WeChat user from trying pair after pair (the per-phone SMS limits cannot see that).
 */
@Entity('identity_lookup_failures')
@Index(['openid', 'failedAt'])
export class IdentityLookupFailure {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  openid: string;

  @Column({ type: 'datetime' })
  failedAt: Date;
}
