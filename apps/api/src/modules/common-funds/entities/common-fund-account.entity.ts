import { CommonFundAccountStatus, CommonFundAccountType, CommonFundRegistrantType } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DECIMAL_NUMBER } from '../../property-areas/facilities/entities/decimal.transformer';

/** 共有资金账户 of a property area (CommonAccount). */
@Entity('common_fund_accounts')
@Index(['bankId', 'accountNo'], { unique: true })
@Index(['districtId', 'propertyAreaId'])
@Index(['propertyAreaId'])
@Index(['status', 'lastPulledAt'])
export class CommonFundAccount {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'int' })
  propertyAreaId: number;

  @Column({ type: 'varchar', length: 16 })
  accountType: CommonFundAccountType;

  /** 账户号码, digits only */
  @Column({ type: 'varchar', length: 32 })
  accountNo: string;

  /** 户名 */
  @Column({ type: 'varchar', length: 128 })
  accountName: string;

  @Column({ type: 'int' })
  bankId: number;

  /** 开户行 as the dictionary named it when the account was registered */
  @Column({ type: 'varchar', length: 64 })
  bankName: string;

  @Column({ type: 'varchar', length: 16 })
  status: CommonFundAccountStatus;

  @Column({ type: 'varchar', length: 24 })
  registrantType: CommonFundRegistrantType;

  /** 登记人 */
  @Column({ type: 'varchar', length: 32 })
  registrant: string;

  /** 登记时间 */
  @Column({ type: 'datetime' })
  registeredAt: Date;

  @Column({ type: 'int', nullable: true })
  registeredById: number | null;

  /** the last accepted transaction's balance, 元 (kept with it in one transaction) */
  @Column({ type: 'decimal', precision: 16, scale: 2, default: 0, transformer: DECIMAL_NUMBER })
  balance: number;

  /** the last accepted transaction number of the bank feed (0: none yet) */
  @Column({ type: 'int', default: 0 })
  lastSeq: number;

  @Column({ type: 'datetime', nullable: true })
  lastTransactionAt: Date | null;

  /** the feed has an unresolved issue (a gap, a wrong balance, no answer, no feed for days): the account counts as 异常 */
  @Column({ type: 'boolean', default: false })
  feedAbnormal: boolean;

  /** the last pull of the feed that reached an outcome (accepted, or an issue recorded): the daily schedule's record, so a restart loses none */
  @Column({ type: 'datetime', nullable: true })
  lastPulledAt: Date | null;

  /** the last time the bank's feed answered (null: never since registration); older than COMMON_FUND_FEED_SILENT_DAYS is 长期无流水 */
  @Column({ type: 'datetime', nullable: true })
  feedSeenAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
