import { MaintenanceCycle } from '@szpm/contract';
import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DECIMAL_NUMBER } from './decimal.transformer';

/**
 * 设施设备: one entry of a property area's facility ledger (the platform's FacilityAccount). The area's
 * district, street and community are copied in, so the scoped door and the district's ledger need
 * no join. Deletion is logical (`deletedAt`): a deleted facility is gone from every list and lookup.
 * Dates are Shanghai calendar days, YYYY-MM-DD.
 */
@Entity('facilities')
@Index(['propertyAreaId', 'facilityTypeId'])
@Index(['districtId', 'dueDate'])
@Index(['districtId', 'id'])
@Index(['registerNumber'])
export class Facility {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'int' })
  propertyAreaId: number;

  @Column({ type: 'int' })
  facilityTypeId: number;

  /** 设备名称 */
  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** 所属楼栋 (null: the whole area) */
  @Column({ type: 'int', nullable: true })
  buildingId: number | null;

  /** 单元 of the building */
  @Column({ type: 'varchar', length: 32, nullable: true })
  unitName: string | null;

  /** 位置 */
  @Column({ type: 'varchar', length: 128, nullable: true })
  position: string | null;

  /** 品牌 */
  @Column({ type: 'varchar', length: 64, nullable: true })
  brand: string | null;

  /** 生产或维保单位 */
  @Column({ type: 'varchar', length: 128, nullable: true })
  company: string | null;

  /** 数量 */
  @Column({ type: 'int', default: 1 })
  quantity: number;

  /** 注册代码 (特种设备注册代码 of lifts …) */
  @Column({ type: 'varchar', length: 32, nullable: true })
  registerNumber: string | null;

  /** 出厂编号 */
  @Column({ type: 'varchar', length: 64, nullable: true })
  serialNumber: string | null;

  /** 启用时间 */
  @Column({ type: 'varchar', length: 10, nullable: true })
  commissionedAt: string | null;

  /** 到期日期 (certificate / warranty) */
  @Column({ type: 'varchar', length: 10, nullable: true })
  dueDate: string | null;

  /** 维保周期 */
  @Column({ type: 'varchar', length: 16, nullable: true })
  maintenanceCycle: MaintenanceCycle | null;

  /** 责任人 */
  @Column({ type: 'varchar', length: 32, nullable: true })
  personLiable: string | null;

  /** 原值, 元 */
  @Column({ type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: DECIMAL_NUMBER })
  originalValue: number | null;

  /** 现值, 元 */
  @Column({ type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: DECIMAL_NUMBER })
  currentValue: number | null;

  /** 年检单位 */
  @Column({ type: 'varchar', length: 128, nullable: true })
  annualInspector: string | null;

  /** 年检费用, 元 */
  @Column({ type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: DECIMAL_NUMBER })
  annualCost: number | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  remarks: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;

  @DeleteDateColumn({ nullable: true })
  deletedAt: Date | null;
}
