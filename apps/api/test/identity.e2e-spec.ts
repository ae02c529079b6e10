import { JwtService } from '@nestjs/jwt';
import { AccountStatus, GrantAction, ModuleKey, Role } from '@szpm/contract';
import { IdentityLookupFailure } from '../src/modules/identity/entities/identity-lookup-failure.entity';
import { Account } from '../src/access/entities/account.entity';
import { ModuleGrant } from '../src/access/entities/module-grant.entity';
import { SmsSendError } from '../src/integrations/sms/sms-provider';
import { TencentSmsClient } from '../src/integrations/sms/tencent-sms.client';
import { RefreshToken } from '../src/modules/auth/entities/refresh-token.entity';
import { hashPassword } from '../src/modules/auth/password';
import { SmsPurpose, SmsVerification } from '../src/modules/identity/entities/sms-verification.entity';
import { WechatOauthToken } from '../src/modules/identity/entities/wechat-oauth-token.entity';
import { hashSmsCode } from '../src/modules/identity/sms-code.service';
import { FakeTencentSmsServer } from './fakes/fake-tencent-sms-server';
import { FakeWechatServer } from './fakes/fake-wechat-server';
import { startTestApp, TestApp } from './support/test-app';

const OA = { appId: 'wxoa00000000000001', secret: 'oa-secret-for-the-fake-wechat-000' };
const MINI = { appId: 'wxmp00000000000001', secret: 'mini-secret-for-the-fake-wechat-00' };
const REDIRECT = 'https://szpm.example.cn/h5/identity/callback';
const TENCENT = {
  secretId: 'AKIDfake0000000000000000000000000001',
  secretKey: 'fake-tencent-secret-key-0000000001',
  sdkAppId: '1400000001',
  signName: '深圳市住房和建设局',
  templateId: '1000001',
};

const wechatEnv = (wechat: FakeWechatServer): Record<string, string> => ({
  WECHAT_API_BASE: wechat.url,
  WECHAT_OA_APPID: OA.appId,
  WECHAT_OA_SECRET: OA.secret,
  WECHAT_MINI_APPID: MINI.appId,
  WECHAT_MINI_SECRET: MINI.secret,
  WECHAT_OAUTH_REDIRECT_URL: REDIRECT,
});

const decodeJwt = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** The bind flow as the H5 page and the mini-program drive it. */
function client(t: () => TestApp, wechat: () => FakeWechatServer) {
  const oaLogin = (code: string) => t().http().post('/api/identity/wechat/oa/login').send({ code });
  const miniLogin = (code: string) => t().http().post('/api/identity/wechat/mini/login').send({ code });
  return {
    oaLogin,
    miniLogin,
    async ticket(channel: 'oa' | 'mini', openid: string): Promise<string> {
      const response =
        channel === 'oa' ? await oaLogin(wechat().issueOaCode(openid)).expect(200) : await miniLogin(wechat().issueMiniCode(openid)).expect(200);
      expect(response.body).toEqual({ bound: false, bindTicket: expect.any(String) });
      return response.body.bindTicket;
    },
    sendCode: (bindTicket: string, name: string, phone: string) => t().http().post('/api/identity/bind/sms-code').send({ bindTicket, name, phone }),
    confirm: (bindTicket: string, name: string, phone: string, code: string) =>
      t().http().post('/api/identity/bind').send({ bindTicket, name, phone, code }),
  };
}

/** A preset account as a district lead would have created it (no demo seed needed). */
async function preset(t: TestApp, name: string, phone: string, grants: Array<[ModuleKey, GrantAction]> = []): Promise<Account> {
  const accounts = t.dataSource.getRepository(Account);
  const account = await accounts.save(
    accounts.create({ username: `preset.${phone}`, passwordHash: await hashPassword('Preset@2026'), name, phone, role: Role.CITY_OFFICER, status: AccountStatus.ACTIVE }),
  );
  for (const [module, action] of grants) await t.dataSource.getRepository(ModuleGrant).insert({ accountId: account.id, module, action, grantedById: null });
  return account;
}

