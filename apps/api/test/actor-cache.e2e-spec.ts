import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { Account } from '../src/access/entities/account.entity';
import { ActorLoader } from '../src/access/actor-loader.service';
import { createApiApp } from '../src/bootstrap';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

/**
 * The signed-in actor is kept in memory per session; every change that matters to it (account
 * status, grants, the session's end) empties the cache at once — in this process and, through
 * Redis, in every other api process on the same database.
 */
describe('actor cache', () => {
  let t: TestApp;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('loads the actor once per session, not on every request', async () => {
    const token = await t.login('futian.handler');
    const loads = jest.spyOn(ActorLoader.prototype as unknown as { fromAccount: () => unknown }, 'fromAccount');
    try {
      for (let i = 0; i < 5; i++) await t.http().get('/api/todos/counts').set(bearer(token)).expect(200);
      expect(loads).toHaveBeenCalledTimes(1);
    } finally {
      loads.mockRestore();
    }
  });

  it('takes a revoked grant away from the next request', async () => {
    const lead = await t.login('futian.lead');
    const handler = await t.login('futian.handler');
    const account = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'futian.handler' });
    await t.http().get('/api/notices').set(bearer(handler)).expect(200);
    await t.http().delete(`/api/admin/accounts/${account.id}/grants/notices/view`).set(bearer(lead)).expect(204);
    await t.http().get('/api/notices').set(bearer(handler)).expect(403);
    await t.http().post(`/api/admin/accounts/${account.id}/grants`).set(bearer(lead)).send({ module: 'notices', action: 'view' }).expect(204);
    await t.http().get('/api/notices').set(bearer(handler)).expect(200);
  });

  const acrossProcesses = process.env.REDIS_URL ? it : it.skip;
  acrossProcesses('ends a session in another api process on the same database and Redis at once', async () => {
    const other: INestApplication = await createApiApp(t.config, { logger: false });
    await other.init();
    try {
      const login = await t.http().post('/api/auth/login').send({ username: 'futian.supervisor', password: 'Demo@2026' }).expect(200);
      const { accessToken, refreshToken } = login.body as { accessToken: string; refreshToken: string };
      // the other process has the actor cached
      await request(other.getHttpServer()).get('/api/todos/counts').set(bearer(accessToken)).expect(200);
      await request(other.getHttpServer()).get('/api/todos/counts').set(bearer(accessToken)).expect(200);
      await t.http().post('/api/auth/logout').send({ refreshToken }).expect(204);
      const deadline = Date.now() + 2_000;
      let status = 200;
      while (status === 200 && Date.now() < deadline) {
        status = (await request(other.getHttpServer()).get('/api/todos/counts').set(bearer(accessToken))).status;
        if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
