import { CommonFundDirection } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DECIMAL_NUMBER } from '../../property-areas/facilities/entities/decimal.transformer';

/** 账户流水: one transaction of an account as the bank feed reported it, accepted in order. */
@Entity('common_fund_transactions')
@Index(['accountId', 'seq'], { unique: true })
export class CommonFundTransactionRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  accountId: number;

  /** the bank's transaction number, continuous per account */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'datetime' })
  transTime: Date;

  @Column({ type: 'varchar', length: 8 })
  direction: CommonFundDirection;

  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: DECIMAL_NUMBER })
  amount: number;

  /** balance after the transaction */
  @Column({ type: 'decimal', precision: 16, scale: 2, transformer: DECIMAL_NUMBER })
  balance: number;

  /** 摘要 */
  @Column({ type: 'varchar', length: 128 })
  summary: string;
}
