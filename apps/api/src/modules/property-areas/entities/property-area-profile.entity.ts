import { AreaType, ContractType, ServiceType } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StreetScoped } from '../../../access/district-scope';

/**
 * The extension record of a property area (EaAreaProperty): the 物业区域信息 tab and the extension
 * part of an edit request. One per area; dates are Shanghai days YYYY-MM-DD, areas ㎡.
 */
@Entity('property_area_profiles')
// eslint-disable-next-line szpm/no-raw-scoped-access -- the street condition of the scoped door itself: a profile lies in its area's street
@StreetScoped((a) => `${a}.propertyAreaId IN (SELECT id FROM property_areas WHERE streetId = :scopeStreetId)`)
export class PropertyAreaProfile {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  propertyAreaId: number;

  @Index()
  @Column({ type: 'int' })
  districtId: number;

  /** 物业类型 */
  @Column({ type: 'varchar', length: 16, nullable: true })
  areaType: AreaType | null;

  /** 服务类型 */
  @Column({ type: 'varchar', length: 16, nullable: true })
  serviceType: ServiceType | null;

  /** 合同类型 */
  @Column({ type: 'varchar', length: 16, nullable: true })
  contractType: ContractType | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  contractStart: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  contractEnd: string | null;

  /** 物业服务费单价 元/㎡·月 */
  @Column({ type: 'double', nullable: true })
  servicePrice: number | null;

  /** 物业费收缴率 % */
  @Column({ type: 'double', nullable: true })
  collectionRate: number | null;

  /** 总户数 */
  @Column({ type: 'int', nullable: true })
  totalHouseholds: number | null;

  /** 业主总数 */
  @Column({ type: 'int', nullable: true })
  ownerCount: number | null;

  /** 已入住户数 */
  @Column({ type: 'int', nullable: true })
  occupiedHouseholds: number | null;

  /** 入伙日期 */
  @Column({ type: 'varchar', length: 10, nullable: true })
  handoverDate: string | null;

  /** 总建筑面积 */
  @Column({ type: 'double', nullable: true })
  buildArea: number | null;

  /** 物业服务面积 */
  @Column({ type: 'double', nullable: true })
  serviceArea: number | null;

  /** 占地面积 */
  @Column({ type: 'double', nullable: true })
  siteArea: number | null;

  @Column({ type: 'double', nullable: true })
  greenArea: number | null;

  @Column({ type: 'double', nullable: true })
  parkingArea: number | null;

  @Column({ type: 'double', nullable: true })
  publicFacilityArea: number | null;

  @Column({ type: 'double', nullable: true })
  multiStoreyArea: number | null;

  @Column({ type: 'double', nullable: true })
  highRiseArea: number | null;

  @Column({ type: 'double', nullable: true })
  villaArea: number | null;

  @Column({ type: 'double', nullable: true })
  officeArea: number | null;

  @Column({ type: 'double', nullable: true })
  commerceArea: number | null;

  @Column({ type: 'double', nullable: true })
  industrialArea: number | null;

  @Column({ type: 'double', nullable: true })
  municipalArea: number | null;

  @Column({ type: 'double', nullable: true })
  otherArea: number | null;

  /** 均价 元/㎡ */
  @Column({ type: 'double', nullable: true })
  averagePrice: number | null;

  /** 四至 */
  @Column({ type: 'varchar', length: 128, nullable: true })
  boundEast: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  boundSouth: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  boundWest: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  boundNorth: string | null;

  /** 项目总期数 / 本期 */
  @Column({ type: 'int', nullable: true })
  totalPhases: number | null;

  @Column({ type: 'int', nullable: true })
  phase: number | null;

  /** 是否成立业委会 */
  @Column({ type: 'boolean', default: false })
  hasCommittee: boolean;

  @Column({ type: 'varchar', length: 128, nullable: true })
  committeeName: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  committeePhone: string | null;

  /** 物业管理处 / 电话 */
  @Column({ type: 'varchar', length: 128, nullable: true })
  managementOffice: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  managementOfficePhone: string | null;

  /** 开发建设单位 (as recorded on the extension record; the area's developerId links the unit) */
  @Column({ type: 'varchar', length: 128, nullable: true })
  developerName: string | null;

  @UpdateDateColumn()
  updatedAt: Date;
}
