import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/app-config';
import { hashPassword } from '../src/modules/auth/password';
import { Account } from '../src/access/entities/account.entity';
import { AuditLog } from '../src/access/entities/audit-log.entity';
import { DEMO_PASSWORD } from '../src/seed/demo-accounts';
import { Delegation } from '../src/modules/delegations/entities/delegation.entity';
import { DelegationStatus } from '@szpm/contract';
import { In } from 'typeorm';
import { startTestApp, TestApp } from './support/test-app';

const REQUIRED = { statusCode: 403, code: 'AUTH_PASSWORD_CHANGE_REQUIRED', message: '您的密码为初始密码或已过期，请先修改密码' };
const DAY_MS = 24 * 3600 * 1000;

/**
 * Chapter 2: an account on its initial password (set by an admin at creation or reset) or on one
 * older than PASSWORD_MAX_AGE_DAYS must change it before anything else. The accounts under test log
 * in with a plain POST /api/auth/login: the test app's login helper would count them as changed.
 */
describe('forced password change (chapter 2)', () => {
  let t: TestApp;
  const accounts = () => t.dataSource.getRepository(Account);
  const login = (username: string, password = DEMO_PASSWORD) => t.http().post('/api/auth/login').send({ username, password });
  const get = (token: string, path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const post = (token: string, path: string, body: object = {}) => t.http().post(path).set('Authorization', `Bearer ${token}`).send(body);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is not lifted by acting on behalf of a delegator, nor on the queue dashboard', async () => {
    const delegator = await accounts().findOneByOrFail({ username: 'futian.supervisor' });
    const delegate = await accounts().findOneByOrFail({ username: 'futian.handler' });
    await t.dataSource.getRepository(Delegation).insert({
      delegatorId: delegator.id,
      delegatorName: delegator.name,
      delegateId: delegate.id,
      delegateName: delegate.name,
      districtId: delegator.districtId!,
      allModules: true,
      modules: [],
      matters: '休假期间代办',
      startAt: new Date(Date.now() - DAY_MS),
      endAt: new Date(Date.now() + DAY_MS),
      status: DelegationStatus.ACTIVE,
      terminatedAt: null,
      expiredAt: null,
    });
    await accounts().update({ id: delegate.id }, { passwordChangedAt: null });
    const { accessToken } = (await login('futian.handler').expect(200)).body as { accessToken: string };
    const onBehalf = await t.http().get('/api/todos').set('Authorization', `Bearer ${accessToken}`).set('X-On-Behalf-Of', String(delegator.id)).expect(403);
    expect(onBehalf.body).toMatchObject(REQUIRED);

    await accounts().update({ username: 'city.admin' }, { passwordChangedAt: null });
    const admin = (await login('city.admin').expect(200)).body as { accessToken: string };
    expect((await t.http().get('/admin/queues').set('Authorization', `Bearer ${admin.accessToken}`).expect(403)).body).toMatchObject({ code: REQUIRED.code });
    await accounts().update({ username: In(['city.admin', 'futian.handler']) }, { passwordChangedAt: new Date() });
  });

  describe('an initial password (the demo newcomer)', () => {
    let session: { accessToken: string; refreshToken: string };

    it('logs in, says the password must be changed, and opens only me, refresh, logout and the change', async () => {
      const response = await login('futian.newcomer').expect(200);
      expect(response.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900, passwordChangeRequired: true, passwordChangeReason: 'INITIAL' });
      session = response.body;

      const me = await get(session.accessToken, '/api/auth/me').expect(200);
      expect(me.body).toMatchObject({ username: 'futian.newcomer', role: 'DISTRICT_HANDLER', districtName: '福田区', passwordChangeRequired: true, passwordChangeReason: 'INITIAL' });
      // no quick entry's route admits the account yet: only 更多, which names no route
      expect(me.body.quickEntries.map((e: { key: string }) => e.key)).toEqual(['more']);

      for (const path of ['/api/todos', '/api/permissions/staff', '/api/permissions/me', '/api/todos/counts']) {
        expect({ path, body: (await get(session.accessToken, path).expect(403)).body }).toEqual({ path, body: expect.objectContaining(REQUIRED) });
      }
      // a refused write is audited with the new code
      const refused = await t.http().patch('/api/permissions/me').set('Authorization', `Bearer ${session.accessToken}`).send({ position: '科员' }).expect(403);
      expect(refused.body).toMatchObject(REQUIRED);
      const [row] = await t.dataSource.getRepository(AuditLog).findBy({ requestId: refused.body.requestId });
      expect(row).toMatchObject({ action: 'permissions.update-own-profile', outcome: 'refused', errorCode: 'AUTH_PASSWORD_CHANGE_REQUIRED', statusCode: 403 });

      const refreshed = await t.http().post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200);
      session = refreshed.body;
      expect((await get(session.accessToken, '/api/todos').expect(403)).body.code).toBe(REQUIRED.code);
    });

    it('refuses keeping the initial password under a change', async () => {
      const response = await post(session.accessToken, '/api/auth/change-password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD }).expect(400);
      expect(response.body).toMatchObject({ code: 'AUTH_PASSWORD_UNCHANGED', message: '新密码不能与原密码相同', details: [expect.objectContaining({ field: 'newPassword' })] });
      expect((await post(session.accessToken, '/api/auth/change-password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' }).expect(400)).body.code).toBe('AUTH_WEAK_PASSWORD');
    });

    it('works normally once the password is changed', async () => {
      const before = Date.now();
      await post(session.accessToken, '/api/auth/change-password', { currentPassword: DEMO_PASSWORD, newPassword: 'Newcomer@2026' }).expect(204);
      const account = await accounts().findOneByOrFail({ username: 'futian.newcomer' });
      expect(account.passwordChangedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      // the change ends every session, this one too
      await get(session.accessToken, '/api/auth/me').expect(401);

      const again = await login('futian.newcomer', 'Newcomer@2026').expect(200);
      expect(again.body).toMatchObject({ passwordChangeRequired: false, passwordChangeReason: null });
      await get(again.body.accessToken, '/api/todos').expect(200);
      const me = await get(again.body.accessToken, '/api/auth/me').expect(200);
      expect(me.body).toMatchObject({ passwordChangeRequired: false, passwordChangeReason: null });
      expect(me.body.quickEntries.map((e: { key: string }) => e.key)).toEqual(expect.arrayContaining(['launch-safety-inspection', 'more']));
    });
  });

  describe('an expired password (PASSWORD_MAX_AGE_DAYS, default 90)', () => {
    it('is required to change from day 90 on, and not before', async () => {
      await accounts().update({ username: 'futian.handler' }, { passwordChangedAt: new Date(Date.now() - 91 * DAY_MS) });
      const expired = await login('futian.handler').expect(200);
      expect(expired.body).toMatchObject({ passwordChangeRequired: true, passwordChangeReason: 'EXPIRED' });
      expect((await get(expired.body.accessToken, '/api/todos').expect(403)).body).toMatchObject(REQUIRED);
      expect((await get(expired.body.accessToken, '/api/auth/me').expect(200)).body.passwordChangeReason).toBe('EXPIRED');

      // the same session admits again as soon as the password is young enough: the guard reads it per request
      await accounts().update({ username: 'futian.handler' }, { passwordChangedAt: new Date(Date.now() - 89 * DAY_MS) });
      await get(expired.body.accessToken, '/api/todos').expect(200);
      expect((await login('futian.handler').expect(200)).body).toMatchObject({ passwordChangeRequired: false, passwordChangeReason: null });
    });
  });

  describe('an admin’s reset', () => {
    it('makes the password initial again: the sessions end, the next login must change it', async () => {
      const lead = await t.login('futian.lead');
      const supervisor = await accounts().findOneByOrFail({ username: 'futian.supervisor' });
      const before = await login('futian.supervisor').expect(200);
      expect(before.body.passwordChangeRequired).toBe(false);

      const generated = await post(lead, `/api/admin/accounts/${supervisor.id}/reset-password`).expect(200);
      expect(generated.body.temporaryPassword).toMatch(/^.{12}$/);
      expect((await accounts().findOneByOrFail({ id: supervisor.id })).passwordChangedAt).toBeNull();
      await get(before.body.accessToken, '/api/auth/me').expect(401);
      await login('futian.supervisor').expect(401);
      const withTemporary = await login('futian.supervisor', generated.body.temporaryPassword).expect(200);
      expect(withTemporary.body).toMatchObject({ passwordChangeRequired: true, passwordChangeReason: 'INITIAL' });
      expect((await get(withTemporary.body.accessToken, '/api/service-evaluation/catalogue/bad-record-items').expect(403)).body.code).toBe(REQUIRED.code);

      // a given password must meet the policy; it is initial too
      expect((await post(lead, `/api/admin/accounts/${supervisor.id}/reset-password`, { password: 'weak' }).expect(400)).body).toMatchObject({ code: 'AUTH_WEAK_PASSWORD' });
      expect((await post(lead, `/api/admin/accounts/${supervisor.id}/reset-password`, { password: 'Reset@2026x' }).expect(200)).body).toEqual({ temporaryPassword: null });
      const withGiven = await login('futian.supervisor', 'Reset@2026x').expect(200);
      expect(withGiven.body.passwordChangeReason).toBe('INITIAL');
      await post(withGiven.body.accessToken, '/api/auth/change-password', { currentPassword: 'Reset@2026x', newPassword: DEMO_PASSWORD }).expect(204);
      expect((await login('futian.supervisor').expect(200)).body.passwordChangeRequired).toBe(false);
    });

    it('is refused for accounts the admin does not manage, and audited', async () => {
      const lead = await t.login('futian.lead');
      const [other, self, peer] = await Promise.all(['nanshan.handler', 'futian.lead', 'city.admin'].map((username) => accounts().findOneByOrFail({ username })));
      expect((await post(lead, `/api/admin/accounts/${other.id}/reset-password`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await post(lead, `/api/admin/accounts/${self.id}/reset-password`).expect(400)).body.code).toBe('PERMISSIONS_CANNOT_CHANGE_SELF');
      expect((await post(lead, `/api/admin/accounts/${peer.id}/reset-password`).expect(403)).body.code).toMatch(/OUT_OF_DISTRICT|PERMISSIONS_ROLE_NOT_ALLOWED/);
      const handler = await t.login('futian.handler');
      const refused = await post(handler, `/api/admin/accounts/${other.id}/reset-password`).expect(403);
      const [row] = await t.dataSource.getRepository(AuditLog).findBy({ requestId: refused.body.requestId });
      expect(row).toMatchObject({ action: 'admin.reset-password', targetType: 'account', targetId: String(other.id), outcome: 'refused' });
    });

    it('creates accounts with an initial password', async () => {
      const lead = await t.login('futian.lead');
      const created = await post(lead, '/api/admin/accounts', { username: 'futian.fresh01', name: '新同事', phone: '13700000188', role: 'DISTRICT_HANDLER' }).expect(201);
      const first = await login('futian.fresh01', created.body.temporaryPassword).expect(200);
      expect(first.body).toMatchObject({ passwordChangeRequired: true, passwordChangeReason: 'INITIAL' });
      expect((await get(first.body.accessToken, '/api/todos').expect(403)).body.code).toBe(REQUIRED.code);
    });
  });
});

