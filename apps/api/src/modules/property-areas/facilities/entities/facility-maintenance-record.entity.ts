import { MaintenanceKind } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DECIMAL_NUMBER } from './decimal.transformer';

/** 维修保养记录 of one facility (保养 / 维修 / 年检 / 更换); its district is the facility's. */
@Entity('facility_maintenance_records')
@Index(['facilityId', 'maintainedOn'])
export class FacilityMaintenanceRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  facilityId: number;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int' })
  propertyAreaId: number;

  /** 日期, YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10 })
  maintainedOn: string;

  @Column({ type: 'varchar', length: 24 })
  kind: MaintenanceKind;

  /** 内容 */
  @Column({ type: 'varchar', length: 500 })
  content: string;

  /** 情况 */
  @Column({ type: 'varchar', length: 500, nullable: true })
  situation: string | null;

  /** 单位 */
  @Column({ type: 'varchar', length: 128, nullable: true })
  unit: string | null;

  /** 人员 */
  @Column({ type: 'varchar', length: 32, nullable: true })
  person: string | null;

  /** 费用, 元 */
  @Column({ type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: DECIMAL_NUMBER })
  cost: number | null;

  /** the facility's new 到期日期 this record set (年检 …) */
  @Column({ type: 'varchar', length: 10, nullable: true })
  nextDueDate: string | null;

  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @Column({ type: 'varchar', length: 32 })
  createdByName: string;

  @CreateDateColumn()
  createdAt: Date;
}
