import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export type FeedDirection = 'CREDIT' | 'DEBIT';

/** One transaction as the bank publishes it (元; the balance after it). */
export interface FakeFeedTransaction {
  seq: number;
  time: string;
  direction: FeedDirection;
  amount: number;
  balance: number;
  summary: string;
}

/**
 * A local stand-in for the shared banks' transaction feed, speaking the protocol of
 * src/modules/common-funds/bank-feed.ts: `GET /banks/{bankCode}/accounts/{accountNo}/transactions?afterSeq=N`
 * answers `{ accountNo, transactions }` with the account's transactions numbered after N; an
 * account the bank does not hold is 404. A test posts transactions (with a correct running
 * balance, or deliberately not), leaves numbers out (a gap), and makes the next answers fail.
 */
export class FakeBankFeedServer {
  readonly requests: Array<{ bankCode: string; accountNo: string; afterSeq: number }> = [];
  private readonly ledgers = new Map<string, FakeFeedTransaction[]>();
  private failures: Array<{ status: number; body: string }> = [];
  private readonly downBanks = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeBankFeedServer> {
    let fake: FakeBankFeedServer | undefined;
    const server = createServer((req, res) => fake!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeBankFeedServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return fake;
  }

  /** Opens the account at the bank (no transactions yet). */
  open(bankCode: string, accountNo: string): void {
    if (!this.ledgers.has(key(bankCode, accountNo))) this.ledgers.set(key(bankCode, accountNo), []);
  }

  /** Books transactions with correct numbers and running balances after the account's last one. */
  book(bankCode: string, accountNo: string, entries: Array<{ direction: FeedDirection; amount: number; summary?: string; time?: string }>): FakeFeedTransaction[] {
    const ledger = this.ledger(bankCode, accountNo);
    const booked: FakeFeedTransaction[] = [];
    for (const e of entries) {
      const last = ledger[ledger.length - 1];
      const before = Math.round((last?.balance ?? 0) * 100);
      const cents = Math.round(e.amount * 100);
      const t: FakeFeedTransaction = {
        seq: (last?.seq ?? 0) + 1,
        time: e.time ?? new Date(Date.UTC(2026, 4, 1) + ledger.length * 3600_000).toISOString(),
        direction: e.direction,
        amount: e.amount,
        balance: (e.direction === 'CREDIT' ? before + cents : before - cents) / 100,
        summary: e.summary ?? (e.direction === 'CREDIT' ? '广告收益' : '维修支出'),
      };
      ledger.push(t);
      booked.push(t);
    }
    return booked;
  }

  /** Publishes a transaction exactly as given (a wrong balance, a skipped number). */
  publishRaw(bankCode: string, accountNo: string, transaction: FakeFeedTransaction): void {
    this.ledger(bankCode, accountNo).push(transaction);
  }

  /** Replaces a published transaction (the bank corrects its feed). */
  correct(bankCode: string, accountNo: string, transaction: FakeFeedTransaction): void {
    const ledger = this.ledger(bankCode, accountNo);
    const index = ledger.findIndex((t) => t.seq === transaction.seq);
    if (index >= 0) ledger[index] = transaction;
    else ledger.push(transaction);
    ledger.sort((a, b) => a.seq - b.seq);
  }

  transactionsOf(bankCode: string, accountNo: string): FakeFeedTransaction[] {
    return [...this.ledger(bankCode, accountNo)];
  }

  /** The next `count` requests answer this status and body. */
  failNext(count: number, status: number, body = '{"error":"UNAVAILABLE"}'): void {
    for (let i = 0; i < count; i++) this.failures.push({ status, body });
  }

  /** Every request to this bank answers `status` until `bankUp` (a bank that is down; the others answer). */
  bankDown(bankCode: string, status = 503): void {
    this.downBanks.set(bankCode, status);
  }

  bankUp(bankCode: string): void {
    this.downBanks.delete(bankCode);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private ledger(bankCode: string, accountNo: string): FakeFeedTransaction[] {
    this.open(bankCode, accountNo);
    return this.ledgers.get(key(bankCode, accountNo))!;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body);
    };
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = /^\/banks\/([^/]+)\/accounts\/([^/]+)\/transactions$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) return send(404, JSON.stringify({ error: 'NO_SUCH_ROUTE' }));
    const bankCode = decodeURIComponent(match[1]);
    const accountNo = decodeURIComponent(match[2]);
    const afterSeq = Number(url.searchParams.get('afterSeq') ?? '0');
    this.requests.push({ bankCode, accountNo, afterSeq });
    const down = this.downBanks.get(bankCode);
    if (down !== undefined) return send(down, '{"error":"UNAVAILABLE"}');
    const failure = this.failures.shift();
    if (failure) return send(failure.status, failure.body);
    const ledger = this.ledgers.get(key(bankCode, accountNo));
    if (!ledger) return send(404, JSON.stringify({ error: 'ACCOUNT_UNKNOWN' }));
    send(200, JSON.stringify({ accountNo, transactions: ledger.filter((t) => t.seq > afterSeq) }));
  }
}

const key = (bankCode: string, accountNo: string) => `${bankCode}/${accountNo}`;
