import { DisputeDisposal, DisputeOutcome, Role, WorkflowAction, WorkflowStatus } from '@szpm/contract';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '../common/http/shanghai-time';
import { ENTITIES } from '../database/entities';
import { SQLITE_MIGRATIONS } from '../database/migrations/sqlite';
import { DEFAULT_DISPUTE_CATEGORIES } from '../modules/disputes/dispute-categories';
import { contentColumns, DISPUTE_ENTRY_ROLES, DISPUTE_REVIEW_ROLES, DISPUTE_STEPS, handlingColumns } from '../modules/disputes/dispute.form';
import { DisputePayload } from '../modules/disputes/dto/dispute.dto';
import { boundedShares, CATEGORY_SHARES, cityDisputePlan, DEMO_DISPUTE_PLAN, DisputeSeedInput, DisputeSeedOfficer, disputeSeedRows, DisputeShowcase, NANSHAN_DEMO_STREET_ACCOUNTS } from './dispute-seed';
import { SeededRandom } from './random';
import { seedDemo } from './demo-seed';

const S = WorkflowStatus;
const A = WorkflowAction;
const DAY = 86_400_000;
const NOW = new Date('2026-12-01T15:00:00+08:00');
const TODAY = shanghaiDate(NOW);

/** Two districts of 150 areas, five streets each (four with a street-office account), a handful of officers. */
function sampleInput(areasPerDistrict = 150): DisputeSeedInput {
  const rng = new SeededRandom(11);
  const officers: DisputeSeedOfficer[] = [];
  const officer = (role: Role, districtId: number, streetId: number | null = null) =>
    officers.push({ id: officers.length + 1, name: `官员${officers.length + 1}`, role, districtId, streetId, username: `o${officers.length + 1}` });
  const areas = [];
  for (const districtId of [2, 3]) {
    officer(Role.DISTRICT_LEAD, districtId);
    officer(Role.DISTRICT_SUPERVISOR, districtId);
    officer(Role.DISTRICT_HANDLER, districtId);
    officer(Role.DISTRICT_HANDLER, districtId);
    for (let s = 1; s <= 4; s++) officer(Role.STREET_OFFICER, districtId, districtId * 100 + s);
    for (let i = 0; i < areasPerDistrict; i++) {
      const streetId = districtId * 100 + 1 + (i % 5);
      areas.push({ id: areas.length + 1, name: `小区${areas.length + 1}`, districtId, streetId, communityId: streetId * 100 + 1 + (i % 3), houses: rng.int(40, 2000) });
    }
  }
  return { areas, officers, categories: DEFAULT_DISPUTE_CATEGORIES.map((c, i) => ({ id: i + 1, ...c })) };
}

const share = (part: number, whole: number) => part / whole;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];

