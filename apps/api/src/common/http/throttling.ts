import { createHash } from 'node:crypto';
import { applyDecorators, DynamicModule, ExecutionContext, HttpStatus, Inject, Injectable, Logger, Module, OnApplicationBootstrap, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { InjectThrottlerStorage, ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModule, ThrottlerModuleOptions, ThrottlerOptions, ThrottlerStorage } from '@nestjs/throttler';
import { CommonErrorCode } from '@szpm/contract';
import type { Request, Response } from 'express';
import { AppConfig, APP_CONFIG, RateLimitRule, RateLimitsConfig } from '../../config/app-config';
import { AppException } from '../errors/app.exception';

/** What a rate-limited route is; each policy has one or more counters (settings RATE_LIMIT_*, config/app-config.ts). */
export type RateLimitPolicy = 'login' | 'wechat-login' | 'refresh' | 'sms-code' | 'bind' | 'password-check' | 'publicity';

const POLICY_KEY = 'szpm:rate-limit-policy';

type Tracker = (request: Request) => string;

const clientIp: Tracker = (request) => request.ip ?? request.socket.remoteAddress ?? 'unknown';

/** A string field of the JSON body, normalised, so that `Admin ` and `admin` share one counter. */
function bodyField(request: Request, field: string): string {
  const body: unknown = request.body;
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value.trim().toLowerCase().slice(0, 128) : '';
}

/** The refresh token presented, as is (tokens are case-sensitive); it is only ever stored hashed, like every tracker. */
function presentedRefreshToken(request: Request): string {
  const body: unknown = request.body;
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>).refreshToken : undefined;
  return typeof value === 'string' ? value.slice(0, 256) : '';
}

/** One counter: the policy it belongs to, its limit, and what it counts per. */
interface CounterRule {
  name: string;
  policy: RateLimitPolicy;
  rule: RateLimitRule;
  tracker: Tracker;
}

function counterRules(limits: RateLimitsConfig): CounterRule[] {
  return [
    { name: 'login', policy: 'login', rule: limits.login, tracker: (r) => `${clientIp(r)}|${bodyField(r, 'username')}` },
    { name: 'login-ip', policy: 'login', rule: limits.loginPerIp, tracker: clientIp },
    { name: 'wechat-login', policy: 'wechat-login', rule: limits.wechatLogin, tracker: clientIp },
    // per token, not per IP: behind one proxy hop every client may share an address, and junk tokens from it must not use up everyone's refreshes
    { name: 'refresh', policy: 'refresh', rule: limits.refresh, tracker: (r) => `token:${presentedRefreshToken(r)}` },
    { name: 'refresh-ip', policy: 'refresh', rule: limits.refreshPerIp, tracker: clientIp },
    { name: 'sms-code', policy: 'sms-code', rule: limits.smsCode, tracker: (r) => bodyField(r, 'phone') },
    { name: 'sms-code-ip', policy: 'sms-code', rule: limits.smsCodePerIp, tracker: clientIp },
    { name: 'bind', policy: 'bind', rule: limits.bind, tracker: (r) => `${clientIp(r)}|${bodyField(r, 'phone')}` },
    // runs after the access guard, so the account is known: a stolen token cannot guess the password from many IPs
    { name: 'password-check', policy: 'password-check', rule: limits.passwordCheck, tracker: (r) => `account:${r.actor?.accountId ?? clientIp(r)}` },
    { name: 'publicity', policy: 'publicity', rule: limits.publicity, tracker: clientIp },
  ];
}

function policyOf(context: ExecutionContext, reflector: Reflector): RateLimitPolicy | undefined {
  return reflector.get<RateLimitPolicy | undefined>(POLICY_KEY, context.getHandler());
}

/**
 * @nestjs/throttler options from the settings: one named throttler per counter, each counting only
 * the routes of its policy. Keys carry the deployment's prefix (several test runs share one Redis)
 * and a hash of the tracker, so that no username or phone number is stored in Redis in clear.
 */
export function throttlerOptions(config: AppConfig, storage: ThrottlerStorage | undefined): ThrottlerModuleOptions {
  const reflector = new Reflector();
  const { enabled } = config.security.rateLimits;
  const throttlers: ThrottlerOptions[] = counterRules(config.security.rateLimits).map((counter) => ({
    name: counter.name,
    limit: counter.rule.limit,
    ttl: counter.rule.windowSeconds * 1000,
    // RATE_LIMITS=off (test suites only) skips every counter
    skipIf: (context) => !enabled || context.getType() !== 'http' || policyOf(context, reflector) !== counter.policy,
    getTracker: (request) => counter.tracker(request as Request),
    generateKey: (_context, tracker, name) => counterKey(config, name, tracker),
  }));
  return { throttlers, storage, setHeaders: false };
}

