import { CommonFundFeedIssueKind } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A bank feed the platform did not accept (a gap, a wrong running balance, a malformed answer), until a later pull continues cleanly. */
@Entity('common_fund_feed_issues')
@Index(['accountId', 'resolvedAt'])
export class CommonFundFeedIssueRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  accountId: number;

  @Column({ type: 'varchar', length: 24 })
  kind: CommonFundFeedIssueKind;

  @Column({ type: 'varchar', length: 500 })
  detail: string;

  @Column({ type: 'int' })
  expectedSeq: number;

  @Column({ type: 'int', nullable: true })
  receivedSeq: number | null;

  @Column({ type: 'datetime' })
  detectedAt: Date;

  @Column({ type: 'datetime', nullable: true })
  resolvedAt: Date | null;
}
