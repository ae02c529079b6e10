import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'mysql'; url: string; flavour: 'mysql' | 'mariadb' };

export type SmsConfig =
  | { provider: 'development' }
  | {
      provider: 'tencent';
      endpoint: string;
      secretId: string;
      secretKey: string;
      sdkAppId: string;
      signName: string;
      templateId: string;
      region: string;
    };

export interface WechatAppConfig {
  appId: string;
  secret: string;
}

/** What a WeChat message template field is filled with. */
export type MessageFieldSource = 'title' | 'content' | 'sender' | 'sentAt' | 'kind';
export const MESSAGE_FIELD_SOURCES: readonly MessageFieldSource[] = ['title', 'content', 'sender', 'sentAt', 'kind'];

/** A WeChat message template approved in the WeChat console and how its fields are filled. */
export interface WechatMessageTemplate {
  templateId: string;
  /** template keyword (e.g. thing1, time3) → what goes into it */
  fields: Array<{ key: string; source: MessageFieldSource }>;
}

export interface NotificationsConfig {
  wechat: {
    /** mini-program subscribe messages (accounts with a miniOpenId); null: not sent */
    subscribe: (WechatMessageTemplate & { miniprogramState: 'formal' | 'trial' | 'developer' }) | null;
    /** official-account template messages (accounts with a wechatOpenId); null: not sent */
    officialAccount: WechatMessageTemplate | null;
    /** messages per second across all workers; 0 = no limit */
    ratePerSecond: number;
  };
  sms: {
    /** the approved notification template ({1} sender, {2} title); null: no SMS fallback */
    templateId: string | null;
    ratePerSecond: number;
  };
  /** attempts of a WeChat or SMS delivery before it is marked FAILED */
  maxAttempts: number;
  /** first retry delay; doubles per attempt up to retryMaxMs */
  retryBaseMs: number;
  retryMaxMs: number;
  /** deliveries one worker process sends at once, per channel */
  concurrency: number;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  redisUrl: string | null;
  /** where this process runs queue processors: 'in-process' (api also works jobs) or 'off' (a separate worker does) */
  queueProcessors: 'in-process' | 'off';
  /** Redis key prefix of the Bull queues (lets several test runs share one Redis) */
  queuePrefix: string;
  seedDemoOnFirstStart: boolean;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  sms: SmsConfig;
  wechat: {
    apiBase: string;
    officialAccount: WechatAppConfig | null;
    miniProgram: WechatAppConfig | null;
    oauthRedirectUrl: string | null;
  };
  publicBaseUrl: string;
  notifications: NotificationsConfig;
  xlsxImport: XlsxImportConfig;
}

/** Caps of every xlsx import: the upload's size (413 beyond it) and its data rows (400 beyond them). */
export interface XlsxImportConfig {
  maxBytes: number;
  maxRows: number;
}

/** A configuration problem; main() prints it and exits, naming the variable. */
export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`配置错误 ${variable}: ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw as T)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function required(env: Env, name: string, because: string): string {
  const raw = env[name];
  if (!raw) throw new ConfigError(name, `is required ${because}`);
  return raw;
}

function urlVar(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => p + '//').join(' or ')}`);
  }
  return raw;
}

function wechatApp(env: Env, prefix: string): WechatAppConfig | null {
  const appId = env[`${prefix}_APPID`];
  const secret = env[`${prefix}_SECRET`];
  if (!appId && !secret) return null;
  if (!appId) throw new ConfigError(`${prefix}_APPID`, `is required when ${prefix}_SECRET is set`);
  if (!secret) throw new ConfigError(`${prefix}_SECRET`, `is required when ${prefix}_APPID is set`);
  return { appId, secret };
}

const DEFAULT_TEMPLATE_FIELDS = 'thing1:title,thing2:sender,time3:sentAt';

