import { AreaFieldGroup } from '@szpm/contract';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The field catalogue of 编辑 (property_area_field_rules): which fields of an area may be edited and
 * which take effect only after the city bureau approves. Seeded with the notes' defaults
 * (AREA_FIELDS); the city admin changes the flags. How a value is checked stays in AREA_FIELDS.
 */
@Entity('property_area_field_rules')
export class PropertyAreaFieldRule {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  field: string;

  @Column({ type: 'varchar', length: 64 })
  label: string;

  /** CORE: a column of property_areas; PROFILE: of property_area_profiles */
  @Column({ type: 'varchar', length: 16 })
  fieldGroup: AreaFieldGroup;

  @Column({ type: 'boolean' })
  editable: boolean;

  @Column({ type: 'boolean' })
  requiresCityApproval: boolean;

  @Column({ type: 'int' })
  sortOrder: number;

  @Column({ type: 'int', nullable: true })
  updatedById: number | null;

  @UpdateDateColumn()
  updatedAt: Date;
}
