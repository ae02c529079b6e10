import { DownloadStatus } from '@szpm/contract';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export { DownloadStatus };

/**
 * One background export (下载列表): who asked for it, which producer makes it with which filter, how
 * far the job got and where the finished file lives until it expires. No districtId: the row is the
 * requester's own and only ever read by its accountId.
 */
@Entity('download_files')
@Index(['accountId', 'createdAt'])
@Index(['status'])
export class DownloadFile {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  accountId: number;

  /**
   * The requester while the export is QUEUED or RUNNING, null otherwise: the unique index lets an
   * account have one export in the making at a time, also when two requests race.
   */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  activeAccountId: number | null;

  /** the producer's key, e.g. disputes.ledger */
  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 16, default: DownloadStatus.QUEUED })
  status: DownloadStatus;

  /** the producer's filter, as the request gave it */
  @Column({ type: 'simple-json' })
  params: Record<string, unknown>;

  @Column({ type: 'int', default: 0 })
  rowsWritten: number;

  @Column({ type: 'int', nullable: true })
  rowsTotal: number | null;

  @Column({ type: 'int', nullable: true })
  sizeBytes: number | null;

  /** the file's key under DATA_DIR/downloads, while it is DONE */
  @Column({ type: 'varchar', length: 255, nullable: true })
  storagePath: string | null;

  /** why it FAILED, in Chinese, short */
  @Column({ type: 'varchar', length: 255, nullable: true })
  error: string | null;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  startedAt: Date | null;

  /** the running job's last sign of life (progress or its heartbeat): a RUNNING row silent for DOWNLOAD_STALE_MINUTES lost its worker */
  @Column({ type: 'datetime', nullable: true })
  heartbeatAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null;

  /** DONE + DOWNLOAD_KEEP_HOURS: the sweep then deletes the file and marks the row EXPIRED */
  @Column({ type: 'datetime', nullable: true })
  expiresAt: Date | null;

  /** runs started; the run's number guards its writes, so a run the sweep gave up on cannot overwrite the next */
  @Column({ type: 'int', default: 0 })
  attempts: number;
}
