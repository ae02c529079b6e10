import { CompanyScoreAggregation } from '@szpm/contract';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
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
    /**
     * The development sign-in that stands in for WeChat with a local openid (WECHAT_DEV_SIGN_IN,
     * default on in embedded mode), so chapter 1 can be tried with `npm start`; refused with DATABASE_URL.
     */
    devSignIn: boolean;
  };
  publicBaseUrl: string;
  notifications: NotificationsConfig;
  xlsxImport: XlsxImportConfig;
  /** chapter 5 facility ledger: how many days ahead 到期提醒 looks by default (FACILITY_DUE_WITHIN_DAYS) */
  facilities: { dueWithinDays: number };
  /**
   * chapter 11 共有资金: an area that should open an account is overdue `overdueDays` after its trigger (COMMON_FUND_OVERDUE_DAYS);
   * a 责令整改 gives `rectifyDays` by default (COMMON_FUND_RECTIFY_DAYS); the area types that hold common funds
   * (COMMON_FUND_AREA_TYPES, comma-separated); the banks' transaction feed (COMMON_FUND_FEED_URL, null: not connected) and its timeout
   */
  commonFunds: {
    overdueDays: number;
    rectifyDays: number;
    areaTypes: string[];
    feedUrl: string | null;
    feedTimeoutMs: number;
    /** the hour (Asia/Shanghai, 0–23) of the daily pull of every normal account's feed (COMMON_FUND_FEED_PULL_HOUR) */
    feedPullHour: number;
    /** no feed (neither a transaction nor an answer) for this many days makes an account 异常 (COMMON_FUND_FEED_SILENT_DAYS) */
    feedSilentDays: number;
  };
  /**
   * chapter 12 从业人员: certificates expiring within `certificateExpiringDays` count as 即将到期 (PRACTITIONER_CERT_EXPIRING_DAYS);
   * 提醒更新 with onlyOutdated asks rosters not updated for `staleDays` (PRACTITIONER_ROSTER_STALE_DAYS), each manager once per reminders.cooldownHours
   */
  practitioners: { certificateExpiringDays: number; staleDays: number };
  /** the reminders path (every 催办 / 提醒更新: notices, safety inspections, chapters 11–13): each person at most once per `cooldownHours` per matter (REMINDER_COOLDOWN_HOURS) */
  reminders: { cooldownHours: number };
  /**
   * chapter 22 纠纷化解台账: earlier cases within `duplicateWindowDays` (DISPUTE_DUPLICATE_WINDOW_DAYS) are checked for duplicates,
   * a 纠纷简述 at least `similarityThreshold` alike (DISPUTE_SIMILARITY_PERCENT / 100) counts; deadline reminders go out at
   * `reminderHour` (DISPUTE_REMINDER_HOUR, Shanghai); a ledger export of more than `exportStreamMaxRows` rows
   * (DISPUTE_EXPORT_STREAM_MAX_ROWS) becomes a background download
   */
  disputes: { duplicateWindowDays: number; similarityThreshold: number; reminderHour: number; exportStreamMaxRows: number };
  /**
   * chapter 9 业主评价: a subject is ranked in a month with at least `minSample` records (OWNER_EVALUATION_MIN_SAMPLE);
   * a company's score is the mean of its projects' records or of its ranked projects' scores (OWNER_EVALUATION_COMPANY_SCORE);
   * `streakMonths` running months in the top / bottom `streakTop` (OWNER_EVALUATION_STREAK_MONTHS / _TOP) make a good / bad
   * record; 催办 reaches areas whose month's 参评率 is below `urgeParticipationPercent` (OWNER_EVALUATION_URGE_PARTICIPATION_PERCENT)
   */
  ownerEvaluations: { minSample: number; companyScore: CompanyScoreAggregation; streakMonths: number; streakTop: number; urgeParticipationPercent: number };
  /** chapter 10 业主决策: results stay in 询异 (publicised, no more voting) this many days before 已完成 (OWNER_DECISION_PUBLICITY_DAYS) */
  ownerDecisions: { publicityDays: number };
  /** the owners' side: ID numbers are kept as HMAC-SHA256 keyed with `idHashSecret` (OWNER_ID_HASH_SECRET; default: JWT_SECRET) */
  owners: { idHashSecret: string };
  security: SecurityConfig;
  logging: LoggingConfig;
  caches: CachesConfig;
  /**
   * 下载列表 (background exports): a finished file is kept `keepHours` (DOWNLOAD_KEEP_HOURS), then deleted;
   * a running export silent for `staleMinutes` (DOWNLOAD_STALE_MINUTES) lost its worker and is re-queued (failed after 3 runs)
   */
  downloads: { keepHours: number; staleMinutes: number };
}