function counterKey(config: AppConfig, name: string, tracker: string): string {
  return `${config.queuePrefix}:rate:${name}:${createHash('sha256').update(tracker).digest('hex').slice(0, 32)}`;
}

/**
 * Counts the requests of routes marked @RateLimit and answers 429 RATE_LIMITED, with Retry-After
 * and the wait in the Chinese message, beyond a limit. A route guard, so it runs after the access
 * guard (the password checks count per account).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  // ThrottlerGuard has a `logger` of its own
  private readonly counterFailures = new Logger(RateLimitGuard.name);

  /**
   * When the counters cannot be reached (Redis down) the request goes on, logged: the lockout in the
   * database still bounds password guesses, and sign-in must not fail with the cache.
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await super.canActivate(context);
    } catch (error) {
      if (error instanceof AppException) throw error;
      this.counterFailures.error(`rate-limit counters unavailable, request let through: ${error instanceof Error ? error.message : String(error)}`);
      return true;
    }
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    throw new AppException(CommonErrorCode.RATE_LIMITED, HttpStatus.TOO_MANY_REQUESTS, `操作过于频繁，请${waitText(seconds)}后再试`, { retryAfterSeconds: seconds });
  }
}

function waitText(seconds: number): string {
  return seconds <= 60 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`;
}

/** Limits the route's requests by the named policy's counters (settings RATE_LIMIT_*). */
export function RateLimit(policy: RateLimitPolicy): MethodDecorator {
  return applyDecorators(SetMetadata(POLICY_KEY, policy), UseGuards(RateLimitGuard));
}

/**
 * How many refused writes with no known actor (401) from one client IP get an audit row: at most
 * AUDIT_ANONYMOUS_REFUSALS_PER_IP per window, counted on the rate-limit counters, so that a script
 * without a token cannot fill audit_logs. Refusals of an actor are not counted: they are always audited.
 */
@Injectable()
export class AnonymousRefusalAuditBudget {
  private readonly logger = new Logger('Audit');

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether this anonymous refusal still gets its row; when the counters cannot be reached it does (the audit wins). */
  async admits(request: Request): Promise<boolean> {
    const { limit, windowSeconds } = this.config.security.anonymousRefusalAudit;
    const ttl = windowSeconds * 1000;
    try {
      const { totalHits } = await this.storage.increment(counterKey(this.config, 'audit-anonymous', clientIp(request)), ttl, limit, ttl, 'audit-anonymous');
      return totalHits <= limit;
    } catch (error) {
      this.logger.error(`audit budget counters unavailable, refusal audited: ${error instanceof Error ? error.message : String(error)}`);
      return true;
    }
  }
}

/** Whether `trust proxy` believes only the host itself, i.e. req.ip is the last hop's address, whatever proxy stands in front. */
function trustsOnlyLoopback(trustProxy: AppConfig['security']['trustProxy']): boolean {
  const loopback = new Set(['loopback', '127.0.0.1', '::1', '127.0.0.0/8', '::1/128']);
  return trustProxy === false || (Array.isArray(trustProxy) && trustProxy.every((entry) => loopback.has(entry)));
}

/**
 * Warns at start when a production deployment (DATABASE_URL set) believes no proxy but loopback:
 * behind a reverse proxy reaching the api through the Docker gateway every client then has the
 * gateway's address, and the per-IP limits and audit budget are shared by the whole city.
 */
@Injectable()
export class TrustProxyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('RateLimits');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    if (this.config.database.kind === 'mysql' && trustsOnlyLoopback(this.config.security.trustProxy)) {
      this.logger.warn(
        'TRUST_PROXY trusts only loopback: if a reverse proxy reaches the api from another address (e.g. the Docker gateway), ' +
          'every client shares its IP and the per-IP rate limits apply to all of them at once. Set TRUST_PROXY to the proxy address or network (README "Security").',
      );
    }
  }
}

/**
 * The throttler storage: Redis when REDIS_URL is set (counters shared by every api instance), else
 * memory; global, so that the access guard's audit budget counts on the same counters.
 */
@Module({})
export class ThrottlingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ThrottlingModule,
      global: true,
      providers: [AnonymousRefusalAuditBudget, TrustProxyCheck],
      exports: [AnonymousRefusalAuditBudget],
      imports: [
        ThrottlerModule.forRootAsync({
          useFactory: () =>
            // given the URL, the storage owns its connection and closes it when the app shuts down
            throttlerOptions(config, config.redisUrl ? new ThrottlerStorageRedisService(config.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: true }) : undefined),
        }),
      ],
    };
  }
}
