import { HttpStatus, Inject, Injectable, Logger, StreamableFile } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, CommonErrorCode, DownloadErrorCode, DownloadStatus, DownloadView, GrantAction } from '@szpm/contract';
import { Brackets, QueryFailedError, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor, hasGrant } from '../../access/actor';
import { ActorLoader } from '../../access/actor-loader.service';
import { Account } from '../../access/entities/account.entity';
import { AppException } from '../../common/errors/app.exception';
import { XLSX_CONTENT_TYPE } from '../../common/excel/xlsx-export';
import { contentDisposition } from '../../common/http/content-disposition';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { JobQueue } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { DownloadContext, DownloadProducer } from './download-producer';
import { DownloadStorage } from './download-storage';
import { downloadFileName, toDownloadView } from './download-views';
import { DownloadException } from './downloads.exception';
import { DownloadFile } from './entities';
import { isDuplicateKey } from '../../common/sql/duplicate-key';

/** The requester's list: the newest files only. */
export const DOWNLOADS_LISTED = 50;
/** Runs of one export before the sweep gives up on it (each run that lost its worker counts). */
export const DOWNLOAD_MAX_RUNS = 3;
/** Progress is written after this many more rows, or after PROGRESS_WRITE_MS, whichever comes first. */
const PROGRESS_WRITE_ROWS = 1000;
const PROGRESS_WRITE_MS = 1000;
/** rows re-enqueued or expired per statement of the sweep */
const SWEEP_BATCH = 500;

export const downloadJobId = (downloadId: number) => `downloads.produce:${downloadId}`;

export interface StartDownload {
  /** a registered producer's key */
  kind: string;
  /** the name the file downloads under (.xlsx is added when missing) */
  fileName: string;
  /** the producer's filter: plain JSON, stored with the row */
  params: Record<string, unknown>;
}

/** A write of a run's row (the filter never changes after start). */
type RowChange = Partial<Omit<DownloadFile, 'params'>>;

/** One run's claim on its row: every write of the run is conditional on it, so a run the sweep replaced changes nothing. */
interface RunClaim {
  id: number;
  run: number;
}

const ERROR_MAX_LENGTH = 255;
const GENERIC_FAILURE = '文件生成失败，请重新导出';
const ACCOUNT_GONE = '账号已停用或已删除，导出已取消';
const GRANT_GONE = '账号已无该模块的查看权限，导出已取消';
const PRODUCER_GONE = '该导出已不再提供，请重新导出';
const RUNS_EXHAUSTED = `文件生成 ${DOWNLOAD_MAX_RUNS} 次均中断，请重新导出`;

/**
 * 下载列表: exports too large to stream while the officer waits. A module registers a producer per
 * kind on start-up; start() records the request and enqueues one job, which re-loads the requester,
 * streams the producer's workbook to a temporary file with its progress on the row, and renames the
 * finished file into DATA_DIR/downloads. The sweep (every 5 minutes and at start-up) re-enqueues
 * queued rows whose job is gone, re-queues running rows whose worker died (at most DOWNLOAD_MAX_RUNS
 * runs) and deletes files past DOWNLOAD_KEEP_HOURS. An account has one export in the making at a time.
 */
@Injectable()
export class DownloadsService {
  private readonly logger = new Logger('Downloads');
  private readonly producers = new Map<string, DownloadProducer>();

  constructor(
    @InjectRepository(DownloadFile) private readonly downloads: Repository<DownloadFile>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the job re-loads the requester's own account by its id, as the guard does for a request
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly actors: ActorLoader,
    private readonly queue: JobQueue,
    private readonly storage: DownloadStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Called by a module in onModuleInit: `kind` names the export, e.g. disputes.ledger. */
  register(kind: string, producer: DownloadProducer): void {
    if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/.test(kind) || kind.length > 64) throw new Error(`download kind "${kind}" must be module.name in lower case, at most 64 characters`);
    if (this.producers.has(kind)) throw new Error(`download kind "${kind}" is registered twice`);
    this.producers.set(kind, producer);
  }