/** In-memory caches emptied through the invalidation bus (common/cache); 0 turns one off. */
export interface CachesConfig {
  /** the signed-in actor per session (account, grants): at most this long without a write announcing a change */
  actorSeconds: number;
  /** a list's total per filter, until a write to its table */
  listCountSeconds: number;
}

/** At most `limit` requests per `windowSeconds`; beyond it 429 until the window has passed. */
export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

/** The rate limits of the routes that check a secret or are open to anyone (see common/http/throttling.ts). */
export interface RateLimitsConfig {
  /** off only for test suites that log in hundreds of times; refused in production */
  enabled: boolean;
  /** password login, per client IP + username */
  login: RateLimitRule;
  /** password login, per client IP whatever the username: one address cannot try many accounts */
  loginPerIp: RateLimitRule;
  /** WeChat login (OA and mini-program), per client IP */
  wechatLogin: RateLimitRule;
  /** token refresh, per presented refresh token: junk tokens from a shared address cannot block anyone else's */
  refresh: RateLimitRule;
  /** token refresh, per client IP whatever the token: a loose cap, since many clients may share one address */
  refreshPerIp: RateLimitRule;
  /** binding SMS codes, per phone number */
  smsCode: RateLimitRule;
  /** binding SMS codes, per client IP whatever the phone */
  smsCodePerIp: RateLimitRule;
  /** confirming a binding with its SMS code, per client IP + phone */
  bind: RateLimitRule;
  /** current-password checks (password change, account cancel), per account */
  passwordCheck: RateLimitRule;
  /** the public 信息公示 routes, per client IP */
  publicity: RateLimitRule;
}

export interface SecurityConfig {
  /** Express "trust proxy": which proxies' X-Forwarded-For is believed, so that req.ip is the client's */
  trustProxy: boolean | number | string[];
  /** Strict-Transport-Security max-age in seconds; 0: no HSTS header (plain-HTTP deployments) */
  hstsMaxAgeSeconds: number;
  rateLimits: RateLimitsConfig;
  /**
   * audit rows of writes refused with no known actor (401: no token, a junk or expired one), per
   * client IP; beyond it the refusal is only logged, so an anonymous script cannot fill audit_logs
   */
  anonymousRefusalAudit: RateLimitRule;
  /** days a password stays valid after its owner set it (PASSWORD_MAX_AGE_DAYS); 0: it never expires */
  passwordMaxAgeDays: number;
}

export interface LoggingConfig {
  level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** json: one JSON object per line (production, log collectors); pretty: human-readable (development) */
  format: 'json' | 'pretty';
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

/** `10/60`: 10 requests per 60 seconds. */
function rateRule(env: Env, name: string, fallback: RateLimitRule): RateLimitRule {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d{1,7})\/(\d{1,6})$/.exec(raw.trim());
  if (!match) throw new ConfigError(name, `must be requests/seconds (e.g. 10/60), got "${raw}"`);
  const rule = { limit: Number(match[1]), windowSeconds: Number(match[2]) };
  if (rule.limit < 1 || rule.windowSeconds < 1 || rule.windowSeconds > 86_400) {
    throw new ConfigError(name, `needs at least 1 request and a window of 1 to 86400 seconds, got "${raw}"`);
  }
  return rule;
}