/** `thing1:title,thing2:sender,time3:sentAt`: WeChat template keywords and what fills them. */
function templateFields(env: Env, name: string): WechatMessageTemplate['fields'] {
  const raw = env[name] || DEFAULT_TEMPLATE_FIELDS;
  const fields: WechatMessageTemplate['fields'] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z_]+\d+):([A-Za-z]+)$/.exec(part);
    if (!match) throw new ConfigError(name, `"${part}" is not keyword:source (e.g. thing1:title)`);
    const [, key, source] = match;
    if (!MESSAGE_FIELD_SOURCES.includes(source as MessageFieldSource)) {
      throw new ConfigError(name, `"${source}" in "${part}" must be one of ${MESSAGE_FIELD_SOURCES.join(', ')}`);
    }
    if (fields.some((f) => f.key === key)) throw new ConfigError(name, `keyword ${key} appears twice`);
    fields.push({ key, source: source as MessageFieldSource });
  }
  if (!fields.length) throw new ConfigError(name, 'names no template keyword');
  return fields;
}

/** WeChat template ids are 43 characters of base64url; accept the alphabet, not a length, to stay future-proof. */
function wechatTemplateId(env: Env, name: string, app: WechatAppConfig | null, appPrefix: string): string | null {
  const raw = env[name];
  if (!raw) return null;
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a WeChat template id (8-64 characters of A-Z a-z 0-9 _ -)`);
  if (!app) throw new ConfigError(name, `is set but ${appPrefix}_APPID / ${appPrefix}_SECRET are not: messages need that app's access token`);
  return raw;
}

function notificationsConfig(env: Env, wechat: { officialAccount: WechatAppConfig | null; miniProgram: WechatAppConfig | null }, sms: SmsConfig): NotificationsConfig {
  const subscribeTemplate = wechatTemplateId(env, 'WECHAT_TEMPLATE_ID_SUBSCRIBE', wechat.miniProgram, 'WECHAT_MINI');
  const oaTemplate = wechatTemplateId(env, 'WECHAT_TEMPLATE_ID_OA', wechat.officialAccount, 'WECHAT_OA');
  const smsTemplate = env.SMS_NOTIFY_TEMPLATE_ID || null;
  if (smsTemplate && sms.provider === 'tencent' && !/^\d{1,12}$/.test(smsTemplate)) {
    throw new ConfigError('SMS_NOTIFY_TEMPLATE_ID', `must be the numeric id of an approved Tencent SMS template, got "${smsTemplate}"`);
  }
  const retryBaseMs = intVar(env, 'NOTIFY_RETRY_BASE_MS', 5000, 10, 3_600_000);
  const retryMaxMs = intVar(env, 'NOTIFY_RETRY_MAX_MS', 600_000, 10, 24 * 3_600_000);
  if (retryMaxMs < retryBaseMs) throw new ConfigError('NOTIFY_RETRY_MAX_MS', `must not be below NOTIFY_RETRY_BASE_MS (${retryBaseMs})`);
  return {
    wechat: {
      subscribe: subscribeTemplate
        ? {
            templateId: subscribeTemplate,
            fields: templateFields(env, 'WECHAT_SUBSCRIBE_FIELDS'),
            miniprogramState: oneOf(env, 'WECHAT_MINIPROGRAM_STATE', ['formal', 'trial', 'developer'] as const, 'formal'),
          }
        : null,
      officialAccount: oaTemplate ? { templateId: oaTemplate, fields: templateFields(env, 'WECHAT_OA_TEMPLATE_FIELDS') } : null,
      ratePerSecond: intVar(env, 'NOTIFY_WECHAT_RATE_PER_SECOND', 0, 0, 100_000),
    },
    sms: { templateId: smsTemplate, ratePerSecond: intVar(env, 'NOTIFY_SMS_RATE_PER_SECOND', 0, 0, 100_000) },
    maxAttempts: intVar(env, 'NOTIFY_MAX_ATTEMPTS', 6, 1, 50),
    retryBaseMs,
    retryMaxMs,
    concurrency: intVar(env, 'NOTIFY_CONCURRENCY', 50, 1, 1000),
  };
}

