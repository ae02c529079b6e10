import { createHash } from 'node:crypto';
import { applyDecorators, DynamicModule, ExecutionContext, HttpStatus, Injectable, Module, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModule, ThrottlerModuleOptions, ThrottlerOptions, ThrottlerStorage } from '@nestjs/throttler';
import { CommonErrorCode } from '@szpm/contract';
import type { Request, Response } from 'express';
import { AppConfig, RateLimitRule, RateLimitsConfig } from '../../config/app-config';
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
    { name: 'refresh', policy: 'refresh', rule: limits.refresh, tracker: clientIp },
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
    generateKey: (_context, tracker, name) => `${config.queuePrefix}:rate:${name}:${createHash('sha256').update(tracker).digest('hex').slice(0, 32)}`,
  }));
  return { throttlers, storage, setHeaders: false };
}

/**
 * Counts the requests of routes marked @RateLimit and answers 429 RATE_LIMITED, with Retry-After
 * and the wait in the Chinese message, beyond a limit. A route guard, so it runs after the access
 * guard (the password checks count per account).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
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

/** The throttler storage: Redis when REDIS_URL is set (counters shared by every api instance), else memory. */
@Module({})
export class ThrottlingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ThrottlingModule,
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
