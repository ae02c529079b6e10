import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 业主: a person who owns a house in a property area (credit information, chapter 8). */
@Entity('owners')
@Index(['districtId', 'name'])
@Index(['name'])
export class Owner {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 18 })
  idNumber: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Index()
  @Column({ type: 'int' })
  propertyAreaId: number;

  @Column({ type: 'int' })
  districtId: number;

  /** the house owned, when known */
  @Column({ type: 'int', nullable: true })
  houseId: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
