import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, MoreThan, Repository } from 'typeorm';
import { IdentityLookupFailure } from './entities/identity-lookup-failure.entity';

const LOOKUP_FAILURE_LIMIT = 10;
const LOOKUP_WINDOW_MS = 30 * 60 * 1000;

/**
 * Chapter 1's limit on proving who one is: one WeChat identity may miss at most 10 times in 30
 * minutes, so nobody can walk through name / phone / ID combinations to find out who is registered.
 * `key` names the identity (an officer's openid, an owner identity).
 */
@Injectable()
export class LookupThrottle {
  constructor(@InjectRepository(IdentityLookupFailure) private readonly failures: Repository<IdentityLookupFailure>) {}

  async locked(key: string): Promise<boolean> {
    const since = new Date(Date.now() - LOOKUP_WINDOW_MS);
    return (await this.failures.count({ where: { openid: key, failedAt: MoreThan(since) } })) >= LOOKUP_FAILURE_LIMIT;
  }

  async recordMiss(key: string): Promise<void> {
    await this.failures.delete({ openid: key, failedAt: LessThan(new Date(Date.now() - LOOKUP_WINDOW_MS)) });
    await this.failures.insert({ openid: key, failedAt: new Date() });
  }
}
