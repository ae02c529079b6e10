import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 业主委员会 of one property area. */
@Entity('owners_committees')
export class OwnersCommittee {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  propertyAreaId: number;

  @Index()
  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  chairName: string;

  @Column({ type: 'varchar', length: 20 })
  chairPhone: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  executiveSecretaryName: string | null;

  /** term dates are Shanghai calendar days, YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10 })
  termStart: string;

  @Column({ type: 'varchar', length: 10 })
  termEnd: string;
}