/**
 * PASSWORD_MAX_AGE_DAYS set otherwise: apps of their own, one after the other (on MariaDB every
 * test app recreates the one test database, so none may run beside another).
 */
describe('forced password change: the PASSWORD_MAX_AGE_DAYS setting', () => {
  const loginAfter = async (maxAgeDays: string, daysSinceChange: number) => {
    const app = await startTestApp({ seed: false, env: { PASSWORD_MAX_AGE_DAYS: maxAgeDays } });
    try {
      await app.dataSource.getRepository(Account).insert({
        username: 'city.veteran',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        name: '老用户',
        phone: '13800000031',
        role: 'CITY_OFFICER' as Account['role'],
        passwordChangedAt: new Date(Date.now() - daysSinceChange * DAY_MS),
      });
      const response = await app.http().post('/api/auth/login').send({ username: 'city.veteran', password: DEMO_PASSWORD }).expect(200);
      return response.body as { passwordChangeRequired: boolean; passwordChangeReason: string | null };
    } finally {
      await app.close();
    }
  };

  it('expires a password after the configured days', async () => {
    expect(await loginAfter('30', 31)).toMatchObject({ passwordChangeRequired: true, passwordChangeReason: 'EXPIRED' });
    expect(await loginAfter('30', 29)).toMatchObject({ passwordChangeRequired: false, passwordChangeReason: null });
  });

  it('never expires one with 0', async () => {
    expect(await loginAfter('0', 3650)).toMatchObject({ passwordChangeRequired: false, passwordChangeReason: null });
  });

  it('refuses a value that is not a number of days', () => {
    expect(() => loadConfig({ PASSWORD_MAX_AGE_DAYS: 'ninety', DATA_DIR: mkdtempSync(join(tmpdir(), 'szpm-config-')) })).toThrow('PASSWORD_MAX_AGE_DAYS');
  });
});
