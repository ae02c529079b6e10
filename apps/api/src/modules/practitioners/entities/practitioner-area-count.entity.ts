import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The on-duty project staff of one property area, counted per position and kept on write (in the
 * transaction of every roster write: PractitionerCounts), so that 项目从业人员统计 sums one small row
 * per project instead of counting some 400,000 people. Its region is the area's (joined), so it has
 * no district column of its own. No row: nobody has ever been on the area's roster.
 */
@Entity('practitioner_area_counts')
export class PractitionerAreaCount {
  @PrimaryColumn({ type: 'int' })
  propertyAreaId: number;

  /** 从业人员数 (on duty) */
  @Column({ type: 'int', default: 0 })
  people: number;

  @Column({ type: 'int', default: 0 })
  managers: number;

  @Column({ type: 'int', default: 0 })
  customerService: number;

  @Column({ type: 'int', default: 0 })
  security: number;

  @Column({ type: 'int', default: 0 })
  cleaners: number;

  @Column({ type: 'int', default: 0 })
  gardeners: number;

  @Column({ type: 'int', default: 0 })
  maintenance: number;

  @Column({ type: 'int', default: 0 })
  electricians: number;

  @Column({ type: 'int', default: 0 })
  fireControl: number;

  @Column({ type: 'int', default: 0 })
  liftSafety: number;

  @Column({ type: 'int', default: 0 })
  otherPositions: number;

  /** in a position that needs a certificate (CERTIFIED_POSITIONS) */
  @Column({ type: 'int', default: 0 })
  needCertificate: number;

  @Column({ type: 'int', default: 0 })
  partyMembers: number;
}
