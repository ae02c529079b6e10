import { CommonFundCaseStage } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DECIMAL_NUMBER } from '../../property-areas/facilities/entities/decimal.transformer';

/** 逾期未开户督办: an area that should have an account and has none after the overdue days. */
@Entity('common_fund_cases')
@Index(['districtId', 'stage'])
@Index(['propertyAreaId'])
@Index(['stage', 'rectifyDeadline'])
export class CommonFundCase {
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

  /** propertyAreaId while the case is open, null once closed: an area has at most one open case */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  openAreaId: number | null;

  @Column({ type: 'varchar', length: 24 })
  stage: CommonFundCaseStage;

  @Column({ type: 'varchar', length: 10 })
  triggerDate: string;

  /** 应开户截止日期 */
  @Column({ type: 'varchar', length: 10 })
  dueDate: string;

  /** 责令整改通知书编号 */
  @Column({ type: 'varchar', length: 64, nullable: true })
  orderNo: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  orderDate: string | null;

  /** 整改期限 (the last day in time) */
  @Column({ type: 'varchar', length: 10, nullable: true })
  rectifyDeadline: string | null;

  /** 行政处罚决定书编号 */
  @Column({ type: 'varchar', length: 64, nullable: true })
  penaltyNo: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  penaltyDate: string | null;

  /** 罚款金额, 元 */
  @Column({ type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: DECIMAL_NUMBER })
  penaltyAmount: number | null;

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
