import { JwtService } from '@nestjs/jwt';
import { Account } from '../src/access/entities/account.entity';
import { DEMO_PASSWORD } from '../src/seed/demo-accounts';
import { FakeWechatServer } from './fakes/fake-wechat-server';
import { startTestApp, TestApp } from './support/test-app';

const OA = { appId: 'wxoa00000000000001', secret: 'oa-secret-for-the-fake-wechat-000' };
const MINI = { appId: 'wxmp00000000000001', secret: 'mini-secret-for-the-fake-wechat-00' };

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** An access token stops working the moment its session ends, not when it expires 15 minutes later. */
describe('sessions: access tokens are revoked at once', () => {
  let t: TestApp;
  let wechat: FakeWechatServer;
  beforeAll(async () => {
    wechat = await FakeWechatServer.start({ oa: OA, mini: MINI });
    t = await startTestApp({
      env: {
        WECHAT_API_BASE: wechat.url,
        WECHAT_OA_APPID: OA.appId,
        WECHAT_OA_SECRET: OA.secret,
        WECHAT_MINI_APPID: MINI.appId,
        WECHAT_MINI_SECRET: MINI.secret,
        WECHAT_OAUTH_REDIRECT_URL: 'https://szpm.example.cn/h5/identity/callback',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  const accounts = () => t.dataSource.getRepository(Account);
  const pcLogin = async (username: string, password = DEMO_PASSWORD): Promise<Tokens> =>
    (await t.http().post('/api/auth/login').send({ username, password }).expect(200)).body;
  const me = (tokens: Tokens) => t.http().get('/api/auth/me').set('Authorization', `Bearer ${tokens.accessToken}`);
  const post = (tokens: Tokens, path: string, body: object = {}) => t.http().post(path).set('Authorization', `Bearer ${tokens.accessToken}`).send(body);
  const miniLogin = async (openid: string): Promise<Tokens> => {
    const response = await t.http().post('/api/identity/wechat/mini/login').send({ code: wechat.issueMiniCode(openid) }).expect(200);
    expect(response.body.bound).toBe(true);
    return response.body.tokens;
  };

  it('logout ends that session’s access token; the account’s other sessions go on', async () => {
    const laptop = await pcLogin('futian.handler');
    const desktop = await pcLogin('futian.handler');
    await me(laptop).expect(200);
    await t.http().post('/api/auth/logout').send({ refreshToken: laptop.refreshToken }).expect(204);
    const refused = await me(laptop).expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    await me(desktop).expect(200);
  });

  it('logout also closes the queue dashboard, opened by the token or by its cookie', async () => {
    const admin = await pcLogin('city.admin');
    const bearer = `Bearer ${admin.accessToken}`;
    await t.http().get('/admin/queues').set('Authorization', bearer).expect(200);
    const opened = await t.http().post('/api/admin/queues/session').set('Authorization', bearer).expect(200);
    const cookie = String(opened.headers['set-cookie']).split(';')[0];
    await t.http().get('/admin/queues').set('Cookie', cookie).expect(200);
    await t.http().post('/api/auth/logout').send({ refreshToken: admin.refreshToken }).expect(204);
    await t.http().get('/admin/queues').set('Authorization', bearer).expect(401);
    await t.http().get('/admin/queues').set('Cookie', cookie).expect(401);
  });

  it('a refreshed access token belongs to the same session: logout ends it too', async () => {
    const first = await pcLogin('futian.supervisor');
    const second: Tokens = (await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    await t.http().post('/api/auth/logout').send({ refreshToken: second.refreshToken }).expect(204);
    await me(first).expect(401);
    await me(second).expect(401);
  });

  it('a reused refresh token ends the access tokens of its whole session', async () => {
    const first = await pcLogin('nanshan.handler');
    const second: Tokens = (await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    await me(second).expect(200);
    await t.http().post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await me(second).expect(401);
  });

  it('a password change ends every access token of the account', async () => {
    const here = await pcLogin('nanshan.supervisor');
    const elsewhere = await pcLogin('nanshan.supervisor');
    await post(here, '/api/auth/change-password', { currentPassword: DEMO_PASSWORD, newPassword: 'Better#2027' }).expect(204);
    await me(here).expect(401);
    await me(elsewhere).expect(401);
    await me(await pcLogin('nanshan.supervisor', 'Better#2027')).expect(200);
  });

  it('unbinding WeChat ends the WeChat sessions’ access tokens; the PC session goes on', async () => {
    await accounts().update({ username: 'futian.lead' }, { miniOpenId: 'oMP-futian-lead', wechatOpenId: 'oOA-futian-lead', boundAt: new Date() });
    const mini = await miniLogin('oMP-futian-lead');
    const pc = await pcLogin('futian.lead');
    await me(mini).expect(200);
    await post(mini, '/api/permissions/me/unbind').expect(204);
    await me(mini).expect(401);
    await me(pc).expect(200);
  });

  it('holds up a password session on an initial password, not a WeChat session of the same account', async () => {
    await accounts().update({ username: 'demo.committee' }, { miniOpenId: 'oMP-demo-committee', boundAt: new Date(), passwordChangedAt: null });
    try {
      const mini = await miniLogin('oMP-demo-committee');
      expect((await me(mini).expect(200)).body).toMatchObject({ passwordChangeRequired: false, passwordChangeReason: null });
      await t.http().get('/api/permissions/me').set('Authorization', `Bearer ${mini.accessToken}`).expect(200);

      const pc = await pcLogin('demo.committee');
      expect((await me(pc).expect(200)).body).toMatchObject({ passwordChangeRequired: true, passwordChangeReason: 'INITIAL' });
      expect((await t.http().get('/api/permissions/me').set('Authorization', `Bearer ${pc.accessToken}`).expect(403)).body.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    } finally {
      await accounts().update({ username: 'demo.committee' }, { passwordChangedAt: new Date() });
    }
  });

  it('disabling an account ends its access tokens at once', async () => {
    const target = await pcLogin('demo.manager');
    await me(target).expect(200);
    const lead = await pcLogin('futian.lead');
    const account = await accounts().findOneByOrFail({ username: 'demo.manager' });
    await t.http().patch(`/api/admin/accounts/${account.id}/status`).set('Authorization', `Bearer ${lead.accessToken}`).send({ status: 'DISABLED' }).expect(204);
    await me(target).expect(401);
    await t.http().patch(`/api/admin/accounts/${account.id}/status`).set('Authorization', `Bearer ${lead.accessToken}`).send({ status: 'ACTIVE' }).expect(204);
    // re-enabling does not bring the old session back
    await me(target).expect(401);
    await me(await pcLogin('demo.manager')).expect(200);
  });

  it('cancelling (注销) one’s own account ends its access tokens at once', async () => {
    const tokens = await pcLogin('demo.committee');
    await post(tokens, '/api/permissions/me/cancel', { password: DEMO_PASSWORD }).expect(204);
    await me(tokens).expect(401);
  });

  it('answers an access token that names no session (issued before sessions were checked) with TOKEN_EXPIRED, so that the client refreshes', async () => {
    const account = await accounts().findOneByOrFail({ username: 'futian.street.yuanling' });
    const legacy = t.app.get(JwtService).sign({ sub: account.id, typ: 'access' }, { expiresIn: 600 });
    const response = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${legacy}`).expect(401);
    expect(response.body.code).toBe('TOKEN_EXPIRED');
  });
});
