import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The filing of one project's roster: filed when its project manager first changes or confirms it,
 * and stamped on every change since. No row: never filed. 提醒更新 reads lastUpdatedAt.
 */
@Entity('practitioner_rosters')
@Index(['propertyAreaId'], { unique: true })
@Index(['districtId', 'lastUpdatedAt'])
export class PractitionerRoster {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  propertyAreaId: number;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'datetime' })
  filedAt: Date;

  @Column({ type: 'datetime' })
  lastUpdatedAt: Date;

  @Column({ type: 'int', nullable: true })
  lastUpdatedById: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  lastUpdatedByName: string | null;
}
