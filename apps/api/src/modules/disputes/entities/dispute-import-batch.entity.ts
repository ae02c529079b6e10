import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One 导入 of finished cases into 已办结台账: every imported case carries its batch (and its 历程 names it). */
@Entity('dispute_import_batches')
@Index(['districtId', 'createdAt'])
export class DisputeImportBatch {
  @PrimaryGeneratedColumn()
  id: number;

  /** readable: DI-YYYYMMDD-<id> */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  batchNo: string;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'int' })
  rows: number;

  @Column({ type: 'int' })
  importedById: number;

  @Column({ type: 'varchar', length: 32 })
  importedByName: string;

  @CreateDateColumn()
  createdAt: Date;
}
