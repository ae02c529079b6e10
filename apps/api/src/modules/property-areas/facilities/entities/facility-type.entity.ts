import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * 设施设备类型: the city-wide catalogue, a tree of at most three levels (电梯 → 乘客电梯). Seeded with the
 * defaults of the domain notes on first start, then maintained by city admins; types are disabled,
 * never deleted, because facilities refer to them.
 */
@Entity('facility_types')
@Index(['parentId', 'sortOrder'])
export class FacilityType {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  /** 特种设备: its facilities carry 注册代码 and 到期日期 and appear in 到期提醒 */
  @Column({ type: 'boolean', default: false })
  isSpecialEquipment: boolean;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
