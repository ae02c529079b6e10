import { CoordinateStatus } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 物业区域 (物业项目 / 小区): one managed residential project; the leaf of the region tree. */
@Entity('property_areas')
@Index(['districtId', 'streetId', 'communityId'])
@Index(['districtId', 'coordinateStatus'])
@Index(['districtId', 'longitude', 'latitude'])
export class PropertyArea {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Index()
  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'varchar', length: 255 })
  address: string;

  @Index()
  @Column({ type: 'int', nullable: true })
  companyId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  projectManagerId: number | null;

  @Index()
  @Column({ type: 'int', nullable: true })
  developerId: number | null;

  /** 建筑面积, square metres */
  @Column({ type: 'int' })
  floorArea: number;

  @Column({ type: 'int' })
  houseCount: number;

  @Column({ type: 'double' })
  longitude: number;

  @Column({ type: 'double' })
  latitude: number;

  /** 宗地号 (parcel number) */
  @Column({ type: 'varchar', length: 64, nullable: true })
  landNumber: string | null;

  /** 坐落 / 位置, free text */
  @Column({ type: 'varchar', length: 255, nullable: true })
  location: string | null;

  /** 外部编码: the area's code in the 维修资金 system */
  @Column({ type: 'varchar', length: 64, nullable: true })
  externalCode: string | null;

  /** 是否自管: run by the owners themselves, no property company */
  @Column({ type: 'boolean', default: false })
  selfManaged: boolean;

  /** 是否外市项目 */
  @Column({ type: 'boolean', default: false })
  otherCityProject: boolean;

  /** 业委会 (owners_committees.id), when one is formed */
  @Column({ type: 'int', nullable: true })
  ownersCommitteeId: number | null;

  /** 备注 */
  @Column({ type: 'varchar', length: 500, nullable: true })
  remarks: string | null;

  /** 边界: a GeoJSON Polygon (longitude, latitude), null while not plotted */
  @Column({ type: 'text', nullable: true })
  boundaryGeoJson: string | null;

  /** 坐标图层: 已标注 when the boundary is plotted (kept with boundaryGeoJson) */
  @Column({ type: 'varchar', length: 16, default: CoordinateStatus.UNPLOTTED })
  coordinateStatus: CoordinateStatus;

  /** the named GIS layer the boundary was drawn on, if any */
  @Column({ type: 'varchar', length: 64, nullable: true })
  layer: string | null;

  /** bumped on every applied change (the change request's snapshot check compares values) */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
