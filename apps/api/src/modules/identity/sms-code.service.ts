import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  IdentityErrorCode,
  SMS_CODE_LENGTH,
  SMS_CODE_TTL_SECONDS,
  SMS_LOCK_SECONDS,
  SMS_MAX_WRONG_ATTEMPTS,
  SMS_RESEND_INTERVAL_SECONDS,
} from '@szpm/contract';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager, IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { SMS_PROVIDER, SmsProvider, SmsSendError } from '../../integrations/sms/sms-provider';
import { SmsPurpose, SmsVerification } from './entities/sms-verification.entity';
import { IdentityException } from './identity.exception';

/** A code is kept only as HMAC-SHA256 keyed with the server secret, bound to its phone and purpose. */
export function hashSmsCode(secret: string, phone: string, purpose: SmsPurpose, code: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${phone}:${code}`).digest('hex');
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const CLAIM_RETRIES = 3;

/**
 * SMS verification codes: 6 digits, valid 5 minutes, no new code within 60 s, 5 wrong tries lock
 * the phone for 30 minutes. Wrong tries carry over to a code resent within those 30 minutes, so
 * asking for a new code does not buy new guesses.
 */
@Injectable()
export class SmsCodeService {
  private readonly logger = new Logger('SmsCode');

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(SmsVerification) private readonly verifications: Repository<SmsVerification>,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(phone: string, purpose: SmsPurpose): Promise<void> {
    const now = Date.now();
    const latest = await this.latest(phone, purpose);
    if (latest) {
      this.refuseIfLocked(latest, now);
      const resendAt = latest.sentAt.getTime() + SMS_RESEND_INTERVAL_SECONDS * 1000;
      if (resendAt > now) throw this.tooFrequent(resendAt - now);
    }
    const carriedFailures =
      latest && !latest.consumedAt && !latest.lockedUntil && latest.sentAt.getTime() > now - SMS_LOCK_SECONDS * 1000 ? latest.failedAttempts : 0;

    const code = String(randomInt(0, 10 ** SMS_CODE_LENGTH)).padStart(SMS_CODE_LENGTH, '0');
    const row = await this.verifications.save(
      this.verifications.create({
        phone,
        purpose,
        codeHash: hashSmsCode(this.config.jwtSecret, phone, purpose, code),
        sentAt: new Date(now),
        expiresAt: new Date(now + SMS_CODE_TTL_SECONDS * 1000),
        failedAttempts: carriedFailures,
        lockedUntil: null,
        consumedAt: null,
      }),
    );
    // two requests at the same moment both pass the check above: the earlier row wins, the later sends nothing
    const earlier = await this.verifications.findOne({
      where: { phone, purpose, id: LessThan(row.id), sentAt: MoreThan(new Date(now - SMS_RESEND_INTERVAL_SECONDS * 1000)) },
    });
    if (earlier) {
      await this.verifications.delete({ id: row.id });
      throw this.tooFrequent(earlier.sentAt.getTime() + SMS_RESEND_INTERVAL_SECONDS * 1000 - now);
    }

    try {
      await this.sms.sendVerificationCode(phone, code, SMS_CODE_TTL_SECONDS / 60);
    } catch (error) {
      // nothing reached the phone: do not make the officer wait 60 s for a code that never came
      await this.verifications.delete({ id: row.id });
      if (error instanceof SmsSendError) {
        this.logger.warn(`SMS to ${phone.slice(0, 3)}****${phone.slice(-4)} failed: ${error.providerCode ?? '-'} ${error.message}`);
        throw new IdentityException(IdentityErrorCode.SMS_SEND_FAILED, { details: { providerCode: error.providerCode } });
      }
      throw error;
    }
  }

  /**
   * Checks the code against the phone's latest one. On a match the code is consumed and `onMatch`
   * runs in the same transaction: if it throws, the code stays usable.
   */
  async consume<T>(phone: string, purpose: SmsPurpose, code: string, onMatch: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 0; attempt < CLAIM_RETRIES; attempt++) {
      const now = Date.now();
      const row = await this.latest(phone, purpose);
      if (!row || row.consumedAt) throw new IdentityException(IdentityErrorCode.SMS_CODE_EXPIRED);
      this.refuseIfLocked(row, now);
      // a lock that ran out killed its code as well
      if (row.lockedUntil || row.failedAttempts >= SMS_MAX_WRONG_ATTEMPTS) throw new IdentityException(IdentityErrorCode.SMS_CODE_EXPIRED);
      if (row.expiresAt.getTime() <= now) throw new IdentityException(IdentityErrorCode.SMS_CODE_EXPIRED);

      const unchanged = { id: row.id, failedAttempts: row.failedAttempts, consumedAt: IsNull(), lockedUntil: IsNull() };
      if (!this.matches(row, code)) {
        const failures = row.failedAttempts + 1;
        const lockedUntil = failures >= SMS_MAX_WRONG_ATTEMPTS ? new Date(now + SMS_LOCK_SECONDS * 1000) : null;
        const counted = await this.verifications.update(unchanged, { failedAttempts: failures, lockedUntil });
        if (!counted.affected) continue; // a concurrent try changed the row: judge again on fresh data
        if (lockedUntil) throw this.locked(lockedUntil, now);
        throw new IdentityException(IdentityErrorCode.SMS_CODE_INVALID, { details: { remainingAttempts: SMS_MAX_WRONG_ATTEMPTS - failures } });
      }

      const outcome = await this.dataSource.transaction(async (manager) => {
        const claimed = await manager.update(SmsVerification, unchanged, { consumedAt: new Date(now) });
        if (!claimed.affected) return { claimed: false as const };
        return { claimed: true as const, value: await onMatch(manager) };
      });
      if (outcome.claimed) return outcome.value;
    }
    throw new IdentityException(IdentityErrorCode.SMS_CODE_EXPIRED);
  }

  private matches(row: SmsVerification, code: string): boolean {
    const expected = Buffer.from(row.codeHash, 'hex');
    const given = Buffer.from(hashSmsCode(this.config.jwtSecret, row.phone, row.purpose, code), 'hex');
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private latest(phone: string, purpose: SmsPurpose): Promise<SmsVerification | null> {
    return this.verifications.findOne({ where: { phone, purpose }, order: { id: 'DESC' } });
  }

  private refuseIfLocked(row: SmsVerification, now: number): void {
    if (row.lockedUntil && row.lockedUntil.getTime() > now) throw this.locked(row.lockedUntil, now);
  }

  private locked(until: Date, now: number): IdentityException {
    return new IdentityException(IdentityErrorCode.SMS_CODE_LOCKED, {
      details: { lockedUntil: until.toISOString(), retryAfterSeconds: seconds(until.getTime() - now) },
    });
  }

  private tooFrequent(waitMs: number): IdentityException {
    const retryAfterSeconds = Math.min(SMS_RESEND_INTERVAL_SECONDS, seconds(waitMs));
    return new IdentityException(IdentityErrorCode.SMS_CODE_TOO_FREQUENT, {
      details: { retryAfterSeconds },
      message: `验证码发送过于频繁，请${retryAfterSeconds}秒后再试`,
    });
  }
}