  /**
   * Records the export and enqueues its job; the caller answers DOWNLOAD_STARTED_MESSAGE. Refuses
   * without VIEW on the producer's module (403) and while the account has one QUEUED or RUNNING (409).
   */
  async start(actor: Actor, request: StartDownload): Promise<DownloadView> {
    const producer = this.producers.get(request.kind);
    if (!producer) throw new Error(`no download producer is registered for "${request.kind}"`);
    if (!hasGrant(actor, producer.module, GrantAction.VIEW)) throw new AppException(CommonErrorCode.MODULE_NOT_GRANTED, HttpStatus.FORBIDDEN);
    let id: number;
    try {
      const inserted = await this.downloads.insert({
        accountId: actor.accountId,
        activeAccountId: actor.accountId,
        kind: request.kind,
        fileName: downloadFileName(request.fileName),
        status: DownloadStatus.QUEUED,
        params: (request.params ?? {}) as QueryDeepPartialEntity<Record<string, unknown>>,
        rowsWritten: 0,
        attempts: 0,
      });
      id = Number(inserted.identifiers[0].id);
    } catch (error) {
      // the unique activeAccountId: another export of this account is still queued or running
      if (error instanceof QueryFailedError && isDuplicateKey(error)) throw new DownloadException(DownloadErrorCode.TOO_MANY_RUNNING);
      throw error;
    }
    try {
      await this.enqueue(id);
    } catch (error) {
      // the row is the record: the sweep enqueues it once the queue answers again
      this.logger.warn(`download ${id}: could not enqueue its job (${(error as Error).message}); the sweep will`);
    }
    return toDownloadView(await this.downloads.findOneByOrFail({ id }));
  }

  /** The actor's own exports, newest first. */
  async list(actor: Actor): Promise<DownloadView[]> {
    const rows = await this.downloads.find({ where: { accountId: actor.accountId }, order: { createdAt: 'DESC', id: 'DESC' }, take: DOWNLOADS_LISTED });
    return rows.map(toDownloadView);
  }

  /** The finished file, to its requester only (anyone else's id is 404, as if it did not exist). */
  async file(actor: Actor, id: number): Promise<StreamableFile> {
    const row = await this.downloads.findOne({ where: { id, accountId: actor.accountId } });
    if (!row) throw AppException.notFound('下载文件');
    if (row.status === DownloadStatus.QUEUED || row.status === DownloadStatus.RUNNING) throw new DownloadException(DownloadErrorCode.NOT_READY);
    if (row.status === DownloadStatus.EXPIRED) throw new DownloadException(DownloadErrorCode.EXPIRED);
    if (row.status === DownloadStatus.FAILED || !row.storagePath) throw new DownloadException(DownloadErrorCode.FAILED, { message: row.error ?? undefined });
    let opened: Awaited<ReturnType<DownloadStorage['open']>>;
    try {
      opened = await this.storage.open(row.storagePath);
    } catch (error) {
      // removed behind the row's back (an expiry racing this request, a cleaned disk): gone for the requester either way
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DownloadException(DownloadErrorCode.EXPIRED);
      throw error;
    }
    return new StreamableFile(opened.content, { type: XLSX_CONTENT_TYPE, length: opened.size, disposition: contentDisposition(row.fileName) });
  }

  /** The job: one run of one export. Returns quietly when the row is not QUEUED (done, or taken by another run). */
  async produce(downloadId: number): Promise<void> {
    const row = await this.downloads.findOneBy({ id: downloadId });
    if (!row || row.status !== DownloadStatus.QUEUED) return;
    const now = new Date();
    const claimed = await this.downloads
      .createQueryBuilder()
      .update(DownloadFile)
      .set({ status: DownloadStatus.RUNNING, attempts: () => 'attempts + 1', startedAt: now, heartbeatAt: now, rowsWritten: 0, rowsTotal: null, error: null })
      .where('id = :id AND status = :queued AND attempts = :attempts', { id: downloadId, queued: DownloadStatus.QUEUED, attempts: row.attempts })
      .execute();
    if (!claimed.affected) return;
    const claim: RunClaim = { id: downloadId, run: row.attempts + 1 };

    const producer = this.producers.get(row.kind);
    const actor = producer ? await this.requester(row.accountId) : null;
    if (!producer) await this.fail(claim, PRODUCER_GONE);
    else if (!actor) await this.fail(claim, ACCOUNT_GONE);
    else if (!hasGrant(actor, producer.module, GrantAction.VIEW)) await this.fail(claim, GRANT_GONE);
    else await this.run(claim, row, producer, actor);
  }

