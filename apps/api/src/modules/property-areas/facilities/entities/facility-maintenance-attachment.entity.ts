import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An attachment (an upload of POST /api/attachments) of one maintenance record. The unique key lets
 * an upload serve once; whoever may see the facility may download it.
 */
@Entity('facility_maintenance_attachments')
export class FacilityMaintenanceAttachment {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  recordId: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  attachmentId: number;
}
