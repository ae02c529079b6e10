import { Account } from '../src/access/entities/account.entity';
import { MAX_FAILED_LOGINS } from '../src/modules/auth/password-attempts.service';
import { DEMO_PASSWORD } from '../src/seed/demo-accounts';
import { startTestApp, TestApp } from './support/test-app';

const PARALLEL = 20;

/** Password guesses sent at the same moment count one by one: the account locks after exactly the limit. */
describe('auth concurrency: lockout under parallel wrong passwords', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // one listening socket for the bursts (supertest would otherwise open a server per request)
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(() => t.close());

  const accounts = () => t.dataSource.getRepository(Account);
  const login = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });
  const codes = (responses: Array<{ body: { code?: string } }>) => {
    const counts: Record<string, number> = {};
    for (const r of responses) counts[r.body.code ?? 'none'] = (counts[r.body.code ?? 'none'] ?? 0) + 1;
    return counts;
  };
  const all = <T>(n: number, send: (i: number) => PromiseLike<T>) => Promise.all(Array.from({ length: n }, (_, i) => send(i)));

  it(`${PARALLEL} parallel wrong passwords: ${MAX_FAILED_LOGINS - 1} answer 401, the rest 423, and the right password is then refused`, async () => {
    const responses = await all(PARALLEL, (i) => login('futian.handler', `Wrong#${i}abc`));
    expect(codes(responses)).toEqual({ AUTH_INVALID_CREDENTIALS: MAX_FAILED_LOGINS - 1, AUTH_ACCOUNT_LOCKED: PARALLEL - MAX_FAILED_LOGINS + 1 });
    for (const r of responses) expect(r.status).toBe(r.body.code === 'AUTH_ACCOUNT_LOCKED' ? 423 : 401);
    const account = await accounts().findOneByOrFail({ username: 'futian.handler' });
    expect(account.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect((await login('futian.handler', DEMO_PASSWORD).expect(423)).body.code).toBe('AUTH_ACCOUNT_LOCKED');
  });

  it('the right password sent amid a burst of wrong ones does not lift the lock', async () => {
    const responses = await all(PARALLEL, (i) => login('nanshan.handler', i === PARALLEL - 1 ? DEMO_PASSWORD : `Wrong#${i}abc`));
    // the right one may land before the lock (and clear the failures counted so far) or after it (and be refused)
    expect([200, 423]).toContain(responses[PARALLEL - 1].status);
    const failures = responses.filter((r) => r.body.code === 'AUTH_INVALID_CREDENTIALS').length;
    expect(failures).toBeLessThanOrEqual(2 * (MAX_FAILED_LOGINS - 1));
    expect((await login('nanshan.handler', DEMO_PASSWORD).expect(423)).body.code).toBe('AUTH_ACCOUNT_LOCKED');
  });

  it('wrong current passwords of a password change count towards the same limit', async () => {
    const token = await t.login('futian.supervisor');
    await login('futian.supervisor', 'Wrong#first1').expect(401);
    const responses = await all(PARALLEL, (i) =>
      t.http().post('/api/auth/change-password').set('Authorization', `Bearer ${token}`).send({ currentPassword: `Wrong#${i}abc`, newPassword: 'Better#2027' }),
    );
    expect(codes(responses)).toEqual({ AUTH_WRONG_CURRENT_PASSWORD: MAX_FAILED_LOGINS - 2, AUTH_ACCOUNT_LOCKED: PARALLEL - MAX_FAILED_LOGINS + 2 });
    // locked: neither login nor the right current password gets through
    await login('futian.supervisor', DEMO_PASSWORD).expect(423);
    await t.http().post('/api/auth/change-password').set('Authorization', `Bearer ${token}`).send({ currentPassword: DEMO_PASSWORD, newPassword: 'Better#2027' }).expect(423);
  });

  it('wrong passwords confirming an account cancellation count towards the same limit', async () => {
    const token = await t.login('nanshan.supervisor');
    const responses = await all(PARALLEL, (i) =>
      t.http().post('/api/permissions/me/cancel').set('Authorization', `Bearer ${token}`).send({ password: `Wrong#${i}abc` }),
    );
    expect(codes(responses)).toEqual({ AUTH_WRONG_CURRENT_PASSWORD: MAX_FAILED_LOGINS - 1, AUTH_ACCOUNT_LOCKED: PARALLEL - MAX_FAILED_LOGINS + 1 });
    await t.http().post('/api/permissions/me/cancel').set('Authorization', `Bearer ${token}`).send({ password: DEMO_PASSWORD }).expect(423);
    expect((await accounts().findOneByOrFail({ username: 'nanshan.supervisor' })).status).toBe('ACTIVE');
    await login('nanshan.supervisor', DEMO_PASSWORD).expect(423);
  });

  it('a right password clears the count of earlier failures', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await login('futian.lead', 'Wrong#again1').expect(401);
    await login('futian.lead', DEMO_PASSWORD).expect(200);
    await login('futian.lead', 'Wrong#again1').expect(401);
    expect((await accounts().findOneByOrFail({ username: 'futian.lead' })).failedLoginCount).toBe(1);
  });
});
