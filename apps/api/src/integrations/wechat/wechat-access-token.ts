import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AppConfig, APP_CONFIG, WechatAppConfig } from '../../config/app-config';
import { wechatRequest } from './wechat-http';
import { WechatApiError, WechatUnavailableError } from './wechat.client';

const TIMEOUT_MS = 8000;
/** WeChat's tokens live 7200 s; keep ours a little shorter so no call goes out with a token about to lapse */
const EXPIRY_MARGIN_MS = 5 * 60_000;
const REFRESH_LOCK_MS = 15_000;
const LOCK_WAIT_STEP_MS = 100;

export interface CachedAccessToken {
  token: string;
  /** epoch ms after which we no longer use it */
  expiresAt: number;
}

/**
 * Where the access tokens of the WeChat apps are kept between calls. A new token from
 * /cgi-bin/token invalidates the previous one after a short grace period, so all processes must
 * share one token per app and only one of them may fetch at a time.
 */
export interface AccessTokenStore {
  get(appId: string): Promise<CachedAccessToken | null>;
  set(appId: string, token: CachedAccessToken): Promise<void>;
  /** forgets the token, unless another process has stored a newer one meanwhile */
  invalidate(appId: string, token: string): Promise<void>;
  /** runs `refresh` while holding the app's refresh lock; null when another process holds it */
  withRefreshLock<T>(appId: string, refresh: () => Promise<T>): Promise<T | null>;
  close(): Promise<void>;
}