describe('the dispute seed', () => {
  const input = sampleInput();
  // the city's shares, counted per district (two districts here): 20 cases per area over three years
  const plan = { ...cityDisputePlan(input.areas.length), unit: 'district' as const, yearlyPerUnit: [300, 1_500] as [number, number] };
  const rows = disputeSeedRows(input, new SeededRandom(1).fork('disputes'), plan, { now: NOW, firstCaseId: 101 });
  const { cases, actions, disputes } = rows;
  const actionsOf = new Map<number, typeof actions>();
  for (const a of actions) actionsOf.set(a.caseId, [...(actionsOf.get(a.caseId) ?? []), a]);
  const n = disputes.length;
  const overdue = disputes.filter((d) => !d.closed && d.deadline < TODAY);

  it('is deterministic, numbers the rows in creation order and the business numbers per Shanghai day', () => {
    // compared as JSON: a deep toEqual of 30,000 rows takes seconds
    expect(JSON.stringify(disputeSeedRows(input, new SeededRandom(1).fork('disputes'), plan, { now: NOW, firstCaseId: 101 }))).toBe(JSON.stringify(rows));
    expect(n).toBe(6_000);
    expect(cases.map((c) => c.id)).toEqual(cases.map((_, i) => 101 + i));
    expect(disputes.map((d) => d.id)).toEqual(disputes.map((_, i) => 1 + i));
    expect(disputes.every((d, i) => d.workflowCaseId === cases[i].id && d.businessNo === cases[i].businessNo)).toBe(true);
    expect(cases.every((c, i) => i === 0 || c.createdAt.getTime() >= cases[i - 1].createdAt.getTime())).toBe(true);
    expect(new Set(cases.map((c) => c.businessNo)).size).toBe(n);
    for (const c of cases) expect(c.businessNo.startsWith(`DC-${shanghaiDate(c.createdAt).replace(/-/g, '')}-`)).toBe(true);
    const perDay = new Map<string, number>();
    for (const c of cases) perDay.set(c.businessNo.slice(0, 11), Math.max(perDay.get(c.businessNo.slice(0, 11)) ?? 0, Number(c.businessNo.slice(12))));
    expect(Object.fromEntries(rows.sequences.map((s) => [s.name, s.lastValue]))).toEqual(Object.fromEntries(perDay));
  });

  it('counts 300–1,500 cases a year per unit in proportion to its areas, over the window', () => {
    for (const districtId of [2, 3]) {
      const own = disputes.filter((d) => d.districtId === districtId);
      expect(own.length / 3).toBeGreaterThanOrEqual(300);
      expect(own.length / 3).toBeLessThanOrEqual(1_500);
      expect(Math.min(...own.map((d) => d.enteredAt.getTime()))).toBeGreaterThanOrEqual(NOW.getTime() - 3 * 365 * DAY);
      expect(Math.max(...own.map((d) => d.enteredAt.getTime()))).toBeLessThan(NOW.getTime());
    }
    expect(boundedShares(1_000, [1, 1, 10], [100, 500])).toEqual([250, 250, 500]);
    expect(boundedShares(200, [1, 1, 10], [100, 500])).toEqual([100, 100, 100]);
  });

  it('spreads the categories as the notes ask (物业费 25 %, 停车 15 % … 其他 5 %)', () => {
    const total = Object.values(CATEGORY_SHARES).reduce((a, b) => a + b, 0);
    for (const [i, category] of DEFAULT_DISPUTE_CATEGORIES.entries()) {
      const measured = share(disputes.filter((d) => d.categoryId === i + 1).length, n);
      expect(Math.abs(measured - CATEGORY_SHARES[category.name] / total)).toBeLessThan(0.015);
    }
  });

  it('keeps the shares: 信访 30 %, 转办 65 %, 驳回 12 % once and 2 % twice, 超期 8 %', () => {
    expect(share(disputes.filter((d) => d.petitioner !== null).length, n)).toBeCloseTo(0.3, 2);
    expect(share(disputes.filter((d) => d.transferCount > 0).length, n)).toBeCloseTo(0.65, 2);
    expect(share(disputes.filter((d) => d.sendBackCount === 1).length, n)).toBeCloseTo(0.12, 2);
    expect(share(disputes.filter((d) => d.sendBackCount === 2).length, n)).toBeCloseTo(0.02, 2);
    expect(share(overdue.length, n)).toBeCloseTo(0.08, 2);
    // transfers go only to streets with a street-office account (street 5 of each district has none)
    expect(disputes.filter((d) => d.transferCount > 0 && d.streetId % 100 === 5)).toHaveLength(0);
  });

  it('handles 化解 70 % / 疏导 30 %, 案结事了 for 80 % of 化解 and 45 % of 疏导', () => {
    const handled = disputes.filter((d) => d.disposal !== null);
    const resolved = handled.filter((d) => d.disposal === DisputeDisposal.RESOLVE);
    const deEscalated = handled.filter((d) => d.disposal === DisputeDisposal.DE_ESCALATE);
    expect(Math.abs(share(resolved.length, handled.length) - 0.7)).toBeLessThan(0.02);
    expect(Math.abs(share(resolved.filter((d) => d.outcome === DisputeOutcome.SETTLED).length, resolved.length) - 0.8)).toBeLessThan(0.025);
    expect(Math.abs(share(deEscalated.filter((d) => d.outcome === DisputeOutcome.SETTLED).length, deEscalated.length) - 0.45)).toBeLessThan(0.04);
  });

  it('closes cases in a median of 7 days, 90 % within 35', () => {
    const days = disputes.filter((d) => d.closed).map((d) => d.handlingDays!);
    expect(days.length).toBeGreaterThan(n * 0.85);
    expect(Math.abs(quantile(days, 0.5) - 7)).toBeLessThanOrEqual(1);
    expect(Math.abs(quantile(days, 0.9) - 35)).toBeLessThanOrEqual(5);
  });

  it('makes 3–5 % of the cases duplicates: the same area and category within 180 days', () => {
    const byAreaCategory = new Map<string, number[]>();
    for (const d of disputes) {
      const key = `${d.propertyAreaId}:${d.categoryId}`;
      byAreaCategory.set(key, [...(byAreaCategory.get(key) ?? []), d.enteredAt.getTime()]);
    }
    let duplicates = 0;
    for (const times of byAreaCategory.values()) times.sort((a, b) => a - b).forEach((t, i) => i > 0 && t - times[i - 1] <= 180 * DAY && duplicates++);
    expect(share(duplicates, n)).toBeGreaterThanOrEqual(0.03);
    expect(share(duplicates, n)).toBeLessThanOrEqual(0.05);
  });

  // per-case rules collected as problems, so that 6,000 cases check in a moment and a failure names the case
  const problemsOf = (check: (d: (typeof disputes)[number], c: (typeof cases)[number], history: typeof actions) => Array<string | false>) =>
    disputes.flatMap((d, i) => check(d, cases[i], actionsOf.get(cases[i].id)!).filter((p): p is string => typeof p === 'string').map((p) => `${d.businessNo}: ${p}`)).slice(0, 10);

  it('writes every case as the engine leaves it: each step one of DISPUTE_STEPS by a party of the right role', () => {
    const officerOf = new Map(input.officers.map((o) => [o.id, o]));
    const problems = problemsOf((d, c, history) => {
      const found: Array<string | false> = [];
      const first = history[0];
      found.push((first.action !== A.CREATE || first.fromStatus !== null || first.toStatus !== S.ENTRY || first.actorId !== c.entryActorId) && 'does not start with CREATE by its entry officer');
      found.push(history.some((a, k) => a.seq !== k + 1) && 'seq is not 1, 2, 3 …');
      let handledBy: number | null = null;
      for (let k = 1; k < history.length; k++) {
        const a = history[k];
        const step = DISPUTE_STEPS.find((s) => s.from === a.fromStatus && s.action === a.action && s.to === a.toStatus);
        const actor = officerOf.get(a.actorId)!;
        found.push(a.fromStatus !== history[k - 1].toStatus && `step ${k + 1} starts from ${a.fromStatus}, not ${history[k - 1].toStatus}`);
        found.push(a.at < history[k - 1].at && `step ${k + 1} is before step ${k}`);
        found.push(!step && `${a.fromStatus} ${a.action} → ${a.toStatus} is not a step`);
        found.push(a.actorRole !== actor.role && `step ${k + 1}: actorRole ${a.actorRole} is not the actor's`);
        found.push(step?.party === 'ENTRY' && !(DISPUTE_ENTRY_ROLES as readonly Role[]).includes(actor.role) && `${a.action} by a ${actor.role}`);
        found.push(step?.party === 'REVIEW' && (!(DISPUTE_REVIEW_ROLES as readonly Role[]).includes(actor.role) || a.actorId === c.entryActorId) && `${a.action} by ${actor.role} ${actor.id}`);
        found.push(step?.party === 'STREET' && (actor.role !== Role.STREET_OFFICER || actor.streetId !== d.streetId) && `${a.action} by an account not of street ${d.streetId}`);
        found.push((a.action === A.SEND_BACK || a.action === A.RETURN_TO_PREVIOUS) && !a.opinion && `${a.action} without an opinion`);
        found.push(a.action === A.HANDLE && (a.opinion !== d.handlingNote || !a.remark?.startsWith('处置方式：')) && 'HANDLE without its handling note and choices');
        found.push((a.action === A.SEND_BACK || a.action === A.APPROVE_CLOSE) && a.actorId === handledBy && `${a.action} by the account that handled it`);
        if (a.action === A.HANDLE) handledBy = a.actorId;
      }
      const last = history[history.length - 1];
      found.push(last.at > NOW && 'a step after now');
      found.push((c.status !== last.toStatus || d.status !== last.toStatus) && `status ${c.status} / ${d.status}, last step to ${last.toStatus}`);
      found.push((c.version !== history.length || d.version !== history.length) && `version ${c.version} / ${d.version} after ${history.length} steps`);
      found.push(d.handledById !== handledBy && `handledById ${d.handledById}, last HANDLE by ${handledBy}`);
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('keeps the ledger row consistent with its 历程 and its payload', () => {
    const problems = problemsOf((d, c, history) => {
      const count = (action: WorkflowAction) => history.filter((a) => a.action === action).length;
      const payload = c.payload as unknown as DisputePayload;
      const { deadline: _deadline, ...content } = contentColumns(payload);
      const columns: Record<string, unknown> = { ...content, ...handlingColumns(payload), deadline: payload.deadline };
      const row = d as unknown as Record<string, unknown>;
      return [
        (d.closed !== (d.status === S.APPROVED) || d.closed !== (count(A.APPROVE_CLOSE) === 1)) && 'closed ⇎ APPROVED',
        (c.finishedAt?.getTime() ?? null) !== (d.closed ? history[history.length - 1].at.getTime() : null) && 'finishedAt is not the closing step',
        (d.closedAt?.getTime() ?? null) !== (c.finishedAt?.getTime() ?? null) && 'closedAt ≠ finishedAt',
        d.sendBackCount !== count(A.SEND_BACK) && `sendBackCount ${d.sendBackCount}, ${count(A.SEND_BACK)} SEND_BACK steps`,
        d.transferCount !== count(A.TRANSFER) && `transferCount ${d.transferCount}, ${count(A.TRANSFER)} TRANSFER steps`,
        c.streetId !== (d.transferCount > 0 ? d.streetId : null) && `workflow streetId ${c.streetId}`,
        d.withStreet !== (d.status === S.STREET_HANDLING || d.status === S.STREET_REVIEW) && `withStreet ${d.withStreet} in ${d.status}`,
        // handled cases carry 处置方式 and 处置情况, never a case that was not
        (d.disposal !== null && d.outcome !== null && d.repliedAt !== null && d.handlingNote !== null) !== count(A.HANDLE) > 0 && 'handling columns ⇎ a HANDLE step',
        (payload.handling === undefined) !== (count(A.HANDLE) === 0) && 'payload.handling ⇎ a HANDLE step',
        c.originalPayload.handling !== undefined && 'originalPayload has a handling',
        d.followUp !== (d.closed && d.outcome === DisputeOutcome.CLOSED_UNSETTLED) && 'followUp ⇎ closed 案结事未了',
        d.handlingDays !== (d.closed ? Math.round((Date.parse(shanghaiDate(d.closedAt!)) - Date.parse(shanghaiDate(d.enteredAt))) / DAY) : null) && `handlingDays ${d.handlingDays}`,
        d.repliedAt !== null && d.repliedAt < shanghaiDate(d.enteredAt) && 'replied before entry',
        (d.enteredAt.getTime() !== c.createdAt.getTime() || d.enteredById !== c.initiatorId) && 'entry ≠ the workflow case',
        payload.propertyAreaName !== `小区${d.propertyAreaId}` && 'propertyAreaName',
        ...Object.keys(columns).map((key) => JSON.stringify(row[key]) !== JSON.stringify(columns[key]) && `${key}: ${JSON.stringify(row[key])}, payload ${JSON.stringify(columns[key])}`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('leaves overdue only cases that are not closed, and every ledger and status populated', () => {
    expect(overdue.every((d) => !d.closed && d.status !== S.APPROVED)).toBe(true);
    expect(overdue.every((d) => d.remindedDueFor === d.deadline)).toBe(true);
    for (const status of [S.ENTRY, S.STREET_HANDLING, S.STREET_REVIEW, S.REVIEW, S.APPROVED]) expect(disputes.some((d) => d.status === status)).toBe(true);
  });
});

describe('the demo showcase', () => {
  const input = sampleInput(50);
  const every = ['ENTRY', 'STREET_HANDLING', 'STREET_REVIEW', 'REVIEW', 'SENT_BACK_TWICE', 'OVERDUE', 'SETTLED', 'UNSETTLED'] as const;
  const showcase: DisputeShowcase = {
    states: [...every.map((state) => ({ districtId: 2, state })), { districtId: 2, streetId: 202, state: 'STREET_HANDLING' }, { districtId: 2, streetId: 202, state: 'STREET_REVIEW' }, ...every.map((state) => ({ districtId: 3, state }))],
    duplicateStreets: [201, 202],
    imports: [{ districtId: 2, rows: 12, fileName: '已办结台账.xlsx' }],
  };
  const { disputes, cases, actions, importBatches } = disputeSeedRows(input, new SeededRandom(1).fork('disputes'), DEMO_DISPUTE_PLAN, { now: NOW, showcase });

  it('shows every state in both districts, 街道办理 in the demo street, and an import batch', () => {
    for (const districtId of [2, 3]) {
      const own = disputes.filter((d) => d.districtId === districtId && d.importBatchId === null);
      expect(own.length).toBeGreaterThanOrEqual(300);
      for (const status of [S.ENTRY, S.STREET_HANDLING, S.STREET_REVIEW, S.REVIEW]) expect(own.some((d) => d.status === status && d.deadline >= TODAY)).toBe(true);
      expect(own.some((d) => !d.closed && d.sendBackCount === 2)).toBe(true);
      expect(own.some((d) => !d.closed && d.deadline < TODAY)).toBe(true);
      expect(own.some((d) => d.closed && d.outcome === DisputeOutcome.SETTLED)).toBe(true);
      expect(own.some((d) => d.closed && d.followUp)).toBe(true);
    }
    expect(disputes.some((d) => d.streetId === 202 && d.status === S.STREET_HANDLING)).toBe(true);
    expect(importBatches).toHaveLength(1);
    const imported = disputes.filter((d) => d.importBatchId === importBatches[0].id);
    expect(imported).toHaveLength(12);
    expect(importBatches[0]).toMatchObject({ rows: 12, districtId: 2, batchNo: expect.stringMatching(/^DI-\d{8}-1$/) });
    expect(imported.every((d) => d.closed && d.districtId === 2 && d.enteredAt < cases.find((c) => c.id === d.workflowCaseId)!.createdAt)).toBe(true);
    // as dispute-import.service.ts writes them: one entry straight to closed naming the batch, version 1, closed on a day before the import
    for (const d of imported) {
      const c = cases.find((x) => x.id === d.workflowCaseId)!;
      const history = actions.filter((a) => a.caseId === c.id);
      expect(history).toEqual([expect.objectContaining({ seq: 1, action: A.CREATE, fromStatus: null, toStatus: S.APPROVED, remark: `已办结台账导入，导入批次 ${importBatches[0].batchNo}` })]);
      expect(c).toMatchObject({ status: S.APPROVED, version: 1, streetId: null, finishedAt: d.closedAt, originalPayload: c.payload });
      expect(d).toMatchObject({ version: 1, transferCount: 0, handledById: c.initiatorId, followUp: d.outcome === DisputeOutcome.CLOSED_UNSETTLED });
      expect(d.closedAt!.getTime()).toBeLessThan(c.createdAt.getTime());
      expect(d.handlingNote).not.toBeNull();
    }
  });
});

describe('the demo seed’s disputes', () => {
  let ds: DataSource;
  const rows = (sql: string, params: unknown[] = []) => ds.query(sql, params) as Promise<Array<Record<string, unknown>>>;
  const count = async (sql: string, params: unknown[] = []) => Number((await rows(sql, params))[0].n);

  beforeAll(async () => {
    ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES, migrations: SQLITE_MIGRATIONS, migrationsRun: true }).initialize();
    await seedDemo(ds);
  });
  afterAll(() => ds.destroy());

  it('writes 福田 and 南山 cases in every state, 园岭街道 and 粤海街道 cases with the street, and an import batch', async () => {
    const today = shanghaiDate(new Date());
    for (const districtId of [2, 3]) {
      for (const status of ['ENTRY', 'STREET_HANDLING', 'STREET_REVIEW', 'REVIEW', 'APPROVED']) {
        expect(await count(`SELECT COUNT(*) AS n FROM dispute_cases WHERE districtId = ? AND status = ?`, [districtId, status])).toBeGreaterThan(0);
      }
      expect(await count(`SELECT COUNT(*) AS n FROM dispute_cases WHERE districtId = ? AND closed = 0 AND sendBackCount = 2`, [districtId])).toBeGreaterThan(0);
      expect(await count(`SELECT COUNT(*) AS n FROM dispute_cases WHERE districtId = ? AND closed = 0 AND deadline < ?`, [districtId, today])).toBeGreaterThan(0);
      expect(await count(`SELECT COUNT(*) AS n FROM dispute_cases WHERE districtId = ? AND closed = 1 AND outcome = 'SETTLED'`, [districtId])).toBeGreaterThan(0);
      expect(await count(`SELECT COUNT(*) AS n FROM dispute_cases WHERE districtId = ? AND closed = 1 AND followUp = 1`, [districtId])).toBeGreaterThan(0);
    }
    for (const [username, street] of [['futian.street.yuanling', '园岭街道'], ['nanshan.street.yuehai', '粤海街道']]) {
      const [account] = await rows(`SELECT a.id, a.streetId FROM accounts a JOIN regions r ON r.id = a.streetId WHERE a.username = ? AND a.role = 'STREET_OFFICER' AND r.name = ?`, [username, street]);
      expect(account).toBeDefined();
      expect(await count(`SELECT COUNT(*) AS n FROM dispute_cases WHERE streetId = ? AND status = 'STREET_HANDLING'`, [account.streetId])).toBeGreaterThan(0);
      expect(await count(`SELECT COUNT(*) AS n FROM workflow_actions w JOIN dispute_cases d ON d.workflowCaseId = w.caseId WHERE w.actorId = ? AND w.action = 'HANDLE'`, [account.id])).toBeGreaterThan(0);
    }
    const [batch] = await rows(`SELECT id, rows FROM dispute_import_batches`);
    expect(await count(`SELECT COUNT(*) AS n FROM dispute_cases WHERE importBatchId = ? AND closed = 1`, [batch.id])).toBe(Number(batch.rows));
  });

  it('adds the 南山 street-office logins with their grants', async () => {
    for (const demo of NANSHAN_DEMO_STREET_ACCOUNTS) {
      const [account] = await rows(`SELECT a.id, a.name, a.wechatOpenId, r.name AS street FROM accounts a JOIN regions r ON r.id = a.streetId WHERE a.username = ?`, [demo.username]);
      expect(account).toMatchObject({ name: demo.name, street: demo.street, wechatOpenId: null });
      expect(await count(`SELECT COUNT(*) AS n FROM module_grants WHERE accountId = ? AND module = 'disputes' AND action = 'operate'`, [account.id])).toBe(1);
    }
  });

  it('makes the duplicate warning fire in every 福田 demo street, and numbers the next case after the seeded ones', async () => {
    const since = new Date(Date.now() - 180 * DAY).toISOString().replace('T', ' ').replace('Z', '');
    for (const username of ['futian.street.yuanling', 'futian.street.xiangmihu']) {
      const [{ streetId }] = await rows(`SELECT streetId FROM accounts WHERE username = ?`, [username]);
      expect(await count(`SELECT COUNT(*) AS n FROM dispute_cases WHERE streetId = ? AND enteredAt >= ?`, [streetId, since])).toBeGreaterThan(0);
    }
    const [last] = await rows(`SELECT businessNo FROM workflow_cases WHERE formType = 'DISPUTE_CASE' ORDER BY id DESC LIMIT 1`);
    const [sequence] = await rows(`SELECT lastValue FROM workflow_sequences WHERE name = ?`, [String(last.businessNo).slice(0, 11)]);
    expect(Number(sequence.lastValue)).toBe(Number(String(last.businessNo).slice(12)));
  });
});
