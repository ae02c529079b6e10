import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 物业区域 (物业项目 / 小区): one managed residential project; the leaf of the region tree. */
@Entity('property_areas')
@Index(['districtId', 'streetId', 'communityId'])
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

  @CreateDateColumn()
  createdAt: Date;
}
