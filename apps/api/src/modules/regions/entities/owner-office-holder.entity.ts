import { OwnerOffice } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person holding an office of owners' self-governance in a property area: 业委会主任 (committee
 * chair), 业委会执行秘书 (executive secretary, who need not be an owner) or 业主监事 (owner supervisor).
 */
@Entity('owner_office_holders')
@Index(['office', 'districtId', 'name'])
@Index(['office', 'name'])
export class OwnerOfficeHolder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 24 })
  office: OwnerOffice;

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

  /** the committee of a chair or executive secretary */
  @Column({ type: 'int', nullable: true })
  ownersCommitteeId: number | null;

  /** the person's owner row, when they are an owner of the area */
  @Column({ type: 'int', nullable: true })
  ownerId: number | null;

  /** term of office, Shanghai calendar days YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10 })
  termStart: string;

  @Column({ type: 'varchar', length: 10 })
  termEnd: string;

  @CreateDateColumn()
  createdAt: Date;
}