  private async run(claim: RunClaim, row: DownloadFile, producer: DownloadProducer, actor: Actor): Promise<void> {
    const { path: temporaryPath, stream: output } = await this.storage.createTemporary(claim.id, claim.run);
    const closed = new Promise<void>((resolve, reject) => {
      output.once('close', resolve);
      output.once('error', reject);
    });
    // awaited after the producer: until then a write error must not count as unhandled
    closed.catch(() => undefined);
    // a run whose claim is gone (the sweep re-queued it) stops at once: its output is destroyed, and the
    // run no longer waits for a producer that may never notice
    let lost = false;
    let abort: (error: Error) => void = () => undefined;
    const aborted = new Promise<never>((_, reject) => (abort = reject));
    aborted.catch(() => undefined);
    const loseClaim = () => {
      if (lost) return;
      lost = true;
      abort(new Error(`download ${claim.id}: run ${claim.run} lost its claim`));
      output.destroy();
    };
    const progress = new ProgressWriter((values) => this.touch(claim, values), loseClaim, (error) => this.logger.warn(`download ${claim.id}: progress not saved (${error.message})`));
    const heartbeat = setInterval(() => progress.beat(), this.heartbeatMs());
    heartbeat.unref();
    const context: DownloadContext = { actor, params: row.params, setTotal: (rows) => progress.setTotal(rows), progress: (rows) => progress.report(rows) };
    try {
      await Promise.race([producer.produce(context, output), aborted]);
      if (!output.writableEnded) output.end();
      await closed;
      clearInterval(heartbeat);
      await progress.settle();
      if (lost) throw new Error('claim lost');
      const key = this.storage.keyOf(claim.id, claim.run);
      const sizeBytes = await this.storage.commit(temporaryPath, key);
      const finishedAt = new Date();
      const done = await this.touch(claim, {
        status: DownloadStatus.DONE,
        activeAccountId: null,
        rowsWritten: progress.rowsWritten,
        sizeBytes,
        storagePath: key,
        finishedAt,
        expiresAt: new Date(finishedAt.getTime() + this.config.downloads.keepHours * 3600_000),
      });
      if (!done) await this.storage.remove(key);
    } catch (error) {
      clearInterval(heartbeat);
      output.destroy();
      await closed.catch(() => undefined);
      await progress.settle();
      await this.storage.removeTemporary(claim.id, claim.run);
      if (lost) {
        this.logger.warn(`download ${claim.id}: run ${claim.run} stopped, the sweep had given it up`);
        return;
      }
      this.logger.warn(`download ${claim.id} (${row.kind}) failed: ${(error as Error).message}`);
      await this.fail(claim, error instanceof AppException ? error.message : GENERIC_FAILURE);
    }
  }

  /**
   * The sweep: QUEUED rows get their job again (a no-op while it is waiting or running), RUNNING rows
   * silent for DOWNLOAD_STALE_MINUTES are re-queued or, after DOWNLOAD_MAX_RUNS runs, FAILED, and DONE
   * rows past their expiry lose their file and become EXPIRED.
   */
  async sweep(now = new Date()): Promise<{ enqueued: number; requeued: number; failed: number; expired: number }> {
    const stale = await this.sweepStale(now);
    const enqueued = await this.enqueueQueued();
    const expired = await this.expire(now);
    const result = { enqueued, requeued: stale.requeued, failed: stale.failed, expired };
    if (stale.requeued || stale.failed || expired) this.logger.log(`downloads sweep: ${JSON.stringify(result)}`);
    return result;
  }

  private async sweepStale(now: Date): Promise<{ requeued: number; failed: number }> {
    const cutoff = new Date(now.getTime() - this.config.downloads.staleMinutes * 60_000);
    const stale = await this.downloads
      .createQueryBuilder('d')
      .select(['d.id', 'd.attempts'])
      .where('d.status = :running', { running: DownloadStatus.RUNNING })
      .andWhere(new Brackets((w) => w.where('d.heartbeatAt IS NULL').orWhere('d.heartbeatAt < :cutoff', { cutoff })))
      .orderBy('d.id', 'ASC')
      .limit(SWEEP_BATCH)
      .getMany();
    let requeued = 0;
    let failed = 0;
    for (const row of stale) {
      const claim: RunClaim = { id: row.id, run: row.attempts };
      await this.storage.removeTemporary(claim.id, claim.run);
      if (row.attempts >= DOWNLOAD_MAX_RUNS) {
        if (await this.fail(claim, RUNS_EXHAUSTED)) failed += 1;
        continue;
      }
      // back to QUEUED under the same claim check: the next run's claim counts it as a further attempt
      if (await this.touch(claim, { status: DownloadStatus.QUEUED, heartbeatAt: null })) {
        requeued += 1;
        await this.enqueue(row.id);
      }
    }
    return { requeued, failed };
  }

  private async enqueueQueued(): Promise<number> {
    let enqueued = 0;
    let after = 0;
    for (;;) {
      const rows = await this.downloads
        .createQueryBuilder('d')
        .select('d.id', 'id')
        .where('d.status = :queued', { queued: DownloadStatus.QUEUED })
        .andWhere('d.id > :after', { after })
        .orderBy('d.id', 'ASC')
        .limit(SWEEP_BATCH)
        .getRawMany<{ id: number | string }>();
      if (!rows.length) return enqueued;
      for (const { id } of rows) await this.enqueue(Number(id));
      enqueued += rows.length;
      after = Number(rows[rows.length - 1].id);
    }
  }

