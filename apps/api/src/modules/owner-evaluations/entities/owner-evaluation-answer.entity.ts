import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One item's stars in an evaluation, with the 不满意原因 a low star asked for. */
@Entity('owner_evaluation_answers')
export class OwnerEvaluationAnswer {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  evaluationId: number;

  @Column({ type: 'int' })
  itemId: number;

  /** the item's name and weight when rated (the catalogue may change later) */
  @Column({ type: 'varchar', length: 32 })
  itemName: string;

  @Column({ type: 'int' })
  weight: number;

  @Column({ type: 'int' })
  star: number;

  /** catalogue reason ids, comma separated */
  @Column({ type: 'varchar', length: 255, default: '' })
  reasonIds: string;

  /** 其他 */
  @Column({ type: 'varchar', length: 200, nullable: true })
  otherReason: string | null;
}
