import { SafetyCheckKind } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * 安全生产检查库: a checklist template, routine (常规检查) or special (专项检查), made of indicators
 * (检查指标) with sub-items (子项). districtId null marks a city-wide template (the seeded defaults
 * among them), maintained by the city and copied by districts that want to adapt it. Each edit
 * raises `version`; launched inspections keep their own copy of the items.
 */
@Entity('safety_check_templates')
@Index(['districtId', 'kind'])
export class SafetyCheckTemplate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  districtId: number | null;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: SafetyCheckKind;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  /** set on the defaults loaded at start: the unique key keeps two instances starting at once from loading them twice */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32, nullable: true })
  defaultKey: string | null;

  /** null for the defaults loaded at start */
  @Column({ type: 'int', nullable: true })
  createdById: number | null;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
