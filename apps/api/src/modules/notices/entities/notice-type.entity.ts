import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 通知类型: the configurable list a sender picks from (seeded with defaults; disabled, never deleted). */
@Entity('notice_types')
export class NoticeType {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
