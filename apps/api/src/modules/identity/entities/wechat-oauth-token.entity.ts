import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** wechat-oauth's token store: shared by every api instance instead of each process's memory. */
@Entity('wechat_oauth_tokens')
export class WechatOauthToken {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  openid: string;

  @Column({ type: 'text' })
  tokenJson: string;

  @UpdateDateColumn()
  updatedAt: Date;
}