function rateLimitsConfig(env: Env, nodeEnv: AppConfig['env']): RateLimitsConfig {
  const enabled = oneOf(env, 'RATE_LIMITS', ['on', 'off'] as const, 'on') === 'on';
  if (!enabled && nodeEnv === 'production') throw new ConfigError('RATE_LIMITS', 'cannot be "off" in production');
  return {
    enabled,
    login: rateRule(env, 'RATE_LIMIT_LOGIN', { limit: 10, windowSeconds: 60 }),
    loginPerIp: rateRule(env, 'RATE_LIMIT_LOGIN_PER_IP', { limit: 100, windowSeconds: 60 }),
    wechatLogin: rateRule(env, 'RATE_LIMIT_WECHAT_LOGIN', { limit: 60, windowSeconds: 60 }),
    refresh: rateRule(env, 'RATE_LIMIT_REFRESH', { limit: 10, windowSeconds: 60 }),
    refreshPerIp: rateRule(env, 'RATE_LIMIT_REFRESH_PER_IP', { limit: 1000, windowSeconds: 60 }),
    smsCode: rateRule(env, 'RATE_LIMIT_SMS_CODE', { limit: 5, windowSeconds: 600 }),
    smsCodePerIp: rateRule(env, 'RATE_LIMIT_SMS_CODE_PER_IP', { limit: 20, windowSeconds: 600 }),
    bind: rateRule(env, 'RATE_LIMIT_BIND', { limit: 10, windowSeconds: 600 }),
    passwordCheck: rateRule(env, 'RATE_LIMIT_PASSWORD_CHECK', { limit: 10, windowSeconds: 900 }),
    publicity: rateRule(env, 'RATE_LIMIT_PUBLICITY', { limit: 120, windowSeconds: 60 }),
  };
}

const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** TRUST_PROXY: false, true (any proxy: only when nothing reaches the api but the proxy), a hop count, or addresses/CIDRs/loopback/uniquelocal. */
function trustProxy(env: Env): SecurityConfig['trustProxy'] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '') return ['loopback'];
  if (raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 6 ? 128 : 32));
    if (!(TRUST_PROXY_NAMES.includes(entry) || (isIP(address) && validBits && !rest.length))) {
      throw new ConfigError('TRUST_PROXY', `"${entry}" is not an IP address, a CIDR range or one of ${TRUST_PROXY_NAMES.join(', ')}`);
    }
  }
  return entries;
}

function securityConfig(env: Env, nodeEnv: AppConfig['env'], publicBaseUrl: string): SecurityConfig {
  // HSTS makes browsers refuse plain HTTP for a year: only when the platform is reached over HTTPS
  const https = publicBaseUrl.startsWith('https:');
  return {
    trustProxy: trustProxy(env),
    hstsMaxAgeSeconds: intVar(env, 'HSTS_MAX_AGE', https ? 365 * 24 * 3600 : 0, 0, 2 * 365 * 24 * 3600),
    rateLimits: rateLimitsConfig(env, nodeEnv),
    anonymousRefusalAudit: rateRule(env, 'AUDIT_ANONYMOUS_REFUSALS_PER_IP', { limit: 30, windowSeconds: 60 }),
    passwordMaxAgeDays: intVar(env, 'PASSWORD_MAX_AGE_DAYS', 90, 0, 3650),
  };
}

function loggingConfig(env: Env, nodeEnv: AppConfig['env']): LoggingConfig {
  return {
    level: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    format: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, nodeEnv === 'development' ? 'pretty' : 'json'),
  };
}

