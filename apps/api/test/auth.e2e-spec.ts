import { JwtService } from '@nestjs/jwt';
import { AccountStatus, QuickEntry } from '@szpm/contract';
import { Account } from '../src/access/entities/account.entity';
import { AuditLog } from '../src/access/entities/audit-log.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/seed/demo-accounts';
import { startTestApp, TestApp } from './support/test-app';

describe('auth (chapter 2: PC login)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const accounts = () => t.dataSource.getRepository(Account);
  const login = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });

  it('logs in with username and password and returns the home payload', async () => {
    const response = await login('futian.handler', DEMO_PASSWORD).expect(200);
    expect(response.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900, passwordChangeRequired: false, passwordChangeReason: null });
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ username: 'futian.handler', role: 'DISTRICT_HANDLER', districtName: '福田区', wechatBound: false });
    expect(me.body.modules.map((m: { module: string }) => m.module)).toEqual(expect.arrayContaining(['service-evaluation', 'permissions', 'todos']));
    const entries = me.body.quickEntries.map((e: { label: string }) => e.label);
    expect(entries).toEqual(expect.arrayContaining(['发起安全检查', '诚信报表', '更多']));
    // 诚信登记 needs the credit module's operate grant, which a district handler holds only when the city gives it (chapter 8: 可查看)
    expect(entries).not.toContain('诚信登记');
  });

  it('shows every officer only quick entries whose route admits them', async () => {
    /** The keys of the entries `username` sees, each checked: its route does not refuse them. */
    async function checkedEntries(username: string): Promise<string[]> {
      const token = await t.login(username);
      const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      for (const entry of me.body.quickEntries as QuickEntry[]) {
        if (entry.route === null) continue;
        const [method, path] = entry.route.split(' ');
        // an empty body: a write the door admits is refused by validation, and writes nothing
        const response = await t.http()[method.toLowerCase() as 'get' | 'post'](path).set('Authorization', `Bearer ${token}`).send({});
        expect({ username, entry: entry.key, refused: [401, 403, 404, 405].includes(response.status) }).toEqual({ username, entry: entry.key, refused: false });
      }
      return (me.body.quickEntries as QuickEntry[]).map((e) => e.key);
    }
    for (const { username } of DEMO_ACCOUNTS) await checkedEntries(username);
    expect(await checkedEntries('city.admin')).toContain('credit-registration');

    // a district handler the city gives the credit operate grant sees 诚信登记, and it works
    const cityAdmin = await t.login('city.admin');
    const handler = await accounts().findOneByOrFail({ username: 'futian.handler' });
    expect(await checkedEntries('futian.handler')).not.toContain('credit-registration');
    await t.http().post(`/api/admin/accounts/${handler.id}/grants`).set('Authorization', `Bearer ${cityAdmin}`).send({ module: 'credit', action: 'operate' }).expect(204);
    expect(await checkedEntries('futian.handler')).toContain('credit-registration');
    await t.http().delete(`/api/admin/accounts/${handler.id}/grants/credit/operate`).set('Authorization', `Bearer ${cityAdmin}`).expect(204);
  });

  it('shows only the quick entries the account holds grants for', async () => {
    const token = await t.login('city.admin');
    const street = await t.dataSource.query(`SELECT id FROM regions WHERE level = 'STREET' AND districtId = 2 ORDER BY id LIMIT 1`);
    const created = await t
      .http()
      .post('/api/admin/accounts')
      .set('Authorization', `Bearer ${token}`)
      .send({ username: 'street.quick', name: '街道测试', phone: '13700000001', role: 'STREET_OFFICER', districtId: 2, streetId: street[0].id, password: 'Street@2026' })
      .expect(201);
    expect(created.body.temporaryPassword).toBeNull();
    const streetToken = await t.login('street.quick', 'Street@2026');
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${streetToken}`).expect(200);
    // a street office may view its street's property areas (项目管理) and the statistics of chapters 12 / 13, nothing else of the quick entries
    expect(me.body.quickEntries.map((e: { label: string }) => e.label)).toEqual(['物业区域管理', '从业人员信息', '车位信息统计', '更多']);
  });

  it('refuses a wrong password without telling whether the username exists', async () => {
    const wrongPassword = await login('futian.handler', 'Wrong@2026').expect(401);
    const noSuchUser = await login('nobody.here', 'Wrong@2026').expect(401);
    expect(wrongPassword.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(noSuchUser.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(noSuchUser.body.message).toBe(wrongPassword.body.message);
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    await accounts().update({ username: 'nanshan.handler' }, { failedLoginCount: 0, lockedUntil: null });
    for (let i = 1; i <= 4; i++) await login('nanshan.handler', 'Wrong@2026').expect(401);
    const fifth = await login('nanshan.handler', 'Wrong@2026').expect(423);
    expect(fifth.body.code).toBe('AUTH_ACCOUNT_LOCKED');
    await login('nanshan.handler', DEMO_PASSWORD).expect(423);
    const account = await accounts().findOneByOrFail({ username: 'nanshan.handler' });
    const minutes = (account.lockedUntil!.getTime() - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // when the lock has run out the right password works again
    await accounts().update({ id: account.id }, { lockedUntil: new Date(Date.now() - 1000) });
    await login('nanshan.handler', DEMO_PASSWORD).expect(200);
  });

  it('rotates refresh tokens, and a reused one ends the whole session', async () => {
    const first = (await login('futian.supervisor', DEMO_PASSWORD).expect(200)).body;
    const second = (await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${second.accessToken}`).expect(200);
    const reuse = await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('AUTH_INVALID_REFRESH_TOKEN');
    await t.http().post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it('logs out: the refresh token stops working', async () => {
    const tokens = (await login('futian.supervisor', DEMO_PASSWORD).expect(200)).body;
    await t.http().post('/api/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    await t.http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
  });

  it('answers an expired access token with TOKEN_EXPIRED', async () => {
    const account = await accounts().findOneByOrFail({ username: 'futian.handler' });
    const expired = t.app.get(JwtService).sign({ sub: account.id, typ: 'access', exp: Math.floor(Date.now() / 1000) - 10 });
    const response = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(response.body.code).toBe('TOKEN_EXPIRED');
  });

  it('changes the password under the policy and ends other sessions', async () => {
    const tokens = (await login('nanshan.supervisor', DEMO_PASSWORD).expect(200)).body;
    const auth = { Authorization: `Bearer ${tokens.accessToken}` };
    const weak = await t.http().post('/api/auth/change-password').set(auth).send({ currentPassword: DEMO_PASSWORD, newPassword: 'abcdefgh' }).expect(400);
    expect(weak.body.code).toBe('AUTH_WEAK_PASSWORD');
    const wrong = await t.http().post('/api/auth/change-password').set(auth).send({ currentPassword: 'Nope@2026', newPassword: 'Better#2027' }).expect(400);
    expect(wrong.body.code).toBe('AUTH_WRONG_CURRENT_PASSWORD');
    await t.http().post('/api/auth/change-password').set(auth).send({ currentPassword: DEMO_PASSWORD, newPassword: 'Better#2027' }).expect(204);
    await t.http().post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    await login('nanshan.supervisor', DEMO_PASSWORD).expect(401);
    await login('nanshan.supervisor', 'Better#2027').expect(200);
  });

  it('refuses a disabled account at login and on every call', async () => {
    const tokens = (await login('nanshan.lead', DEMO_PASSWORD).expect(200)).body;
    await accounts().update({ username: 'nanshan.lead' }, { status: AccountStatus.DISABLED });
    const refused = await login('nanshan.lead', DEMO_PASSWORD).expect(403);
    expect(refused.body.code).toBe('AUTH_ACCOUNT_INACTIVE');
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${tokens.accessToken}`).expect(401);
    await accounts().update({ username: 'nanshan.lead' }, { status: AccountStatus.ACTIVE });
  });

  it('records logins in the audit log with the request id', async () => {
    await login('futian.handler', DEMO_PASSWORD).set('X-Request-Id', 'audit-login-check-1').expect(200);
    const row = await t.dataSource.getRepository(AuditLog).findOneByOrFail({ requestId: 'audit-login-check-1' });
    expect(row).toMatchObject({ action: 'auth.login', method: 'POST', statusCode: 200, path: '/api/auth/login' });
  });

  it.each([
    ['/api/auth/login', { username: 'a' }, 'password'],
    ['/api/auth/login', { username: 42, password: 'x' }, 'username'],
    ['/api/auth/refresh', {}, 'refreshToken'],
    ['/api/auth/logout', { refreshToken: ['x'] }, 'refreshToken'],
  ])('POST %s with a malformed body → 400 naming the field', async (path, body, field) => {
    const response = await t.http().post(path).send(body).expect(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('POST /api/auth/change-password with a malformed body → 400 naming the field', async () => {
    const token = await t.login('futian.handler');
    const response = await t.http().post('/api/auth/change-password').set('Authorization', `Bearer ${token}`).send({ currentPassword: 'x' }).expect(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);
  });
});
