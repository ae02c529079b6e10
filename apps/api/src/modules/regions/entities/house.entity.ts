import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 房屋: one house of a property area (a million at city scale, inserted in bulk). */
@Entity('houses')
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
}
