import { Inject, Injectable } from '@nestjs/common';
import { CommonFundDirection, CommonFundErrorCode } from '@szpm/contract';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { CommonFundException } from './common-funds.exception';
import { FeedTransaction } from './common-fund-rules';

/** What a bank's feed answered: its transactions after a number, or an answer that is not a feed. */
export type FeedAnswer = { ok: true; transactions: FeedTransaction[] } | { ok: false; detail: string };

/**
 * The shared banks' transaction feed. The protocol (also spoken by test/fakes/fake-bank-feed-server.ts):
 * `GET {COMMON_FUND_FEED_URL}/banks/{bankCode}/accounts/{accountNo}/transactions?afterSeq=N` answers
 * `{ accountNo, transactions: [{ seq, time, direction: CREDIT | DEBIT, amount, balance, summary }] }`,
 * the transactions numbered continuously per account; amounts and balances in 元.
 */
export abstract class BankFeed {
  abstract transactions(bankCode: string, accountNo: string, afterSeq: number): Promise<FeedAnswer>;
}

/** Reads one transaction of an answer, or says what is wrong with it. */
export function parseFeedTransaction(raw: unknown): FeedTransaction | string {
  if (typeof raw !== 'object' || raw === null) return '流水不是对象';
  const r = raw as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);
  const seq = num(r.seq);
  const amount = num(r.amount);
  const balance = num(r.balance);
  if (!Number.isInteger(seq) || seq < 1) return `流水号无效：${String(r.seq)}`;
  if (r.direction !== CommonFundDirection.CREDIT && r.direction !== CommonFundDirection.DEBIT) return `流水号${seq}借贷方向无效：${String(r.direction)}`;
  if (!Number.isFinite(amount) || !Number.isFinite(balance)) return `流水号${seq}金额或余额无效`;
  if (typeof r.time !== 'string' || Number.isNaN(Date.parse(r.time))) return `流水号${seq}交易时间无效`;
  return { seq, time: r.time, direction: r.direction, amount, balance, summary: typeof r.summary === 'string' ? r.summary.slice(0, 128) : '' };
}

/** The feed over HTTP (fetch), at the configured endpoint. */
@Injectable()
export class HttpBankFeed extends BankFeed {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async transactions(bankCode: string, accountNo: string, afterSeq: number): Promise<FeedAnswer> {
    const base = this.config.commonFunds.feedUrl;
    if (!base) throw new CommonFundException(CommonFundErrorCode.FEED_NOT_CONFIGURED);
    const url = `${base.replace(/\/+$/, '')}/banks/${encodeURIComponent(bankCode)}/accounts/${encodeURIComponent(accountNo)}/transactions?afterSeq=${afterSeq}`;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.config.commonFunds.feedTimeoutMs), headers: { accept: 'application/json' } });
    } catch {
      throw new CommonFundException(CommonFundErrorCode.FEED_UNAVAILABLE);
    }
    if (response.status >= 500 || response.status === 429) throw new CommonFundException(CommonFundErrorCode.FEED_UNAVAILABLE);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { ok: false, detail: `银行返回的不是流水（HTTP ${response.status}）` };
    }
    if (!response.ok) return { ok: false, detail: `银行拒绝查询（HTTP ${response.status}）：${JSON.stringify(body).slice(0, 200)}` };
    const list = (body as { transactions?: unknown }).transactions;
    if (!Array.isArray(list)) return { ok: false, detail: '银行返回的流水缺少 transactions' };
    const transactions: FeedTransaction[] = [];
    for (const raw of list) {
      const parsed = parseFeedTransaction(raw);
      if (typeof parsed === 'string') return { ok: false, detail: parsed };
      transactions.push(parsed);
    }
    return { ok: true, transactions };
  }
}
