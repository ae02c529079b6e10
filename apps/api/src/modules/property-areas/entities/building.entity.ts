import { BuildingStructure } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { StreetScoped } from '../../../access/district-scope';

/** 楼栋 (EaBuild): a building of a property area; its houses carry buildingId, its 单元 are their distinct unitNo. */
@Entity('buildings')
@Index(['propertyAreaId', 'code'], { unique: true })
// eslint-disable-next-line szpm/no-raw-scoped-access -- the street condition of the scoped door itself: a building lies in its area's street
@StreetScoped((a) => `${a}.propertyAreaId IN (SELECT id FROM property_areas WHERE streetId = :scopeStreetId)`)
export class Building {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  propertyAreaId: number;

  @Index()
  @Column({ type: 'int' })
  districtId: number;

  /** 楼栋编码, unique within the area */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  /** 楼栋名称 (1栋, A座) */
  @Column({ type: 'varchar', length: 32 })
  name: string;

  /** 总层数 (above ground) */
  @Column({ type: 'int' })
  totalFloors: number;

  /** 是否有地下室 */
  @Column({ type: 'boolean', default: false })
  hasBasement: boolean;

  /** 是否独栋 */
  @Column({ type: 'boolean', default: false })
  independent: boolean;

  /** 结构 (HouseMade) */
  @Column({ type: 'varchar', length: 16, default: BuildingStructure.RC })
  structure: BuildingStructure;

  /** 建成年份 (BuildAge) */
  @Column({ type: 'int', nullable: true })
  buildYear: number | null;

  /** 登记面积 ㎡ */
  @Column({ type: 'double', nullable: true })
  registeredArea: number | null;

  /** 工程造价 元 */
  @Column({ type: 'double', nullable: true })
  projectCost: number | null;
}
