import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A sub-item of a launched inspection: the template's sub-item as it was at launch. */
@Entity('safety_inspection_items')
export class SafetyInspectionItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  inspectionId: number;

  @Column({ type: 'varchar', length: 128 })
  indicatorName: string;

  @Column({ type: 'int' })
  indicatorOrder: number;

  @Column({ type: 'varchar', length: 255 })
  content: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  facility: string | null;

  @Column({ type: 'int' })
  sortOrder: number;
}
