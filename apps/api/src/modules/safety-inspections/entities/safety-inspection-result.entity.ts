import { SafetyCheckOutcome } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The answer of one property area to one item: pass / fail / not applicable, with a note. */
@Entity('safety_inspection_results')
@Index(['targetId', 'itemId'], { unique: true })
export class SafetyInspectionResult {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  targetId: number;

  @Index()
  @Column({ type: 'int' })
  itemId: number;

  @Column({ type: 'varchar', length: 16 })
  outcome: SafetyCheckOutcome;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @UpdateDateColumn()
  updatedAt: Date;
}
