import { DevSmsOutboxItem, DevWechatLoginResponse } from '@szpm/contract';
import { Account } from '../src/access/entities/account.entity';
import { ConfigError, loadConfig } from '../src/config/app-config';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Embedded mode has no WeChat: the development sign-in stands in for it (a local openid), so that
 * chapter 1 can be tried with `npm start`. Never with DATABASE_URL.
 */
describe('development WeChat sign-in (chapter 1, embedded mode)', () => {
  let t: TestApp;
  const embedded = () => t.config.database.kind === 'sqlite';
  const devLogin = (body: object = {}) => t.http().post('/api/identity/wechat/dev/login').send(body);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is on in embedded mode only, and says so', async () => {
    const status = await t.http().get('/api/identity/wechat/dev').expect(200);
    expect(status.body).toEqual({ enabled: embedded() });
    if (!embedded()) expect((await devLogin().expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('binds a local openid with name + phone + the dev outbox’s SMS code, then signs in directly', async () => {
    if (!embedded()) return;
    const first = await devLogin().expect(200);
    expect(first.body).toEqual({ bound: false, bindTicket: expect.any(String), openid: expect.stringMatching(/^dev-[0-9a-f-]{36}$/) });
    const { openid, bindTicket } = first.body as DevWechatLoginResponse;

    const handler = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'futian.handler' });
    expect(handler.wechatOpenId).toBeNull();
    await t.http().post('/api/identity/bind/sms-code').send({ bindTicket, name: handler.name, phone: handler.phone }).expect(200);
    const [sms]: DevSmsOutboxItem[] = (await t.http().get(`/api/identity/dev/sms-outbox?phone=${handler.phone}`).expect(200)).body;
    const bound = await t.http().post('/api/identity/bind').send({ bindTicket, name: handler.name, phone: handler.phone, code: sms.code }).expect(200);
    expect(bound.body.account).toMatchObject({ username: 'futian.handler', wechatBound: true });
    expect((await t.dataSource.getRepository(Account).findOneByOrFail({ id: handler.id })).wechatOpenId).toBe(openid);

    // the same local identity comes back signed in; a new one is unbound
    const again = await devLogin({ openid }).expect(200);
    expect(again.body).toMatchObject({ bound: true, openid, tokens: { accessToken: expect.any(String) } });
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${again.body.tokens.accessToken}`).expect(200);
    expect((await devLogin().expect(200)).body).toMatchObject({ bound: false });
  });

  it('issues only development openids: a real one cannot be claimed through it', async () => {
    if (!embedded()) return;
    expect((await devLogin({ openid: 'oAbCdEfGhIjKlMnOpQrStUvWxYz0' }).expect(400)).body.details[0].field).toBe('openid');
  });

  it('is refused when DATABASE_URL is set', () => {
    const production = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/szpm', JWT_SECRET: 'x'.repeat(32), SMS_PROVIDER: 'development', ALLOW_DEVELOPMENT_SMS: 'true', DATA_DIR: t.config.dataDir };
    expect(loadConfig(production).wechat.devSignIn).toBe(false);
    expect(() => loadConfig({ ...production, WECHAT_DEV_SIGN_IN: 'true' })).toThrow(ConfigError);
    expect(loadConfig({ DATA_DIR: t.config.dataDir, JWT_SECRET: 'x'.repeat(32) }).wechat.devSignIn).toBe(true);
    expect(loadConfig({ DATA_DIR: t.config.dataDir, JWT_SECRET: 'x'.repeat(32), WECHAT_DEV_SIGN_IN: 'false' }).wechat.devSignIn).toBe(false);
  });
});
