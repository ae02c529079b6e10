import { CommonFundCaseStage } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One step of a case's timeline: the stage it entered, when, by whom (null: the clock) and its particulars. */
@Entity('common_fund_case_events')
@Index(['caseId', 'at'])
export class CommonFundCaseEventRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  caseId: number;

  @Column({ type: 'varchar', length: 24 })
  stage: CommonFundCaseStage;

  @Column({ type: 'datetime' })
  at: Date;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  actorName: string | null;

  @Column({ type: 'varchar', length: 500 })
  note: string;
}
