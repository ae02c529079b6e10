import { ParkingDisputeType } from '@szpm/contract';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 住宅小区车位纠纷: the cases of one dispute type an area reported with one filing (count and note).
 * The area's current reports are those of its current filing, so a new filing replaces them and the
 * old ones stay with the filing they came with.
 */
@Entity('parking_dispute_reports')
@Index(['filingId', 'disputeType'], { unique: true })
@Index(['districtId', 'disputeType'])
export class ParkingDisputeReport {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  filingId: number;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int' })
  propertyAreaId: number;

  @Column({ type: 'varchar', length: 32 })
  disputeType: ParkingDisputeType;

  /** 宗数 */
  @Column({ type: 'int' })
  caseCount: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
