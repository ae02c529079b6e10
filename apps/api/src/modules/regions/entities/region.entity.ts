import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum RegionLevel {
  DISTRICT = 'DISTRICT',
  STREET = 'STREET',
  COMMUNITY = 'COMMUNITY',
}

/**
 * District → street → community in one table. Ids are assigned by the seed so that
 * every row can carry its district and street ids (a district's districtId is its own id).
 */
@Entity('regions')
@Index(['parentId'])
@Index(['districtId', 'level'])
export class Region {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 16 })
  level: RegionLevel;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int', nullable: true })
  streetId: number | null;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
