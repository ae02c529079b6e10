import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A photo (an upload of POST /api/attachments) of one item of one property area's results. The
 * unique key lets an upload serve once; the area's project manager and the district's officers see it.
 */
@Entity('safety_inspection_photos')
@Index(['targetId', 'itemId'])
export class SafetyInspectionPhoto {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  targetId: number;

  @Column({ type: 'int' })
  itemId: number;

  @Index({ unique: true })
  @Column({ type: 'int' })
  attachmentId: number;
}
