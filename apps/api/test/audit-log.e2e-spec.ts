import { AuditLogItem } from '@szpm/contract';
import { Account } from '../src/access/entities/account.entity';
import { AuditLog } from '../src/access/entities/audit-log.entity';
import { shanghaiDate } from '../src/common/http/shanghai-time';
import { startTestApp, TestApp } from './support/test-app';

const DAY_MS = 24 * 3600 * 1000;

/** 审计日志 (admin pages): GET /api/admin/audit-logs, city admins only. */
describe('audit log search (city admins)', () => {
  let t: TestApp;
  let admin: string;
  let lead: string;
  let handlerId: number;
  let leadId: number;
  const get = (token: string, path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const search = async (query: string): Promise<{ items: AuditLogItem[]; total: number; from: string; to: string }> => (await get(admin, `/api/admin/audit-logs?${query}`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, lead] = [await t.login('city.admin'), await t.login('futian.lead')];
    const accounts = t.dataSource.getRepository(Account);
    handlerId = (await accounts.findOneByOrFail({ username: 'futian.handler' })).id;
    leadId = (await accounts.findOneByOrFail({ username: 'futian.lead' })).id;
    // a grant given and taken, and a write refused at the door
    await t.http().post(`/api/admin/accounts/${handlerId}/grants`).set('Authorization', `Bearer ${lead}`).set('X-Request-Id', 'audit-log-grant-1').send({ module: 'notices', action: 'view' }).expect(204);
    await t.http().delete(`/api/admin/accounts/${handlerId}/grants/notices/view`).set('Authorization', `Bearer ${lead}`).expect(204);
    const handler = await t.login('futian.handler');
    await t.http().post('/api/admin/accounts').set('Authorization', `Bearer ${handler}`).set('X-Request-Id', 'audit-log-refused-1').send({}).expect(403);
    // a row from before the default window
    await t.dataSource.getRepository(AuditLog).insert({
      actorId: leadId,
      districtId: 2,
      action: 'admin.set-account-status',
      targetType: 'account',
      targetId: String(handlerId),
      method: 'PATCH',
      path: `/api/admin/accounts/${handlerId}/status`,
      statusCode: 204,
      outcome: 'succeeded',
      requestId: 'audit-log-old-1',
      createdAt: new Date(Date.now() - 120 * DAY_MS),
    });
  });
  afterAll(() => t.close());

  it('lists the last 90 days, newest first, with the actor’s name', async () => {
    const page = await search('pageSize=100');
    const today = shanghaiDate(new Date());
    expect(page.to).toBe(today);
    expect(page.from).toBe(shanghaiDate(new Date(Date.now() - 89 * DAY_MS)));
    expect(page.items.map((i) => i.requestId)).not.toContain('audit-log-old-1');
    const times = page.items.map((i) => i.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const grant = page.items.find((i) => i.requestId === 'audit-log-grant-1')!;
    expect(grant).toMatchObject({
      actorId: leadId,
      actorName: '刘建华',
      actorUsername: 'futian.lead',
      action: 'admin.add-grant',
      targetType: 'account',
      targetId: String(handlerId),
      method: 'POST',
      statusCode: 204,
      outcome: 'succeeded',
      errorCode: null,
    });
  });

  it('filters by actor (id or name), action, target and outcome', async () => {
    const byName = await search(`actor=${encodeURIComponent('刘建华')}&pageSize=100`);
    expect(byName.total).toBeGreaterThanOrEqual(2);
    expect(new Set(byName.items.map((i) => i.actorId))).toEqual(new Set([leadId]));
    const byUsername = await search('actor=futian.lead&pageSize=100');
    expect(byUsername.total).toBe(byName.total);
    const byId = await search(`actor=${leadId}&pageSize=100`);
    expect(byId.total).toBe(byName.total);

    const removed = await search('action=remove-grant');
    expect(removed.items.map((i) => i.action)).toEqual(['admin.remove-grant']);
    const target = await search(`targetType=account&targetId=${handlerId}&pageSize=100`);
    expect(target.items.map((i) => i.action).sort()).toEqual(['admin.add-grant', 'admin.remove-grant']);

    const refused = await search(`outcome=refused&actor=futian.handler`);
    expect(refused.items.map((i) => i.requestId)).toEqual(['audit-log-refused-1']);
    expect(refused.items[0]).toMatchObject({ action: 'admin.create-account', statusCode: 403, errorCode: 'FORBIDDEN', actorName: '林晓敏' });

    expect((await search('actor=nobody-at-all')).total).toBe(0);
    // LIKE wildcards are text
    expect((await search(`action=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('searches a range of Shanghai days, also before the default window', async () => {
    const day = shanghaiDate(new Date(Date.now() - 120 * DAY_MS));
    const old = await search(`from=${day}&to=${day}`);
    expect(old.items.map((i) => i.requestId)).toEqual(['audit-log-old-1']);
    // from alone: 90 days from there
    const fromOnly = await search(`from=${day}&pageSize=100`);
    expect(fromOnly.to).toBe(shanghaiDate(new Date(Date.now() - 31 * DAY_MS)));
    expect(fromOnly.items.map((i) => i.requestId)).toEqual(['audit-log-old-1']);
    const today = shanghaiDate(new Date());
    const yesterday = shanghaiDate(new Date(Date.now() - DAY_MS));
    expect((await search(`to=${yesterday}&action=add-grant`)).total).toBe(0);
    expect((await search(`from=${today}&to=${today}&action=add-grant`)).total).toBe(1);

    const reversed = await get(admin, `/api/admin/audit-logs?from=${today}&to=${yesterday}`).expect(400);
    expect(reversed.body.details).toEqual([expect.objectContaining({ field: 'from', message: '起始日不能晚于截止日' })]);
    expect((await get(admin, '/api/admin/audit-logs?from=2026-02-30').expect(400)).body.details[0].field).toBe('from');
    expect((await get(admin, '/api/admin/audit-logs?outcome=maybe').expect(400)).body.details[0].field).toBe('outcome');
    expect((await get(admin, '/api/admin/audit-logs?pageSize=101').expect(400)).body.details[0].field).toBe('pageSize');
  });

  it('pages', async () => {
    const all = await search('pageSize=100');
    const second = await search('pageSize=1&page=2');
    expect(second).toMatchObject({ total: all.total, page: 2, pageSize: 1 });
    expect(second.items.map((i) => i.id)).toEqual([all.items[1].id]);
  });

  it('is for city admins only', async () => {
    expect((await get(lead, '/api/admin/audit-logs').expect(403)).body.code).toBe('FORBIDDEN');
    await t.http().get('/api/admin/audit-logs').expect(401);
  });
});
