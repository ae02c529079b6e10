import { AccountStatus, DownloadErrorCode, DownloadStatus, DownloadView, ModuleKey } from '@szpm/contract';
import ExcelJS from 'exceljs';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ActorLoader } from '../src/access/actor-loader.service';
import { Actor } from '../src/access/actor';
import { Account } from '../src/access/entities/account.entity';
import { AppException } from '../src/common/errors/app.exception';
import { writeXlsx } from '../src/common/excel/xlsx-export';
import { DownloadContext, reportingProgress } from '../src/modules/downloads/download-producer';
import { DOWNLOAD_MAX_RUNS, DownloadsService } from '../src/modules/downloads/downloads.service';
import { DownloadFile } from '../src/modules/downloads/entities';
import { binaryBody } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

/** more than the progress step (1,000 rows), so a run writes its progress on the way */
const ROWS = 2600;

interface Row {
  no: number;
  name: string;
}

function* numberedRows(count: number, failAt?: number): Iterable<Row> {
  for (let no = 1; no <= count; no += 1) {
    if (no === failAt) throw new AppException(DownloadErrorCode.FAILED, 409, `台账第 ${no} 行数据有误，无法导出`);
    yield { no, name: `物业区域 ${no}` };
  }
}

/** The producer of the spec: `rows` numbered rows; it waits at the gate, when one is set, before writing. */
async function writeNumbered(context: DownloadContext, output: NodeJS.WritableStream, failAt?: number): Promise<void> {
  const count = Number(context.params.rows);
  context.setTotal(count);
  await gate?.opened;
  await writeXlsx(output, {
    title: '测试导出',
    sheets: [
      {
        name: '测试',
        columns: [
          { header: '序号', value: (row: Row) => row.no },
          { header: '名称', value: (row: Row) => row.name },
        ],
        rows: () => reportingProgress(numberedRows(count, failAt), context),
      },
    ],
  });
}

let gate: { opened: Promise<void>; open: () => void } | null = null;
const producedFor: number[] = [];

