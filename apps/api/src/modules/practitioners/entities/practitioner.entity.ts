import { EmployerKind, PractitionerGender, PractitionerPosition, PractitionerStatus } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * 从业人员: one person working for a property company, either in one of its property areas
 * (项目从业人员, the area's district, street and community copied in so the scoped door and the
 * statistics need no join) or at the company itself (企业从业人员: no area, the company's
 * registered district, no street). Dates are Shanghai calendar days, YYYY-MM-DD. A person who
 * leaves stays on the roster as 离职 (history), never deleted.
 */
@Entity('practitioners')
@Index(['propertyAreaId', 'status'])
@Index(['districtId', 'employerKind', 'status'])
@Index(['companyId', 'employerKind', 'status'])
@Index(['districtId', 'id'])
// 持证人数 as of a day: a range on qualifiedUntil (a fifth of the people), the filters and region columns
// read from the index alone; qualifiedUntil first so that the city's table (no district) ranges too
@Index(['qualifiedUntil', 'districtId', 'employerKind', 'status', 'streetId', 'communityId', 'propertyAreaId'])
export class Practitioner {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  districtId: number;

  /** null for company staff */
  @Column({ type: 'int', nullable: true })
  streetId: number | null;

  @Column({ type: 'int', nullable: true })
  communityId: number | null;

  /** null for company staff */
  @Column({ type: 'int', nullable: true })
  propertyAreaId: number | null;

  /** the employing company (null: a self-managed project without one) */
  @Column({ type: 'int', nullable: true })
  companyId: number | null;

  @Column({ type: 'varchar', length: 8 })
  employerKind: EmployerKind;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  gender: PractitionerGender;

  /** 身份证号码, 18 characters, X in capitals */
  @Column({ type: 'varchar', length: 18 })
  idNumber: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 24 })
  position: PractitionerPosition;

  /** 入职日期 */
  @Column({ type: 'varchar', length: 10 })
  hiredAt: string;

  /** 离职日期 */
  @Column({ type: 'varchar', length: 10, nullable: true })
  leftAt: string | null;

  @Column({ type: 'varchar', length: 8, default: PractitionerStatus.ON_DUTY })
  status: PractitionerStatus;

  /** 党员 (红色物业 counts party members per project) */
  @Column({ type: 'boolean', default: false })
  isPartyMember: boolean;

  /**
   * The latest 有效期至 of the certificates that qualify the practitioner's position (null: none, or
   * a position needing none), kept by every certificate or position write, so that 持证 as of a day
   * is `qualifiedUntil >= day` (practitioner-rules qualifiedUntil).
   */
  @Column({ type: 'varchar', length: 10, nullable: true })
  qualifiedUntil: string | null;

  /** 学历 */
  @Column({ type: 'varchar', length: 16, nullable: true })
  education: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