/** Redis (REDIS_URL): one token per app for every api and worker process, the key expiring with it. */
export class RedisAccessTokenStore implements AccessTokenStore {
  private static readonly DELETE_IF_EQUAL = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
  private readonly redis: Redis;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 3, lazyConnect: true });
  }

  private key(appId: string) {
    return `${this.prefix}:wechat:access-token:${appId}`;
  }

  async get(appId: string): Promise<CachedAccessToken | null> {
    const [[, token], [, ttl]] = (await this.redis.multi().get(this.key(appId)).pttl(this.key(appId)).exec()) as [[null, string | null], [null, number]];
    if (!token || ttl <= 0) return null;
    return { token, expiresAt: Date.now() + ttl };
  }

  async set(appId: string, token: CachedAccessToken): Promise<void> {
    await this.redis.set(this.key(appId), token.token, 'PX', Math.max(1, token.expiresAt - Date.now()));
  }

  async invalidate(appId: string, token: string): Promise<void> {
    await this.redis.eval(RedisAccessTokenStore.DELETE_IF_EQUAL, 1, this.key(appId), token);
  }

  async withRefreshLock<T>(appId: string, refresh: () => Promise<T>): Promise<T | null> {
    const lockKey = `${this.key(appId)}:refresh-lock`;
    const holder = randomUUID();
    if ((await this.redis.set(lockKey, holder, 'PX', REFRESH_LOCK_MS, 'NX')) !== 'OK') return null;
    try {
      return await refresh();
    } finally {
      await this.redis.eval(RedisAccessTokenStore.DELETE_IF_EQUAL, 1, lockKey, holder).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/** Embedded mode (one process, no Redis): kept in memory; WechatAccessTokens' single flight is the lock. */
export class MemoryAccessTokenStore implements AccessTokenStore {
  private readonly tokens = new Map<string, CachedAccessToken>();

  async get(appId: string): Promise<CachedAccessToken | null> {
    const cached = this.tokens.get(appId);
    return cached && cached.expiresAt > Date.now() ? cached : null;
  }

  async set(appId: string, token: CachedAccessToken): Promise<void> {
    this.tokens.set(appId, token);
  }

  async invalidate(appId: string, token: string): Promise<void> {
    if (this.tokens.get(appId)?.token === token) this.tokens.delete(appId);
  }

  withRefreshLock<T>(_appId: string, refresh: () => Promise<T>): Promise<T | null> {
    return refresh();
  }

  async close(): Promise<void> {}
}

export const ACCESS_TOKEN_STORE = Symbol('ACCESS_TOKEN_STORE');

/**
 * The server-side access token of a WeChat app (grant_type=client_credential), for the message
 * APIs. Cached in the store until shortly before expires_in; refreshed when it expires or when
 * WeChat says it is invalid (errcode 40001 / 42001 / 40014, see WechatMessageClient).
 */
@Injectable()
export class WechatAccessTokens implements OnModuleDestroy {
  private readonly logger = new Logger('WechatAccessToken');
  /** this process's copy, so a busy worker does not ask Redis before every message */
  private readonly local = new Map<string, CachedAccessToken>();
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly base: string;
  /** how many tokens this process fetched from WeChat (tests, logs) */
  fetched = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ACCESS_TOKEN_STORE) private readonly store: AccessTokenStore,
  ) {
    this.base = config.wechat.apiBase.replace(/\/+$/, '');
  }

  async token(app: WechatAppConfig): Promise<string> {
    const local = this.local.get(app.appId);
    if (local && local.expiresAt > Date.now()) return local.token;
    let pending = this.inFlight.get(app.appId);
    if (!pending) {
      pending = this.load(app).finally(() => this.inFlight.delete(app.appId));
      this.inFlight.set(app.appId, pending);
    }
    return pending;
  }

  /** WeChat refused `token`: drop it here and in the store (unless a newer one is already there). */
  async invalidate(app: WechatAppConfig, token: string): Promise<void> {
    if (this.local.get(app.appId)?.token === token) this.local.delete(app.appId);
    await this.store.invalidate(app.appId, token);
  }

  async onModuleDestroy() {
    await this.store.close();
  }

  private async load(app: WechatAppConfig): Promise<string> {
    const deadline = Date.now() + REFRESH_LOCK_MS + TIMEOUT_MS;
    for (;;) {
      const stored = await this.store.get(app.appId);
      if (stored) return this.remember(app, stored);
      const fresh = await this.store.withRefreshLock(app.appId, async () => {
        // another process may have stored one between our read and the lock
        const again = await this.store.get(app.appId);
        if (again) return again;
        const fetched = await this.fetch(app);
        await this.store.set(app.appId, fetched);
        return fetched;
      });
      if (fresh) return this.remember(app, fresh);
      if (Date.now() > deadline) throw new WechatUnavailableError('another process has been refreshing the access token for too long');
      await new Promise((resolve) => setTimeout(resolve, LOCK_WAIT_STEP_MS));
    }
  }

  private remember(app: WechatAppConfig, token: CachedAccessToken): string {
    this.local.set(app.appId, token);
    return token.token;
  }

  private async fetch(app: WechatAppConfig): Promise<CachedAccessToken> {
    const url = new URL(`${this.base}/cgi-bin/token`);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: app.appId, secret: app.secret }).toString();
    let response: { status: number; text: string };
    try {
      response = await wechatRequest(url, { method: 'GET', timeoutMs: TIMEOUT_MS });
    } catch (error) {
      throw new WechatUnavailableError(`token request failed: ${(error as Error).message}`);
    }
    let answer: { access_token?: unknown; expires_in?: unknown; errcode?: unknown; errmsg?: unknown };
    try {
      answer = JSON.parse(response.text) as typeof answer;
      if (typeof answer !== 'object' || answer === null) throw new Error('not an object');
    } catch {
      throw new WechatUnavailableError(`token request answered HTTP ${response.status} without JSON`);
    }
    if (typeof answer.errcode === 'number' && answer.errcode !== 0) throw new WechatApiError(answer.errcode, String(answer.errmsg ?? ''));
    if (typeof answer.access_token !== 'string' || typeof answer.expires_in !== 'number') {
      throw new WechatUnavailableError(`token request answered HTTP ${response.status} without a token`);
    }
    this.fetched += 1;
    const lifetimeMs = answer.expires_in * 1000;
    // a margin of 5 minutes, or half the lifetime if WeChat ever hands out short-lived tokens
    const keepMs = Math.max(lifetimeMs / 2, lifetimeMs - EXPIRY_MARGIN_MS);
    this.logger.log(`new access token for ${app.appId}, kept ${Math.round(keepMs / 1000)} s`);
    return { token: answer.access_token, expiresAt: Date.now() + keepMs };
  }
}
