import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 子项: one thing to check, optionally naming the facility it is about (设施设备统计). */
@Entity('safety_check_sub_items')
export class SafetyCheckSubItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  templateId: number;

  @Column({ type: 'int' })
  indicatorId: number;

  @Column({ type: 'varchar', length: 255 })
  content: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  facility: string | null;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