/** Embedded mode keeps a random JWT secret in the data directory so tokens survive restarts. */
function embeddedSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = urlVar(env, 'DATABASE_URL', ['mysql:', 'mariadb:']);
  const production = Boolean(databaseUrl);
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, production ? 'production' : 'development');
  const dataDir = resolve(env.DATA_DIR || join(process.cwd(), 'data'));
  mkdirSync(dataDir, { recursive: true });

  const database: DatabaseConfig = databaseUrl
    ? { kind: 'mysql', url: databaseUrl, flavour: databaseUrl.startsWith('mariadb:') ? 'mariadb' : 'mysql' }
    : { kind: 'sqlite', path: env.SQLITE_PATH ? resolve(env.SQLITE_PATH) : join(dataDir, 'szpm.sqlite') };

  const jwtSecret = production ? required(env, 'JWT_SECRET', 'when DATABASE_URL is set') : env.JWT_SECRET || embeddedSecret(dataDir);
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');

  const smsProvider = oneOf(env, 'SMS_PROVIDER', ['development', 'tencent'] as const, 'development');
  if (smsProvider === 'development' && nodeEnv === 'production' && env.ALLOW_DEVELOPMENT_SMS !== 'true') {
    throw new ConfigError('SMS_PROVIDER', 'must be "tencent" in production (set ALLOW_DEVELOPMENT_SMS=true to run a staging copy without SMS)');
  }
  const sms: SmsConfig =
    smsProvider === 'development'
      ? { provider: 'development' }
      : {
          provider: 'tencent',
          endpoint: urlVar(env, 'TENCENT_SMS_ENDPOINT', ['https:', 'http:']) ?? 'https://sms.tencentcloudapi.com',
          secretId: required(env, 'TENCENT_SMS_SECRET_ID', 'when SMS_PROVIDER=tencent'),
          secretKey: required(env, 'TENCENT_SMS_SECRET_KEY', 'when SMS_PROVIDER=tencent'),
          sdkAppId: required(env, 'TENCENT_SMS_SDK_APP_ID', 'when SMS_PROVIDER=tencent'),
          signName: required(env, 'TENCENT_SMS_SIGN_NAME', 'when SMS_PROVIDER=tencent'),
          templateId: required(env, 'TENCENT_SMS_TEMPLATE_ID', 'when SMS_PROVIDER=tencent'),
          region: env.TENCENT_SMS_REGION || 'ap-guangzhou',
        };

  const port = intVar(env, 'PORT', 3000, 1, 65535);
  const redisUrl = urlVar(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const queueProcessors = oneOf(env, 'QUEUE_PROCESSORS', ['in-process', 'off'] as const, 'in-process');
  if (queueProcessors === 'off' && !redisUrl) {
    throw new ConfigError('QUEUE_PROCESSORS', '"off" needs REDIS_URL: without Redis no separate worker can take the jobs');
  }
  const officialAccount = wechatApp(env, 'WECHAT_OA');
  const miniProgram = wechatApp(env, 'WECHAT_MINI');
  return {
    env: nodeEnv,
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    database,
    redisUrl,
    queueProcessors,
    queuePrefix: env.QUEUE_PREFIX || 'szpm',
    seedDemoOnFirstStart: !production && env.SEED_DEMO !== 'false',
    jwtSecret,
    accessTokenTtlSeconds: intVar(env, 'ACCESS_TOKEN_TTL', 15 * 60, 60, 24 * 3600),
    refreshTokenTtlSeconds: intVar(env, 'REFRESH_TOKEN_TTL', 30 * 24 * 3600, 3600, 180 * 24 * 3600),
    sms,
    wechat: {
      apiBase: urlVar(env, 'WECHAT_API_BASE', ['https:', 'http:']) ?? 'https://api.weixin.qq.com',
      officialAccount,
      miniProgram,
      oauthRedirectUrl: urlVar(env, 'WECHAT_OAUTH_REDIRECT_URL', ['https:', 'http:']),
    },
    publicBaseUrl: env.PUBLIC_BASE_URL || `http://localhost:${port}`,
    notifications: notificationsConfig(env, { officialAccount, miniProgram }, sms),
    xlsxImport: {
      maxBytes: intVar(env, 'XLSX_IMPORT_MAX_BYTES', 10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
      maxRows: intVar(env, 'XLSX_IMPORT_MAX_ROWS', 5000, 1, 1_000_000),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