  private async expire(now: Date): Promise<number> {
    let expired = 0;
    for (;;) {
      const rows = await this.downloads
        .createQueryBuilder('d')
        .select(['d.id', 'd.storagePath'])
        .where('d.status = :done', { done: DownloadStatus.DONE })
        .andWhere('d.expiresAt < :now', { now })
        .orderBy('d.id', 'ASC')
        .limit(SWEEP_BATCH)
        .getMany();
      if (!rows.length) return expired;
      for (const row of rows) {
        // the row first: a download that opens the file after this answers 410, one already streaming finishes
        const result = await this.downloads.update({ id: row.id, status: DownloadStatus.DONE }, { status: DownloadStatus.EXPIRED, storagePath: null });
        if (row.storagePath) await this.storage.remove(row.storagePath);
        if (result.affected) expired += 1;
      }
    }
  }

  /** requeue: a finished job of the same id (a run that ended without finishing the row) is replaced; a waiting or running one is left alone */
  private enqueue(downloadId: number): Promise<void> {
    return this.queue.requeue(JOBS.produceDownload, { downloadId }, { jobId: downloadJobId(downloadId), attempts: 1 });
  }

  /** the requester as the access guard would build it, or null when the account is gone or no longer active */
  private async requester(accountId: number): Promise<Actor | null> {
    const account = await this.accounts.findOne({ where: { id: accountId } });
    if (!account || account.status !== AccountStatus.ACTIVE) return null;
    return this.actors.fromAccount(account, false);
  }

  private async fail(claim: RunClaim, message: string): Promise<boolean> {
    return this.touch(claim, { status: DownloadStatus.FAILED, activeAccountId: null, error: [...message].slice(0, ERROR_MAX_LENGTH).join(''), finishedAt: new Date(), storagePath: null });
  }

  /** writes `values` only while the run still holds its claim; answers whether it did */
  private async touch(claim: RunClaim, values: RowChange): Promise<boolean> {
    const result = await this.downloads.update({ id: claim.id, status: DownloadStatus.RUNNING, attempts: claim.run }, values);
    return Boolean(result.affected);
  }

  /** a third of the stale limit, at most a minute: a live run never looks dead */
  private heartbeatMs(): number {
    return Math.min(60_000, Math.floor((this.config.downloads.staleMinutes * 60_000) / 3));
  }
}

/**
 * A run's progress on its row: at most one write in flight, a write once PROGRESS_WRITE_ROWS more rows
 * are written or PROGRESS_WRITE_MS have passed, and a heartbeat between them. A write that finds the
 * claim gone reports it.
 */
class ProgressWriter {
  rowsWritten = 0;
  private rowsTotal: number | null = null;
  private savedRows = 0;
  private savedTotal: number | null = null;
  private savedAt = Date.now();
  private pending: Promise<void> | null = null;

  constructor(
    private readonly save: (values: RowChange) => Promise<boolean>,
    private readonly onClaimLost: () => void,
    private readonly onError: (error: Error) => void,
  ) {}

  report(rows: number): void {
    if (Number.isFinite(rows) && rows > this.rowsWritten) this.rowsWritten = Math.floor(rows);
    if (this.rowsWritten - this.savedRows >= PROGRESS_WRITE_ROWS || (this.rowsWritten !== this.savedRows && Date.now() - this.savedAt >= PROGRESS_WRITE_MS)) this.write();
  }

  setTotal(rows: number): void {
    this.rowsTotal = Number.isFinite(rows) && rows >= 0 ? Math.floor(rows) : null;
    this.write();
  }

  /** the heartbeat: the row shows the run is alive even while the producer is in a long query */
  beat(): void {
    this.write();
  }

  async settle(): Promise<void> {
    while (this.pending) await this.pending;
  }

  private write(): void {
    if (this.pending) return;
    const rows = this.rowsWritten;
    const total = this.rowsTotal;
    this.pending = this.save({ rowsWritten: rows, rowsTotal: total, heartbeatAt: new Date() })
      .then((held) => {
        if (!held) this.onClaimLost();
      })
      .catch((error: Error) => this.onError(error))
      .finally(() => {
        this.savedRows = rows;
        this.savedTotal = total;
        this.savedAt = Date.now();
        this.pending = null;
        // a total set while the write was in flight is not lost
        if (this.rowsTotal !== this.savedTotal) this.write();
      });
  }
}

