import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 检查指标: a group of sub-items of a template (e.g. 消防保卫). */
@Entity('safety_check_indicators')
export class SafetyCheckIndicator {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  templateId: number;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
