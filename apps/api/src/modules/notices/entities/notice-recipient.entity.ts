import { NoticeAudience } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One account a notice was addressed to, why (audience) and for which unit, as at publishing. */
@Entity('notice_recipients')
@Index(['noticeId', 'accountId'], { unique: true })
export class NoticeRecipient {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  noticeId: number;

  @Index()
  @Column({ type: 'int' })
  accountId: number;

  @Column({ type: 'varchar', length: 24 })
  audience: NoticeAudience;

  /** the areas a manager runs, the committee's name, or the district bureau */
  @Column({ type: 'varchar', length: 255 })
  unitName: string;
}
