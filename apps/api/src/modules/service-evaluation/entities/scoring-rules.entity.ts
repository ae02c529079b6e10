import { ScoringCycleKind } from '@szpm/contract';
import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** The scoring rules: one row (id 1), configurable by city admins. */
@Entity('evaluation_scoring_rules')
export class ScoringRules {
  static readonly SINGLETON_ID = 1;

  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'varchar', length: 16 })
  cycleKind: ScoringCycleKind;

  /** 基础信息满分 */
  @Column({ type: 'int' })
  basicScoreMax: number;

  /** 良好信息计分上限 */
  @Column({ type: 'int' })
  goodRecordCap: number;

  @Column({ type: 'int' })
  gradeAaaMin: number;

  @Column({ type: 'int' })
  gradeAaMin: number;

  @Column({ type: 'int' })
  gradeAMin: number;

  @Column({ type: 'int' })
  gradeBMin: number;

  @VersionColumn()
  version: number;

  @UpdateDateColumn()
  updatedAt: Date;
}
