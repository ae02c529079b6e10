import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 开发建设单位: the builder of a property area. */
@Entity('developers')
export class Developer {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 18 })
  creditCode: string;
}