/** The development WeChat sign-in: on by default in embedded mode, never with a real database. */
function devWechatSignIn(env: Env, production: boolean): boolean {
  const requested = oneOf(env, 'WECHAT_DEV_SIGN_IN', ['true', 'false'] as const, production ? 'false' : 'true');
  if (requested === 'true' && production) throw new ConfigError('WECHAT_DEV_SIGN_IN', 'cannot be "true" when DATABASE_URL is set: the development sign-in lets anyone claim a WeChat identity');
  return requested === 'true';
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
  const publicBaseUrl = env.PUBLIC_BASE_URL || `http://localhost:${port}`;
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
      devSignIn: devWechatSignIn(env, production),
    },
    publicBaseUrl,
    notifications: notificationsConfig(env, { officialAccount, miniProgram }, sms),
    xlsxImport: {
      maxBytes: intVar(env, 'XLSX_IMPORT_MAX_BYTES', 10 * 1024 * 1024, 1024, 200 * 1024 * 1024),
      maxRows: intVar(env, 'XLSX_IMPORT_MAX_ROWS', 5000, 1, 1_000_000),
    },
    facilities: { dueWithinDays: intVar(env, 'FACILITY_DUE_WITHIN_DAYS', 30, 0, 366) },
    commonFunds: {
      overdueDays: intVar(env, 'COMMON_FUND_OVERDUE_DAYS', 30, 0, 3660),
      rectifyDays: intVar(env, 'COMMON_FUND_RECTIFY_DAYS', 15, 1, 3660),
      areaTypes: (env.COMMON_FUND_AREA_TYPES || 'RESIDENTIAL,MIXED').split(',').map((t) => t.trim()).filter(Boolean),
      feedUrl: urlVar(env, 'COMMON_FUND_FEED_URL', ['https:', 'http:']),
      feedTimeoutMs: intVar(env, 'COMMON_FUND_FEED_TIMEOUT_MS', 10_000, 100, 120_000),
      feedPullHour: intVar(env, 'COMMON_FUND_FEED_PULL_HOUR', 2, 0, 23),
      feedSilentDays: intVar(env, 'COMMON_FUND_FEED_SILENT_DAYS', 90, 1, 3660),
    },
    practitioners: {
      certificateExpiringDays: intVar(env, 'PRACTITIONER_CERT_EXPIRING_DAYS', 90, 0, 366),
      staleDays: intVar(env, 'PRACTITIONER_ROSTER_STALE_DAYS', 90, 1, 3660),
    },
    reminders: { cooldownHours: intVar(env, 'REMINDER_COOLDOWN_HOURS', 24, 0, 720) },
    disputes: {
      duplicateWindowDays: intVar(env, 'DISPUTE_DUPLICATE_WINDOW_DAYS', 180, 1, 3660),
      similarityThreshold: intVar(env, 'DISPUTE_SIMILARITY_PERCENT', 60, 1, 100) / 100,
      reminderHour: intVar(env, 'DISPUTE_REMINDER_HOUR', 9, 0, 23),
      exportStreamMaxRows: intVar(env, 'DISPUTE_EXPORT_STREAM_MAX_ROWS', 5000, 0, 1_000_000),
    },
    ownerEvaluations: {
      minSample: intVar(env, 'OWNER_EVALUATION_MIN_SAMPLE', 10, 1, 100_000),
      companyScore: companyScoreVar(env.OWNER_EVALUATION_COMPANY_SCORE),
      streakMonths: intVar(env, 'OWNER_EVALUATION_STREAK_MONTHS', 6, 2, 24),
      streakTop: intVar(env, 'OWNER_EVALUATION_STREAK_TOP', 10, 1, 1000),
      urgeParticipationPercent: intVar(env, 'OWNER_EVALUATION_URGE_PARTICIPATION_PERCENT', 2, 0, 100),
    },
    ownerDecisions: { publicityDays: intVar(env, 'OWNER_DECISION_PUBLICITY_DAYS', 7, 1, 90) },
    owners: { idHashSecret: env.OWNER_ID_HASH_SECRET || jwtSecret },
    security: securityConfig(env, nodeEnv, publicBaseUrl),
    logging: loggingConfig(env, nodeEnv),
    caches: {
      actorSeconds: intVar(env, 'ACTOR_CACHE_SECONDS', 30, 0, 300),
      listCountSeconds: intVar(env, 'LIST_COUNT_CACHE_SECONDS', 600, 0, 86_400),
    },
    downloads: {
      keepHours: intVar(env, 'DOWNLOAD_KEEP_HOURS', 72, 1, 24 * 366),
      staleMinutes: intVar(env, 'DOWNLOAD_STALE_MINUTES', 10, 1, 24 * 60),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

function companyScoreVar(value: string | undefined): CompanyScoreAggregation {
  if (!value) return CompanyScoreAggregation.RECORDS;
  if (!(Object.values(CompanyScoreAggregation) as string[]).includes(value)) {
    throw new ConfigError('OWNER_EVALUATION_COMPANY_SCORE', `must be one of ${Object.values(CompanyScoreAggregation).join(', ')}`);
  }
  return value as CompanyScoreAggregation;
}
