import type { WechatChannel } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A WeChat identity on the owners' side (业主): created at its first sign-in, bound to houses afterwards. */
@Entity('owner_identities')
@Index(['channel', 'openid'], { unique: true })
export class OwnerIdentity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 8 })
  channel: WechatChannel;

  @Column({ type: 'varchar', length: 64 })
  openid: string;

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