/** 下载列表 (the background-export kit piece): start → job → list → file, ownership, refusals, failures, the sweep and expiry. */
describe('downloads (下载列表)', () => {
  let t: TestApp;
  let downloads: DownloadsService;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const list = async (user: string) => (await t.http().get('/api/downloads').set(auth(user)).expect(200)).body as DownloadView[];
  const fetchFile = (user: string, id: number) => t.http().get(`/api/downloads/${id}/file`).set(auth(user));
  const account = (username: string) => t.dataSource.getRepository(Account).findOneByOrFail({ username });
  const actorOf = async (username: string): Promise<Actor> => t.app.get(ActorLoader).fromAccount(await account(username), false);
  const row = (id: number) => t.dataSource.getRepository(DownloadFile).findOneByOrFail({ id });
  const downloadsDir = () => join(t.config.dataDir, 'downloads');
  const temporaryFiles = () => (existsSync(join(downloadsDir(), '.tmp')) ? readdirSync(join(downloadsDir(), '.tmp')) : []);

  async function settled(id: number, statuses: DownloadStatus[] = [DownloadStatus.DONE, DownloadStatus.FAILED]): Promise<DownloadFile> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const current = await row(id);
      if (statuses.includes(current.status)) return current;
      if (Date.now() > deadline) throw new Error(`download ${id} still ${current.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function insertRow(username: string, values: Partial<DownloadFile>): Promise<number> {
    const accountId = (await account(username)).id;
    const saved = await t.dataSource.getRepository(DownloadFile).save({
      accountId,
      activeAccountId: accountId,
      kind: 'test.rows',
      fileName: '直接写入.xlsx',
      status: DownloadStatus.QUEUED,
      params: { rows: 5 },
      rowsWritten: 0,
      attempts: 0,
      ...values,
    });
    return saved.id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    downloads = t.app.get(DownloadsService);
    downloads.register('test.rows', {
      module: ModuleKey.TODOS,
      produce: async (context, output) => {
        producedFor.push(context.actor.accountId);
        await writeNumbered(context, output);
      },
    });
    downloads.register('test.broken', { module: ModuleKey.TODOS, produce: (context, output) => writeNumbered(context, output, 3) });
    downloads.register('test.common-funds', { module: ModuleKey.COMMON_FUNDS, produce: (context, output) => writeNumbered(context, output) });
    for (const user of ['futian.handler', 'nanshan.handler', 'futian.supervisor']) tokens[user] = await t.login(user);
  });
  afterAll(async () => {
    gate?.open();
    await t.close();
  });

  let doneId: number;

  it('produces the file in the background: RUNNING with its progress, then DONE with every row, and it downloads and parses back', async () => {
    let open = () => undefined as void;
    gate = { opened: new Promise<void>((resolve) => (open = resolve)), open: () => open() };
    const started = await downloads.start(await actorOf('futian.handler'), { kind: 'test.rows', fileName: '福田区测试台账', params: { rows: ROWS } });
    doneId = started.id;
    expect(started).toMatchObject({ kind: 'test.rows', fileName: '福田区测试台账.xlsx', status: DownloadStatus.QUEUED, statusLabel: '排队中', progress: 0, rowsWritten: 0, finishedAt: null, expiresAt: null });

    const running = await settled(doneId, [DownloadStatus.RUNNING]);
    expect(running.attempts).toBe(1);
    // the total is written as soon as the producer names it
    const deadline = Date.now() + 10_000;
    while ((await row(doneId)).rowsTotal !== ROWS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const listed = (await list('futian.handler')).find((d) => d.id === doneId)!;
    expect(listed).toMatchObject({ status: DownloadStatus.RUNNING, statusLabel: '生成中', rowsTotal: ROWS, progress: 0 });

    // not ready while it runs, and a second export of the same account is refused
    const early = await fetchFile('futian.handler', doneId).expect(409);
    expect(early.body.code).toBe(DownloadErrorCode.NOT_READY);
    await expect(downloads.start(await actorOf('futian.handler'), { kind: 'test.rows', fileName: '第二个', params: { rows: 1 } })).rejects.toMatchObject({ code: DownloadErrorCode.TOO_MANY_RUNNING, status: 409 });

    gate.open();
    const done = await settled(doneId);
    expect(done.status).toBe(DownloadStatus.DONE);
    // the job re-loaded the requester from the account
    expect(producedFor).toContain((await account('futian.handler')).id);
    const view = (await list('futian.handler')).find((d) => d.id === doneId)!;
    expect(view).toMatchObject({ status: DownloadStatus.DONE, statusLabel: '已完成', rowsWritten: ROWS, rowsTotal: ROWS, progress: 100, error: null });
    expect(view.sizeBytes).toBeGreaterThan(1000);
    const keptHours = (Date.parse(view.expiresAt!) - Date.parse(view.finishedAt!)) / 3600_000;
    expect(keptHours).toBeCloseTo(t.config.downloads.keepHours, 3);
    expect(temporaryFiles()).toEqual([]);

    const response = await fetchFile('futian.handler', doneId).buffer(true).parse(binaryBody).expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('福田区测试台账.xlsx')}`);
    expect(Number(response.headers['content-length'])).toBe(view.sizeBytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount - 1).toBe(ROWS);
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '名称']);
    expect(sheet.getRow(ROWS + 1).values).toEqual([undefined, ROWS, `物业区域 ${ROWS}`]);
    gate = null;
  });

  it('is the requester’s own: another account neither lists nor fetches it (404, as if it did not exist)', async () => {
    expect((await list('nanshan.handler')).some((d) => d.id === doneId)).toBe(false);
    expect((await fetchFile('nanshan.handler', doneId).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await fetchFile('nanshan.handler', 999_999).expect(404)).body.code).toBe('NOT_FOUND');
    await t.http().get(`/api/downloads/${doneId}/file`).expect(401);
    await t.http().get('/api/downloads').expect(401);
  });

  it('refuses to start without VIEW on the producer’s module, and writes nothing', async () => {
    const before = await t.dataSource.getRepository(DownloadFile).count();
    await expect(downloads.start(await actorOf('futian.newcomer'), { kind: 'test.common-funds', fileName: '共有资金', params: { rows: 1 } })).rejects.toMatchObject({ code: 'MODULE_NOT_GRANTED', status: 403 });
    expect(await t.dataSource.getRepository(DownloadFile).count()).toBe(before);
  });

  it('records a producer that throws as FAILED with its message, without a file, and frees the account for the next export', async () => {
    const started = await downloads.start(await actorOf('nanshan.handler'), { kind: 'test.broken', fileName: '南山区测试台账', params: { rows: 10 } });
    const failed = await settled(started.id);
    expect(failed).toMatchObject({ status: DownloadStatus.FAILED, storagePath: null, sizeBytes: null, activeAccountId: null });
    const view = (await list('nanshan.handler')).find((d) => d.id === started.id)!;
    expect(view).toMatchObject({ status: DownloadStatus.FAILED, statusLabel: '生成失败', error: '台账第 3 行数据有误，无法导出' });
    expect(readdirSync(downloadsDir()).filter((f) => f.startsWith(`${started.id}-`))).toEqual([]);
    expect(temporaryFiles()).toEqual([]);
    expect((await fetchFile('nanshan.handler', started.id).expect(409)).body.code).toBe(DownloadErrorCode.FAILED);
    const next = await downloads.start(await actorOf('nanshan.handler'), { kind: 'test.rows', fileName: '南山区重新导出', params: { rows: 3 } });
    expect((await settled(next.id)).status).toBe(DownloadStatus.DONE);
  });

  it('lets the sweep enqueue a QUEUED export whose job is gone, and fail one whose account was disabled', async () => {
    const orphan = await insertRow('futian.supervisor', { params: { rows: 7 } });
    const supervisorAccount = await account('nanshan.supervisor');
    const ofDisabled = await insertRow('nanshan.supervisor', {});
    await t.dataSource.getRepository(Account).update({ id: supervisorAccount.id }, { status: AccountStatus.DISABLED });
    try {
      expect((await downloads.sweep()).enqueued).toBeGreaterThanOrEqual(2);
      const done = await settled(orphan);
      expect(done).toMatchObject({ status: DownloadStatus.DONE, rowsWritten: 7, attempts: 1 });
      expect((await list('futian.supervisor')).find((d) => d.id === orphan)).toMatchObject({ status: DownloadStatus.DONE, progress: 100 });
      const refused = await settled(ofDisabled);
      expect(refused).toMatchObject({ status: DownloadStatus.FAILED, error: '账号已停用或已删除，导出已取消', storagePath: null });
    } finally {
      await t.dataSource.getRepository(Account).update({ id: supervisorAccount.id }, { status: AccountStatus.ACTIVE });
    }
  });

  it('lets the sweep re-queue a RUNNING export whose worker went silent, and fail it after the last run', async () => {
    const silentSince = new Date(Date.now() - (t.config.downloads.staleMinutes + 1) * 60_000);
    const stalled = await insertRow('futian.supervisor', { status: DownloadStatus.RUNNING, attempts: 1, startedAt: silentSince, heartbeatAt: silentSince, params: { rows: 4 } });
    const exhausted = await insertRow('nanshan.supervisor', { status: DownloadStatus.RUNNING, attempts: DOWNLOAD_MAX_RUNS, startedAt: silentSince, heartbeatAt: silentSince });
    // a live run is left alone
    const live = await insertRow('nanshan.handler', { status: DownloadStatus.RUNNING, attempts: 1, startedAt: new Date(), heartbeatAt: new Date() });
    const result = await downloads.sweep();
    expect(result).toMatchObject({ requeued: 1, failed: 1 });
    expect(await settled(stalled)).toMatchObject({ status: DownloadStatus.DONE, rowsWritten: 4, attempts: 2 });
    expect(await row(exhausted)).toMatchObject({ status: DownloadStatus.FAILED, error: `文件生成 ${DOWNLOAD_MAX_RUNS} 次均中断，请重新导出`, activeAccountId: null });
    expect((await row(live)).status).toBe(DownloadStatus.RUNNING);
    await t.dataSource.getRepository(DownloadFile).delete({ id: live });
  });

  it('deletes the file once it expires: the row becomes EXPIRED and the download answers 410', async () => {
    const done = await row(doneId);
    const path = join(downloadsDir(), done.storagePath!);
    expect(existsSync(path)).toBe(true);
    // not yet: the sweep leaves a file before its expiry alone
    expect((await downloads.sweep()).expired).toBe(0);
    expect(existsSync(path)).toBe(true);
    await t.dataSource.getRepository(DownloadFile).update({ id: doneId }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await downloads.sweep()).expired).toBe(1);
    expect(existsSync(path)).toBe(false);
    expect(await row(doneId)).toMatchObject({ status: DownloadStatus.EXPIRED, storagePath: null });
    expect((await list('futian.handler')).find((d) => d.id === doneId)).toMatchObject({ status: DownloadStatus.EXPIRED, statusLabel: '已过期' });
    const gone = await fetchFile('futian.handler', doneId).expect(410);
    expect(gone.body.code).toBe(DownloadErrorCode.EXPIRED);
  });

  it('lists at most 50, newest first', async () => {
    const accountId = (await account('futian.handler')).id;
    const repository = t.dataSource.getRepository(DownloadFile);
    const base = Date.now() - 3600_000;
    for (let i = 0; i < 55; i += 1) {
      await repository.save({ accountId, activeAccountId: null, kind: 'test.rows', fileName: `旧导出 ${i}.xlsx`, status: DownloadStatus.FAILED, params: {}, rowsWritten: 0, attempts: 1, error: '测试', createdAt: new Date(base - i * 60_000) });
    }
    const listed = await list('futian.handler');
    expect(listed).toHaveLength(50);
    const created = listed.map((d) => Date.parse(d.createdAt));
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    expect(listed[0].id).toBe(doneId);
  });
});
