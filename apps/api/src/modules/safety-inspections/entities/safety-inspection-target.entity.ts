import { SafetyTargetStatus } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One property area's part of an inspection. Where the area sits and who runs it (company,
 * project manager) are recorded at launch, so the statistics of an inspection stay as launched;
 * the counters follow the saved results.
 */
@Entity('safety_inspection_targets')
@Index(['inspectionId', 'propertyAreaId'], { unique: true })
@Index(['inspectionId', 'status'])
@Index(['projectManagerId', 'status'])
@Index(['districtId', 'streetId', 'communityId'])
export class SafetyInspectionTarget {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  inspectionId: number;

  @Column({ type: 'int' })
  districtId: number;

  @Column({ type: 'int' })
  streetId: number;

  @Column({ type: 'int' })
  communityId: number;

  @Column({ type: 'int' })
  propertyAreaId: number;

  @Index()
  @Column({ type: 'int', nullable: true })
  companyId: number | null;

  @Column({ type: 'int', nullable: true })
  projectManagerId: number | null;

  @Column({ type: 'varchar', length: 16, default: SafetyTargetStatus.PENDING })
  status: SafetyTargetStatus;

  @Column({ type: 'int', default: 0 })
  passCount: number;

  @Column({ type: 'int', default: 0 })
  failCount: number;

  @Column({ type: 'int', default: 0 })
  notApplicableCount: number;

  @Column({ type: 'datetime', nullable: true })
  savedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  submittedById: number | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  submittedByName: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
