import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 物业服务企业: an evaluated subject. It may manage property areas in several districts. */
@Entity('property_companies')
export class PropertyCompany {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** 统一社会信用代码 */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 18 })
  creditCode: string;

  @Column({ type: 'varchar', length: 32 })
  legalRepresentative: string;

  @Column({ type: 'varchar', length: 20 })
  contactPhone: string;

  @Column({ type: 'varchar', length: 255 })
  address: string;

  /** the district where the company is registered */
  @Column({ type: 'int' })
  registeredDistrictId: number;

  @CreateDateColumn()
  createdAt: Date;
}
