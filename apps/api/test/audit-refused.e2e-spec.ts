import { AuditLog } from '../src/access/entities/audit-log.entity';
import { startTestApp, TestApp } from './support/test-app';

/** Issue 10 §5: a write refused at the door leaves one audit row, like one that reached its handler. */
describe('audit of refused writes', () => {
  let t: TestApp;
  let ids: Record<string, number>;
  const newAccount = { username: 'futian.audit01', name: '审计测试', phone: '13700000099', role: 'DISTRICT_HANDLER' };
  const rowsOf = (requestId: string) => t.dataSource.getRepository(AuditLog).findBy({ requestId });

  beforeAll(async () => {
    t = await startTestApp();
    const accounts: Array<{ id: number; username: string }> = await t.dataSource.query(`SELECT id, username FROM accounts WHERE username IN ('futian.handler', 'futian.lead')`);
    ids = Object.fromEntries(accounts.map((a) => [a.username, a.id]));
  });
  afterAll(() => t.close());

  it('records a write without a token (401) with no actor and the request id of the error body', async () => {
    const response = await t.http().post('/api/admin/accounts').send(newAccount).expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
    const rows = await rowsOf(response.body.requestId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: null,
      action: 'admin.create-account',
      targetType: 'account',
      method: 'POST',
      path: '/api/admin/accounts',
      statusCode: 401,
      outcome: 'refused',
      errorCode: 'UNAUTHENTICATED',
    });
  });

  it('records a write refused by the guard for the role (403) with its actor', async () => {
    const token = await t.login('futian.handler');
    const response = await t.http().post('/api/admin/accounts').set('Authorization', `Bearer ${token}`).set('X-Request-Id', 'audit-refused-role-1').send(newAccount).expect(403);
    expect(response.body).toMatchObject({ code: 'FORBIDDEN', requestId: 'audit-refused-role-1' });
    const rows = await rowsOf('audit-refused-role-1');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: ids['futian.handler'], districtId: 2, action: 'admin.create-account', statusCode: 403, outcome: 'refused', errorCode: 'FORBIDDEN' });
  });

  it('records a write refused later for another district (403 OUT_OF_DISTRICT) once', async () => {
    const token = await t.login('futian.lead');
    const response = await t.http().post('/api/admin/accounts').set('Authorization', `Bearer ${token}`).send({ ...newAccount, districtId: 3 }).expect(403);
    expect(response.body.code).toBe('OUT_OF_DISTRICT');
    const rows = await rowsOf(response.body.requestId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: ids['futian.lead'], action: 'admin.create-account', method: 'POST', statusCode: 403, outcome: 'refused', errorCode: 'OUT_OF_DISTRICT' });
  });

  it('records a write that succeeds as succeeded, without an error code, and does not audit reads', async () => {
    const token = await t.login('futian.lead');
    const created = await t.http().post('/api/admin/accounts').set('Authorization', `Bearer ${token}`).set('X-Request-Id', 'audit-succeeded-1').send(newAccount).expect(201);
    expect(await rowsOf('audit-succeeded-1')).toEqual([expect.objectContaining({ statusCode: 201, outcome: 'succeeded', errorCode: null, targetId: String(created.body.id) })]);
    await t.http().get('/api/admin/accounts').set('X-Request-Id', 'audit-read-401').expect(401);
    expect(await rowsOf('audit-read-401')).toHaveLength(0);
  });

  it('bounds the audit rows of anonymous refusals per client IP (AUDIT_ANONYMOUS_REFUSALS_PER_IP), never those of an actor', async () => {
    const limit = 30; // the default of AUDIT_ANONYMOUS_REFUSALS_PER_IP (30/60)
    const anonymous = (ip: string, requestId: string, authorization?: string) => {
      const call = t.http().post('/api/admin/accounts').set('X-Forwarded-For', ip).set('X-Request-Id', requestId);
      return (authorization ? call.set('Authorization', authorization) : call).send(newAccount).expect(401);
    };
    // junk tokens count with the missing ones: no actor was ever known
    for (let n = 0; n < limit + 5; n++) await anonymous('203.0.113.7', `audit-flood-${n}`, n % 2 ? 'Bearer junk' : undefined);
    const flood = await t.dataSource.getRepository(AuditLog).countBy({ ip: '203.0.113.7' });
    expect(flood).toBe(limit);
    expect(await rowsOf(`audit-flood-${limit + 4}`)).toHaveLength(0);

    // another address still leaves its row
    await anonymous('203.0.113.8', 'audit-flood-other-ip');
    expect(await rowsOf('audit-flood-other-ip')).toHaveLength(1);

    // an actor refused from the flooded address is always audited
    const token = await t.login('futian.handler');
    for (let n = 0; n < 3; n++) {
      await t.http().post('/api/admin/accounts').set('X-Forwarded-For', '203.0.113.7').set('Authorization', `Bearer ${token}`).set('X-Request-Id', `audit-flood-actor-${n}`).send(newAccount).expect(403);
      expect(await rowsOf(`audit-flood-actor-${n}`)).toEqual([expect.objectContaining({ actorId: ids['futian.handler'], outcome: 'refused' })]);
    }
  });
});