describe('identity (chapter 1: identity binding)', () => {
  describe('with the development SMS provider', () => {
    let t: TestApp;
    let wechat: FakeWechatServer;
    const c = client(() => t, () => wechat);
    const accounts = () => t.dataSource.getRepository(Account);
    const verifications = () => t.dataSource.getRepository(SmsVerification);
    const outbox = async (phone: string) => (await t.http().get(`/api/identity/dev/sms-outbox?phone=${phone}`).expect(200)).body as Array<{ code: string }>;
    const latestCode = async (phone: string) => (await outbox(phone))[0].code;

    beforeAll(async () => {
      wechat = await FakeWechatServer.start({ oa: OA, mini: MINI });
      t = await startTestApp({ seed: false, env: wechatEnv(wechat) });
    });
    afterAll(async () => {
      await t?.close();
      await wechat?.close();
    });

    it('gives the official account’s OAuth page for the H5 build', async () => {
      const response = await t.http().get('/api/identity/wechat/oa/authorize-url?state=bind01').expect(200);
      const url = new URL(response.body.url);
      expect(`${url.origin}${url.pathname}`).toBe('https://open.weixin.qq.com/connect/oauth2/authorize');
      expect(Object.fromEntries(url.searchParams)).toEqual({ appid: OA.appId, redirect_uri: REDIRECT, response_type: 'code', scope: 'snsapi_base', state: 'bind01' });
      expect(url.hash).toBe('#wechat_redirect');
      const bad = await t.http().get('/api/identity/wechat/oa/authorize-url?state=not%20ok').expect(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'state' })]);
    });

    it('binds an official-account identity with name + phone + SMS code, then logs in directly with the modules', async () => {
      const person = await preset(t, '王晓明', '13900000001', [
        [ModuleKey.PERMISSIONS, GrantAction.VIEW],
        [ModuleKey.TODOS, GrantAction.OPERATE],
      ]);
      const openid = 'oOA-wangxiaoming';
      const ticket = await c.ticket('oa', openid);
      const exchange = wechat.requests.at(-1)!;
      expect(exchange.path).toBe('/sns/oauth2/access_token');
      expect(exchange.query).toMatchObject({ appid: OA.appId, secret: OA.secret, grant_type: 'authorization_code' });
      const claims = decodeJwt(ticket);
      expect(claims).toMatchObject({ typ: 'bind', sub: openid, ch: 'oa' });
      expect(claims.exp - claims.iat).toBe(600);
      // wechat-oauth's token store is the database, not the process
      const stored = await t.dataSource.getRepository(WechatOauthToken).findOneByOrFail({ openid });
      expect(JSON.parse(stored.tokenJson)).toMatchObject({ openid, access_token: expect.stringMatching(/^ACCESS_/), refresh_token: expect.any(String) });

      const sent = await c.sendCode(ticket, '王晓明', '13900000001').expect(200);
      expect(sent.body).toEqual({ phone: '139****0001', expiresInSeconds: 300, resendAfterSeconds: 60 });
      const code = await latestCode('13900000001');
      expect(code).toMatch(/^\d{6}$/);
      const row = await verifications().findOneByOrFail({ phone: '13900000001' });
      expect(row.codeHash).toBe(hashSmsCode(t.config.jwtSecret, '13900000001', SmsPurpose.BIND_IDENTITY, code));
      expect(row.codeHash).not.toContain(code);
      expect((row.expiresAt.getTime() - row.sentAt.getTime()) / 1000).toBeCloseTo(300, -1);

      const bound = await c.confirm(ticket, '王晓明', '13900000001', code).expect(200);
      expect(bound.body.tokens).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
      expect(bound.body.account).toMatchObject({ id: person.id, name: '王晓明', wechatBound: true });
      expect(bound.body.account.modules.map((m: { module: string }) => m.module)).toEqual(['permissions', 'todos']);
      const after = await accounts().findOneByOrFail({ id: person.id });
      expect(after.wechatOpenId).toBe(openid);
      expect(after.boundAt).not.toBeNull();
      expect((await verifications().findOneByOrFail({ id: row.id })).consumedAt).not.toBeNull();
      const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${bound.body.tokens.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ id: person.id, wechatBound: true });

      // the same code does not work twice
      expect((await c.confirm(ticket, '王晓明', '13900000001', code).expect(400)).body.code).toBe('IDENTITY_SMS_CODE_EXPIRED');

      // next time WeChat identifies the officer, tokens come back directly with the modules held
      const login = await c.oaLogin(wechat.issueOaCode(openid)).expect(200);
      expect(login.body).toEqual({
        bound: true,
        tokens: { accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 },
        modules: [
          { module: 'permissions', label: '权限管理', actions: ['view'] },
          { module: 'todos', label: '待办事项', actions: ['operate'] },
        ],
      });
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${login.body.tokens.accessToken}`).expect(200);
      const sessions = await t.dataSource.getRepository(RefreshToken).findBy({ accountId: person.id });
      expect(sessions.map((s) => s.channel)).toEqual(['WECHAT_OA', 'WECHAT_OA']);
    });

    it('binds the mini-program identity (wx.login → jscode2session) to the same account beside the official account', async () => {
      const person = await preset(t, '李红', '13900000002', [[ModuleKey.NOTICES, GrantAction.VIEW]]);
      const unrequested = await c.confirm(await c.ticket('oa', 'oOA-lihong'), '李红', '13900000002', '000000').expect(400);
      expect(unrequested.body.code).toBe('IDENTITY_SMS_CODE_EXPIRED'); // no code was requested for this phone
      const ticket = await c.ticket('mini', 'oMP-lihong');
      expect(wechat.requests.at(-1)).toMatchObject({ path: '/sns/jscode2session', query: { appid: MINI.appId, secret: MINI.secret } });
      expect(decodeJwt(ticket)).toMatchObject({ typ: 'bind', sub: 'oMP-lihong', ch: 'mini' });
      await c.sendCode(ticket, '李红', '13900000002').expect(200);
      const bound = await c.confirm(ticket, '李红', '13900000002', await latestCode('13900000002')).expect(200);
      expect(bound.body.account.modules).toEqual([{ module: 'notices', label: '通知发布', actions: ['view'] }]);
      const after = await accounts().findOneByOrFail({ id: person.id });
      expect(after).toMatchObject({ miniOpenId: 'oMP-lihong', wechatOpenId: null });

      const login = await c.miniLogin(wechat.issueMiniCode('oMP-lihong')).expect(200);
      expect(login.body).toMatchObject({ bound: true, modules: [{ module: 'notices' }] });
      const channels = (await t.dataSource.getRepository(RefreshToken).findBy({ accountId: person.id })).map((s) => s.channel);
      expect(channels).toEqual(['WECHAT_MINI', 'WECHAT_MINI']);
      // the openid of the other app is a different identity: not bound
      expect((await c.oaLogin(wechat.issueOaCode('oMP-lihong')).expect(200)).body.bound).toBe(false);
    });

    it('locks after 5 wrong codes for 30 minutes, even for the right code and for new codes', async () => {
      await preset(t, '赵磊', '13900000003');
      const ticket = await c.ticket('oa', 'oOA-zhaolei');
      await c.sendCode(ticket, '赵磊', '13900000003').expect(200);
      const code = await latestCode('13900000003');
      for (let remaining = 4; remaining >= 1; remaining--) {
        const refused = await c.confirm(ticket, '赵磊', '13900000003', wrong(code)).expect(400);
        expect(refused.body).toMatchObject({ code: 'IDENTITY_SMS_CODE_INVALID', message: '验证码不正确', details: { remainingAttempts: remaining } });
      }
      const fifth = await c.confirm(ticket, '赵磊', '13900000003', wrong(code)).expect(423);
      expect(fifth.body.code).toBe('IDENTITY_SMS_CODE_LOCKED');
      expect(fifth.body.details.retryAfterSeconds).toBeGreaterThan(29 * 60);
      expect(fifth.body.details.retryAfterSeconds).toBeLessThanOrEqual(30 * 60);
      expect((await c.confirm(ticket, '赵磊', '13900000003', code).expect(423)).body.code).toBe('IDENTITY_SMS_CODE_LOCKED');
      expect((await c.sendCode(ticket, '赵磊', '13900000003').expect(423)).body.code).toBe('IDENTITY_SMS_CODE_LOCKED');
      expect(await outbox('13900000003')).toHaveLength(1);
      expect((await accounts().findOneByOrFail({ phone: '13900000003' })).wechatOpenId).toBeNull();

      // when the lock has run out the old code stays dead, and a new one works
      const row = await verifications().findOneOrFail({ where: { phone: '13900000003' }, order: { id: 'DESC' } });
      expect(row.failedAttempts).toBe(5);
      await verifications().update({ id: row.id }, { lockedUntil: new Date(Date.now() - 1000), sentAt: new Date(Date.now() - 31 * 60_000) });
      expect((await c.confirm(ticket, '赵磊', '13900000003', code).expect(400)).body.code).toBe('IDENTITY_SMS_CODE_EXPIRED');
      await c.sendCode(ticket, '赵磊', '13900000003').expect(200);
      await c.confirm(ticket, '赵磊', '13900000003', await latestCode('13900000003')).expect(200);
    });

    it('counts wrong codes across a resend, so asking for a new code buys no new guesses', async () => {
      await preset(t, '钱进', '13900000004');
      const ticket = await c.ticket('oa', 'oOA-qianjin');
      await c.sendCode(ticket, '钱进', '13900000004').expect(200);
      const first = await latestCode('13900000004');
      for (let i = 0; i < 3; i++) await c.confirm(ticket, '钱进', '13900000004', wrong(first)).expect(400);
      await verifications().update({ phone: '13900000004' }, { sentAt: new Date(Date.now() - 61_000) });
      await c.sendCode(ticket, '钱进', '13900000004').expect(200);
      const second = await latestCode('13900000004');
      const refused = await c.confirm(ticket, '钱进', '13900000004', wrong(second)).expect(400);
      expect(refused.body.details).toEqual({ remainingAttempts: 1 });
      await c.confirm(ticket, '钱进', '13900000004', wrong(second)).expect(423);
    });

    it('refuses an expired code', async () => {
      await preset(t, '孙悦', '13900000005');
      const ticket = await c.ticket('oa', 'oOA-sunyue');
      await c.sendCode(ticket, '孙悦', '13900000005').expect(200);
      const code = await latestCode('13900000005');
      await verifications().update({ phone: '13900000005' }, { expiresAt: new Date(Date.now() - 1000) });
      const expired = await c.confirm(ticket, '孙悦', '13900000005', code).expect(400);
      expect(expired.body).toMatchObject({ code: 'IDENTITY_SMS_CODE_EXPIRED', message: '验证码已过期，请重新获取' });
      expect((await accounts().findOneByOrFail({ phone: '13900000005' })).wechatOpenId).toBeNull();
    });

    it('refuses an unknown person with one error that does not say which part is wrong, and sends nothing', async () => {
      await preset(t, '周平', '13900000006');
      const disabled = await preset(t, '吴静', '13900000007');
      await accounts().update({ id: disabled.id }, { status: AccountStatus.DISABLED });
      const ticket = await c.ticket('oa', 'oOA-stranger');
      const wrongPhone = await c.sendCode(ticket, '周平', '13900000099').expect(400);
      const wrongName = await c.sendCode(ticket, '周萍', '13900000006').expect(400);
      const notActive = await c.sendCode(ticket, '吴静', '13900000007').expect(400);
      for (const refused of [wrongPhone, wrongName, notActive]) {
        expect(refused.body.code).toBe('IDENTITY_PERSON_NOT_FOUND');
        expect(refused.body.message).toBe(wrongPhone.body.message);
        expect(refused.body.details).toBeUndefined();
      }
      expect(await outbox('13900000006')).toEqual([]);
      expect(await outbox('13900000007')).toEqual([]);
      expect(await verifications().countBy({ phone: '13900000006' })).toBe(0);
      // and no binding without a matching person either
      expect((await c.confirm(ticket, '周萍', '13900000006', '123456').expect(400)).body.code).toBe('IDENTITY_PERSON_NOT_FOUND');
    });

    it('stops one WeChat identity from trying pair after pair: 10 misses in 30 minutes, then even a right pair waits', async () => {
      await preset(t, '钱程', '13900000030');
      const ticket = await c.ticket('oa', 'oOA-prober');
      for (let i = 0; i < 10; i++) {
        expect((await c.sendCode(ticket, '钱程', `139000001${String(i).padStart(2, '0')}`).expect(400)).body.code).toBe('IDENTITY_PERSON_NOT_FOUND');
      }
      const locked = await c.sendCode(ticket, '钱程', '13900000030').expect(429);
      expect(locked.body).toMatchObject({ code: 'IDENTITY_LOOKUP_LOCKED', message: '姓名与手机号码核对失败次数过多，请30分钟后再试' });
      expect(await outbox('13900000030')).toEqual([]);
      // another WeChat identity is not held back, and misses older than the window no longer count
      await c.sendCode(await c.ticket('oa', 'oOA-colleague'), '钱程', '13900000030').expect(200);
      await t.dataSource.getRepository(IdentityLookupFailure).update({ openid: 'oOA-prober' }, { failedAt: new Date(Date.now() - 31 * 60 * 1000) });
      expect((await c.sendCode(ticket, '钱程', '13900000031').expect(400)).body.code).toBe('IDENTITY_PERSON_NOT_FOUND');
    });

    it('refuses a new code within 60 s and says how long to wait', async () => {
      await preset(t, '郑好', '13900000008');
      const ticket = await c.ticket('oa', 'oOA-zhenghao');
      await c.sendCode(ticket, '郑好', '13900000008').expect(200);
      const again = await c.sendCode(ticket, '郑好', '13900000008').expect(429);
      expect(again.body.code).toBe('IDENTITY_SMS_CODE_TOO_FREQUENT');
      expect(again.body.details.retryAfterSeconds).toBeGreaterThan(50);
      expect(again.body.details.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(again.body.message).toBe(`验证码发送过于频繁，请${again.body.details.retryAfterSeconds}秒后再试`);
      expect(await outbox('13900000008')).toHaveLength(1);
      await verifications().update({ phone: '13900000008' }, { sentAt: new Date(Date.now() - 61_000) });
      await c.sendCode(ticket, '郑好', '13900000008').expect(200);
      expect(await outbox('13900000008')).toHaveLength(2);
    });

    it('keeps one WeChat identity to one account, and one account to one identity per app', async () => {
      await preset(t, '冯涛', '13900000009');
      await preset(t, '陈露', '13900000010');
      // two tickets for the same openid, e.g. two tabs opened before binding
      const first = await c.ticket('oa', 'oOA-shared');
      const second = await c.ticket('oa', 'oOA-shared');
      await c.sendCode(first, '冯涛', '13900000009').expect(200);
      await c.confirm(first, '冯涛', '13900000009', await latestCode('13900000009')).expect(200);
      const taken = await c.sendCode(second, '陈露', '13900000010').expect(409);
      expect(taken.body).toMatchObject({ code: 'IDENTITY_WECHAT_ALREADY_BOUND', message: '当前微信已绑定其他账号' });

      const otherWechat = await c.ticket('oa', 'oOA-someone-else');
      const accountTaken = await c.sendCode(otherWechat, '冯涛', '13900000009').expect(409);
      expect(accountTaken.body.code).toBe('IDENTITY_ALREADY_BOUND');
      expect((await accounts().findOneByOrFail({ phone: '13900000009' })).wechatOpenId).toBe('oOA-shared');
    });

    it('refuses a bound account that was disabled', async () => {
      const person = await preset(t, '褚明', '13900000011');
      const ticket = await c.ticket('mini', 'oMP-chuming');
      await c.sendCode(ticket, '褚明', '13900000011').expect(200);
      await c.confirm(ticket, '褚明', '13900000011', await latestCode('13900000011')).expect(200);
      await accounts().update({ id: person.id }, { status: AccountStatus.DISABLED });
      const refused = await c.miniLogin(wechat.issueMiniCode('oMP-chuming')).expect(403);
      expect(refused.body.code).toBe('AUTH_ACCOUNT_INACTIVE');
    });

    it('refuses bad, expired or borrowed bind tickets', async () => {
      await preset(t, '卫东', '13900000012');
      const garbage = await c.sendCode('not-a-ticket', '卫东', '13900000012').expect(401);
      expect(garbage.body).toMatchObject({ code: 'IDENTITY_BIND_TICKET_INVALID', message: '微信授权已失效，请重新进入页面' });
      const jwt = t.app.get(JwtService);
      const expired = jwt.sign({ typ: 'bind', sub: 'oOA-weidong', ch: 'oa' }, { secret: t.config.jwtSecret, expiresIn: -10 });
      expect((await c.sendCode(expired, '卫东', '13900000012').expect(401)).body.code).toBe('IDENTITY_BIND_TICKET_INVALID');
      const accessToken = jwt.sign({ sub: 1, typ: 'access' }, { secret: t.config.jwtSecret, expiresIn: 60 });
      expect((await c.sendCode(accessToken, '卫东', '13900000012').expect(401)).body.code).toBe('IDENTITY_BIND_TICKET_INVALID');
      const foreign = new JwtService({ secret: 'another-server-secret-another-server-secret' }).sign({ typ: 'bind', sub: 'oOA-weidong', ch: 'oa' }, { expiresIn: 600 });
      expect((await c.sendCode(foreign, '卫东', '13900000012').expect(401)).body.code).toBe('IDENTITY_BIND_TICKET_INVALID');
      // and a bind ticket never passes as an access token
      const ticket = await c.ticket('oa', 'oOA-weidong');
      await t.http().get('/api/auth/me').set('Authorization', `Bearer ${ticket}`).expect(401);
    });

    it('turns WeChat errcodes into clear errors', async () => {
      const unknown = await c.oaLogin('code-wechat-never-issued').expect(400);
      expect(unknown.body).toMatchObject({
        code: 'IDENTITY_WECHAT_LOGIN_FAILED',
        message: '微信授权码无效或已过期，请重新进入页面（微信错误码 40029）',
        details: { errcode: 40029, errmsg: expect.stringContaining('invalid code') },
      });
      const code = wechat.issueMiniCode('oMP-twice');
      await c.miniLogin(code).expect(200);
      const reused = await c.miniLogin(code).expect(400);
      expect(reused.body).toMatchObject({ code: 'IDENTITY_WECHAT_LOGIN_FAILED', details: { errcode: 40163 } });
      expect(reused.body.message).toContain('已被使用');

      wechat.failNextWith(40125, 'invalid appsecret');
      const misconfigured = await c.oaLogin(wechat.issueOaCode('oOA-x')).expect(502);
      expect(misconfigured.body).toMatchObject({ code: 'IDENTITY_WECHAT_LOGIN_FAILED', details: { errcode: 40125 } });
      expect(misconfigured.body.message).toContain('请联系管理员');

      wechat.failNextWith(40226, 'high risk user');
      expect((await c.miniLogin(wechat.issueMiniCode('oMP-risky')).expect(403)).body.details).toMatchObject({ errcode: 40226 });

      wechat.failNextWith(-1, 'system error');
      const busy = await c.miniLogin(wechat.issueMiniCode('oMP-y')).expect(502);
      expect(busy.body).toMatchObject({ code: 'IDENTITY_WECHAT_UNAVAILABLE', message: '暂时无法连接微信服务器，请稍后再试' });

      wechat.breakNext();
      expect((await c.oaLogin(wechat.issueOaCode('oOA-z')).expect(502)).body.code).toBe('IDENTITY_WECHAT_UNAVAILABLE');
    });

    it('answers malformed bodies with 400 naming the field', async () => {
      const post = (path: string, body: unknown) => t.http().post(path).send(body as object);
      const fieldsOf = (response: { body: { details?: Array<{ field: string }> } }) => response.body.details!.map((d) => d.field).sort();
      expect(fieldsOf(await post('/api/identity/wechat/oa/login', {}).expect(400))).toEqual(['code']);
      expect(fieldsOf(await post('/api/identity/wechat/mini/login', { code: 42 }).expect(400))).toEqual(['code']);
      expect(fieldsOf(await post('/api/identity/wechat/mini/login', { code: 'x', extra: 1 }).expect(400))).toEqual(['extra']);
      expect(fieldsOf(await post('/api/identity/bind/sms-code', { name: '', phone: '1390000' }).expect(400))).toEqual(['bindTicket', 'name', 'phone']);
      const badCode = await post('/api/identity/bind', { bindTicket: 't', name: '王晓明', phone: '13900000001', code: '12ab56' }).expect(400);
      expect(badCode.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'code', constraint: 'matches' }] });
      expect(fieldsOf(await post('/api/identity/bind', { bindTicket: ['t'], name: { a: 1 }, phone: 13900000001, code: 123456 }).expect(400))).toEqual([
        'bindTicket',
        'code',
        'name',
        'phone',
      ]);
      const notJson = await t.http().post('/api/identity/bind').set('Content-Type', 'application/json').send('{"bindTicket":').expect(400);
      expect(notJson.body.code).toBe('MALFORMED_BODY');
      expect(fieldsOf(await t.http().get('/api/identity/dev/sms-outbox?phone=abc').expect(400))).toEqual(['phone']);
    });
  });

  describe('with Tencent Cloud SMS', () => {
    let t: TestApp;
    let wechat: FakeWechatServer;
    let tencent: FakeTencentSmsServer;
    const c = client(() => t, () => wechat);

    beforeAll(async () => {
      wechat = await FakeWechatServer.start({ oa: OA, mini: MINI });
      tencent = await FakeTencentSmsServer.start(TENCENT);
      t = await startTestApp({
        seed: false,
        env: {
          ...wechatEnv(wechat),
          SMS_PROVIDER: 'tencent',
          TENCENT_SMS_ENDPOINT: tencent.url,
          TENCENT_SMS_SECRET_ID: TENCENT.secretId,
          TENCENT_SMS_SECRET_KEY: TENCENT.secretKey,
          TENCENT_SMS_SDK_APP_ID: TENCENT.sdkAppId,
          TENCENT_SMS_SIGN_NAME: TENCENT.signName,
          TENCENT_SMS_TEMPLATE_ID: TENCENT.templateId,
        },
      });
    });
    afterAll(async () => {
      await t?.close();
      await Promise.all([wechat?.close(), tencent?.close()]);
    });

    const tencentConfig = (override: Partial<typeof TENCENT> = {}) => ({
      provider: 'tencent' as const,
      endpoint: tencent.url,
      region: 'ap-guangzhou',
      ...TENCENT,
      ...override,
    });

    it('sends the code through a signed SendSms and binds with it; the development outbox does not exist', async () => {
      await preset(t, '蒋文', '13900000021');
      const ticket = await c.ticket('oa', 'oOA-jiangwen');
      await c.sendCode(ticket, '蒋文', '13900000021').expect(200);
      expect(tencent.sent).toEqual([
        {
          phone: '+8613900000021',
          templateParams: [expect.stringMatching(/^\d{6}$/), '5'],
          signName: TENCENT.signName,
          templateId: TENCENT.templateId,
          region: 'ap-guangzhou',
          signedHeaders: 'content-type;host;x-tc-action',
        },
      ]);
      const [code] = tencent.codesSentTo('13900000021');
      const bound = await c.confirm(ticket, '蒋文', '13900000021', code).expect(200);
      expect(bound.body.account).toMatchObject({ phone: '13900000021', wechatBound: true });
      await t.http().get('/api/identity/dev/sms-outbox').expect(404);
    });

    it('reports Tencent’s refusal as a send failure, and lets the officer retry at once', async () => {
      await preset(t, '沈冰', '13900000022');
      const ticket = await c.ticket('mini', 'oMP-shenbing');
      tencent.failNumber('13900000022', 'LimitExceeded.PhoneNumberDailyLimit', 'the number of sms messages sent from a single mobile number every day exceeds the upper limit');
      const failed = await c.sendCode(ticket, '沈冰', '13900000022').expect(502);
      expect(failed.body).toMatchObject({ code: 'IDENTITY_SMS_SEND_FAILED', message: '短信发送失败，请稍后再试', details: { providerCode: 'LimitExceeded.PhoneNumberDailyLimit' } });
      expect(await t.dataSource.getRepository(SmsVerification).countBy({ phone: '13900000022' })).toBe(0);
      tencent.clearFailures();
      await c.sendCode(ticket, '沈冰', '13900000022').expect(200);
      expect(tencent.codesSentTo('13900000022')).toHaveLength(1);
    });

    it('the client surfaces Tencent’s error codes: bad signature, expired timestamp, unapproved template', async () => {
      const attempt = (client: TencentSmsClient) => client.sendVerificationCode('13900000023', '123456', 5).then(() => null, (e: unknown) => e);

      const badKey = await attempt(new TencentSmsClient(tencentConfig({ secretKey: 'not-the-right-key' })));
      expect(badKey).toBeInstanceOf(SmsSendError);
      expect(badKey).toMatchObject({ providerCode: 'AuthFailure.SignatureFailure', requestId: expect.any(String) });

      const skewed = await attempt(new TencentSmsClient(tencentConfig(), () => Date.now() - 10 * 60_000));
      expect(skewed).toMatchObject({ providerCode: 'AuthFailure.SignatureExpire' });

      const template = await attempt(new TencentSmsClient(tencentConfig({ templateId: '999' })));
      expect(template).toMatchObject({ providerCode: 'FailedOperation.TemplateIncorrectOrUnapproved' });

      const unreachable = await attempt(new TencentSmsClient({ ...tencentConfig(), endpoint: 'http://127.0.0.1:9' }));
      expect(unreachable).toMatchObject({ name: 'SmsSendError', providerCode: null });

      expect(tencent.rejected).toEqual(['AuthFailure.SignatureFailure', 'AuthFailure.SignatureExpire', 'FailedOperation.TemplateIncorrectOrUnapproved']);
      expect(await attempt(new TencentSmsClient(tencentConfig()))).toBeNull();
      expect(tencent.codesSentTo('13900000023')).toEqual(['123456']);
    });
  });
});
