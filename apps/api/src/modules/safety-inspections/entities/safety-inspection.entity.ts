import { SafetyCheckKind } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 发起安全检查: one launch of a template to property areas of a district. The template's name,
 * version and items are copied at launch (safety_inspection_items), so later edits of the
 * template never change it.
 */
@Entity('safety_inspections')
@Index(['districtId', 'createdAt'])
export class SafetyInspection {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  districtId: number;

  /** the template it was launched from (may since have been edited or deleted) */
  @Column({ type: 'int', nullable: true })
  templateId: number | null;

  @Column({ type: 'varchar', length: 128 })
  templateName: string;

  @Column({ type: 'int' })
  templateVersion: number;

  @Column({ type: 'varchar', length: 16 })
  kind: SafetyCheckKind;

  @Column({ type: 'varchar', length: 128 })
  title: string;

  @Column({ type: 'text' })
  instructions: string;

  /** last Shanghai day to submit, YYYY-MM-DD */
  @Column({ type: 'varchar', length: 10 })
  deadline: string;

  @Column({ type: 'int' })
  launchedById: number;

  @Column({ type: 'varchar', length: 32 })
  launchedByName: string;

  @Column({ type: 'int', nullable: true })
  campaignId: number | null;

  @Column({ type: 'int', default: 0 })
  targetCount: number;

  @Column({ type: 'int', default: 0 })
  itemCount: number;

  @CreateDateColumn()
  createdAt: Date;
}
