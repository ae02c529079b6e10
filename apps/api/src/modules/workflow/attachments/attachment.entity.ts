import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 附件: an uploaded file's metadata; the bytes live in the attachment storage under `storageKey`.
 * An attachment is free until a form uses it; from then on it belongs to that form (`caseId`) and is
 * visible to whoever may see the form.
 */
@Entity('attachments')
@Index(['uploaderId', 'createdAt'])
export class Attachment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 128 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 128 })
  storageKey: string;

  @Column({ type: 'int' })
  uploaderId: number;

  @Index()
  @Column({ type: 'int', nullable: true })
  caseId: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
