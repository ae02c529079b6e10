import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StreetScoped } from '../../../access/district-scope';

/** 房屋: one house of a property area (a million at city scale, inserted in bulk). */
@Entity('houses')
@Index(['propertyAreaId', 'buildingId', 'unitNo'])
// eslint-disable-next-line szpm/no-raw-scoped-access -- the street condition of the scoped door itself: a house lies in its area's street
@StreetScoped((a) => `${a}.propertyAreaId IN (SELECT id FROM property_areas WHERE streetId = :scopeStreetId)`)
export class House {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  propertyAreaId: number;

  @Index()
  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'varchar', length: 16 })
  building: string;

  @Column({ type: 'varchar', length: 8 })
  unitNo: string;

  @Column({ type: 'varchar', length: 8 })
  roomNo: string;

  /** square metres */
  @Column({ type: 'double' })
  floorArea: number;

  @Column({ type: 'varchar', length: 16 })
  usage: string;

  /** 楼栋 (buildings.id); the `building` text is its name */
  @Column({ type: 'int', nullable: true })
  buildingId: number | null;

  /** 不动产单元号 */
  @Column({ type: 'varchar', length: 32, nullable: true })
  realEstateUnitNo: string | null;

  /** 楼层 */
  @Column({ type: 'int', nullable: true })
  floor: number | null;

  /** 建筑面积 ㎡ */
  @Column({ type: 'double', nullable: true })
  buildingArea: number | null;

  /** 套内面积 ㎡ */
  @Column({ type: 'double', nullable: true })
  innerArea: number | null;

  /** 分摊面积 ㎡ */
  @Column({ type: 'double', nullable: true })
  sharedArea: number | null;

  /** 计费面积 ㎡ */
  @Column({ type: 'double', nullable: true })
  chargeArea: number | null;

  /** 房屋类型 */
  @Column({ type: 'varchar', length: 16, nullable: true })
  houseType: string | null;

  /** 销售状态 */
  @Column({ type: 'varchar', length: 16, nullable: true })
  saleStatus: string | null;

  /** 是否有电梯 */
  @Column({ type: 'boolean', nullable: true })
  hasElevator: boolean | null;

  /** 维修资金应缴 元 */
  @Column({ type: 'double', nullable: true })
  fundDue: number | null;

  /** 维修资金余额 元 */
  @Column({ type: 'double', nullable: true })
  fundBalance: number | null;
}
