import { lastPullRun, pullJobId } from './common-fund-feed-schedule';

describe('the daily bank pull’s run time', () => {
  it('is today’s pull hour in Shanghai once it has passed, else yesterday’s', () => {
    // 03:30 Shanghai (19:30 UTC the day before), pull hour 2: today 02:00 Shanghai = 18:00 UTC the day before
    expect(lastPullRun(new Date('2026-12-01T19:30:00Z'), 2).toISOString()).toBe('2026-12-01T18:00:00.000Z');
    // 01:30 Shanghai: the 02:00 of today is still ahead, so yesterday's
    expect(lastPullRun(new Date('2026-12-01T17:30:00Z'), 2).toISOString()).toBe('2026-11-30T18:00:00.000Z');
    // exactly at the hour counts as run
    expect(lastPullRun(new Date('2026-12-01T18:00:00Z'), 2).toISOString()).toBe('2026-12-01T18:00:00.000Z');
    // hour 23 Shanghai is 15:00 UTC of the same Shanghai day
    expect(lastPullRun(new Date('2026-12-02T02:00:00Z'), 23).toISOString()).toBe('2026-12-01T15:00:00.000Z');
  });

  it('names one job per account and run', () => {
    const run = lastPullRun(new Date('2026-12-01T19:30:00Z'), 2);
    expect(pullJobId(42, run)).toBe('common-funds.pull:42:2026-12-01T18');
    expect(pullJobId(42, run)).not.toBe(pullJobId(43, run));
    expect(pullJobId(42, lastPullRun(new Date('2026-12-02T19:30:00Z'), 2))).not.toBe(pullJobId(42, run));
  });
});
