import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/app-config';

/** The notification variables of app-config.ts: defaults, and errors that name the variable. */
describe('notification configuration', () => {
  const base = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'szpm-config-')), JWT_SECRET: 'x'.repeat(40) });
  const mini = { WECHAT_MINI_APPID: 'wx-mini', WECHAT_MINI_SECRET: 'secret' };
  const oa = { WECHAT_OA_APPID: 'wx-oa', WECHAT_OA_SECRET: 'secret' };

  it('sends nothing over WeChat or SMS until templates are configured', () => {
    expect(loadConfig(base()).notifications).toEqual({
      wechat: { subscribe: null, officialAccount: null, ratePerSecond: 0 },
      sms: { templateId: null, ratePerSecond: 0 },
      maxAttempts: 6,
      retryBaseMs: 5000,
      retryMaxMs: 600_000,
      concurrency: 50,
    });
  });

  it('reads templates, their keyword mapping and the rate limits', () => {
    const config = loadConfig({
      ...base(),
      ...mini,
      ...oa,
      WECHAT_TEMPLATE_ID_SUBSCRIBE: 'AbC-def_0123456789',
      WECHAT_SUBSCRIBE_FIELDS: 'thing4:title, phrase2:kind,time5:sentAt',
      WECHAT_MINIPROGRAM_STATE: 'trial',
      WECHAT_TEMPLATE_ID_OA: 'oa_template_0001',
      NOTIFY_WECHAT_RATE_PER_SECOND: '300',
      SMS_NOTIFY_TEMPLATE_ID: '1234567',
    }).notifications;
    expect(config.wechat.subscribe).toEqual({
      templateId: 'AbC-def_0123456789',
      miniprogramState: 'trial',
      fields: [
        { key: 'thing4', source: 'title' },
        { key: 'phrase2', source: 'kind' },
        { key: 'time5', source: 'sentAt' },
      ],
    });
    expect(config.wechat.officialAccount?.fields.map((f) => f.key)).toEqual(['thing1', 'thing2', 'time3']);
    expect(config.wechat.ratePerSecond).toBe(300);
    expect(config.sms.templateId).toBe('1234567');
  });

  it.each([
    [{ WECHAT_TEMPLATE_ID_SUBSCRIBE: 'AbC-def_0123456789' }, 'WECHAT_TEMPLATE_ID_SUBSCRIBE: is set but WECHAT_MINI_APPID / WECHAT_MINI_SECRET are not'],
    [{ ...oa, WECHAT_TEMPLATE_ID_OA: 'has spaces in it' }, 'WECHAT_TEMPLATE_ID_OA: "has spaces in it" is not a WeChat template id'],
    [{ ...mini, WECHAT_TEMPLATE_ID_SUBSCRIBE: 'AbC-def_0123456789', WECHAT_SUBSCRIBE_FIELDS: 'thing1:title,thing1:sender' }, 'WECHAT_SUBSCRIBE_FIELDS: keyword thing1 appears twice'],
    [{ ...mini, WECHAT_TEMPLATE_ID_SUBSCRIBE: 'AbC-def_0123456789', WECHAT_SUBSCRIBE_FIELDS: 'thing1:body' }, 'WECHAT_SUBSCRIBE_FIELDS: "body" in "thing1:body" must be one of title, content, sender, sentAt, kind'],
    [{ ...mini, WECHAT_TEMPLATE_ID_SUBSCRIBE: 'AbC-def_0123456789', WECHAT_MINIPROGRAM_STATE: 'beta' }, 'WECHAT_MINIPROGRAM_STATE: must be one of formal, trial, developer'],
    [{ NOTIFY_WECHAT_RATE_PER_SECOND: '-5' }, 'NOTIFY_WECHAT_RATE_PER_SECOND: must be a whole number'],
    [{ NOTIFY_RETRY_BASE_MS: '20000', NOTIFY_RETRY_MAX_MS: '10000' }, 'NOTIFY_RETRY_MAX_MS: must not be below NOTIFY_RETRY_BASE_MS'],
    [
      {
        SMS_PROVIDER: 'tencent',
        TENCENT_SMS_SECRET_ID: 'id',
        TENCENT_SMS_SECRET_KEY: 'key',
        TENCENT_SMS_SDK_APP_ID: '1400000001',
        TENCENT_SMS_SIGN_NAME: 'sign',
        TENCENT_SMS_TEMPLATE_ID: '100001',
        SMS_NOTIFY_TEMPLATE_ID: 'notify',
      },
      'SMS_NOTIFY_TEMPLATE_ID: must be the numeric id of an approved Tencent SMS template',
    ],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig({ ...base(), ...env })).toThrow(message);
  });
});
