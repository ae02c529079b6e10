/**
 * A token bucket: `ratePerSecond` tokens a second, holding at most `capacity`. The in-process queue
 * uses it as its rate limiter with a capacity of one, which paces jobs evenly (one every 1/rate s)
 * so no second ever sees more than rate + 1 starts, even after a quiet spell — like Bull's limiter,
 * which the Bull queues use instead.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  readonly capacity: number;

  constructor(
    readonly ratePerSecond: number,
    private readonly now: () => number = Date.now,
    capacity?: number,
  ) {
    if (!(ratePerSecond > 0)) throw new Error('ratePerSecond must be positive');
    this.capacity = capacity ?? 1;
    this.tokens = this.capacity;
    this.updatedAt = now();
  }

  /** Takes one token: 0 when taken, else the milliseconds until one will be there (nothing taken). */
  take(): number {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    // the epsilon keeps float noise (0.995 tokens → 1.0000000000000009 ms) from adding a millisecond
    return Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond - 1e-9));
  }

  private refill() {
    const now = this.now();
    const elapsed = now - this.updatedAt;
    if (elapsed > 0) {
      this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.ratePerSecond) / 1000);
      this.updatedAt = now;
    }
  }
}
