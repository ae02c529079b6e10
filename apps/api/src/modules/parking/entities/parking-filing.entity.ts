import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DECIMAL_NUMBER } from '../../property-areas/facilities/entities/decimal.transformer';

/**
 * 车位信息填报: one filing of a property area's parking spaces by its project manager. A new filing
 * supersedes the current one, which stays as history. `currentAreaId` is the area's id while the
 * filing is in force and null once superseded: its unique index keeps at most one current filing
 * per area in the database itself, and the statistics join the current filing on it. The area's
 * district, street and community are copied in, so the scoped door needs no join.
 */
@Entity('parking_filings')
@Index(['propertyAreaId', 'id'])
@Index(['districtId', 'id'])
@Index(['currentAreaId'], { unique: true })
export class ParkingFiling {
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

  /** the area's id while this filing is the current one, null once superseded */
  @Column({ type: 'int', nullable: true })
  currentAreaId: number | null;

  /** 车位总数 = 地上 + 地下 + 机械 */
  @Column({ type: 'int' })
  total: number;

  @Column({ type: 'int' })
  surface: number;

  @Column({ type: 'int' })
  underground: number;

  @Column({ type: 'int' })
  mechanical: number;

  /** 产权车位（已售） */
  @Column({ type: 'int' })
  soldOwned: number;

  /** 开发商持有（未售） */
  @Column({ type: 'int' })
  developerHeld: number;

  @Column({ type: 'int' })
  rented: number;

  /** 人防车位 */
  @Column({ type: 'int' })
  civilDefence: number;

  /** 共有车位 (on the owners' common roads or land) */
  @Column({ type: 'int' })
  common: number;

  /** 对外开放 / 公用 */
  @Column({ type: 'int' })
  publicOpen: number;

  @Column({ type: 'int' })
  temporary: number;

  @Column({ type: 'int' })
  evCharging: number;

  /** 充电桩数 */
  @Column({ type: 'int' })
  chargingPosts: number;

  /** 无障碍车位 (the column is not named `accessible`: a reserved word of MySQL / MariaDB) */
  @Column({ name: 'accessibleSpaces', type: 'int' })
  accessible: number;

  /** 月租标准, 元/月 */
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: DECIMAL_NUMBER })
  monthlyFee: number | null;

  /** 临停标准, 元/小时 */
  @Column({ type: 'decimal', precision: 10, scale: 2, nullable: true, transformer: DECIMAL_NUMBER })
  hourlyFee: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  remarks: string | null;

  @Column({ type: 'int', nullable: true })
  filedById: number | null;

  @Column({ type: 'varchar', length: 32 })
  filedByName: string;

  @Column({ type: 'datetime', nullable: true })
  supersededAt: Date | null;

  /** 填报时间 */
  @CreateDateColumn()
  filedAt: Date;
}
