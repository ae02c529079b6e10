import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last business number handed out per prefix and Shanghai day; incremented under the row lock. */
@Entity('workflow_sequences')
export class WorkflowSequence {
  /** e.g. BR-20261126 */
  @PrimaryColumn({ type: 'varchar', length: 24 })
  name: string;

  @Column({ type: 'int' })
  lastValue: number;
}
