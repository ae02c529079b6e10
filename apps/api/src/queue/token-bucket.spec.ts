import { TokenBucket } from './token-bucket';

describe('TokenBucket (the in-process rate limiter)', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 1_000_000));

  it('paces takes evenly at the rate: one every 1/rate seconds', () => {
    const bucket = new TokenBucket(5, clock);
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBe(200);
    now += 199;
    expect(bucket.take()).toBe(1);
    now += 1;
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBe(200);
  });

  it('never stores more than its capacity however long it idles', () => {
    const paced = new TokenBucket(2, clock);
    now += 3_600_000;
    expect([paced.take(), paced.take()]).toEqual([0, 500]);
    const bursty = new TokenBucket(2, clock, 3);
    now += 3_600_000;
    expect([bursty.take(), bursty.take(), bursty.take(), bursty.take()]).toEqual([0, 0, 0, 500]);
  });

  it('does not take a token when it asks the caller to wait', () => {
    const bucket = new TokenBucket(1, clock);
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBe(1000);
    expect(bucket.take()).toBe(1000);
    now += 1000;
    expect(bucket.take()).toBe(0);
  });

  it('handles rates below one per second and refuses nonsense', () => {
    const bucket = new TokenBucket(0.5, clock);
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBe(2000);
    expect(() => new TokenBucket(0, clock)).toThrow('positive');
  });
});
