import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 共享银行: a bank that shares its account data with the platform; accounts may only be opened at one. */
@Entity('shared_banks')
export class SharedBank {
  @PrimaryGeneratedColumn()
  id: number;

  /** the bank's code in the feed's paths */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
