import { InvalidatedCache } from './invalidated-cache';
import { InvalidationBus, LocalInvalidationBus } from './invalidation-bus';

class SwitchableBus extends LocalInvalidationBus {
  on = true;
  override get live(): boolean {
    return this.on;
  }
}

describe('InvalidatedCache', () => {
  let bus: SwitchableBus;
  let cache: InvalidatedCache<number>;
  let loads: number;
  const load = async () => ++loads;

  beforeEach(() => {
    bus = new SwitchableBus();
    cache = new InvalidatedCache<number>(bus, 'things', { ttlMs: 60_000, maxEntries: 2 });
    loads = 0;
  });

  it('answers from memory until its topic is published', async () => {
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    bus.publish('other');
    expect(await cache.get('a', load)).toBe(1);
    bus.publish('things');
    expect(await cache.get('a', load)).toBe(2);
  });

  it('does not keep an answer whose load began before a publication', async () => {
    let release!: () => void;
    const slow = cache.get('a', () => new Promise<number>((resolve) => (release = () => resolve(-1))));
    await Promise.resolve();
    bus.publish('things');
    release();
    expect(await slow).toBe(-1);
    expect(await cache.get('a', load)).toBe(1);
  });

  it('neither serves nor stores while the bus is not live', async () => {
    await cache.get('a', load);
    bus.on = false;
    expect(await cache.get('a', load)).toBe(2);
    expect(await cache.get('a', load)).toBe(3);
    bus.on = true;
    expect(await cache.get('a', load)).toBe(1);
  });

  it('expires entries after the TTL and keeps at most maxEntries', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    await cache.get('a', load);
    now.mockReturnValue(1_000_000 + 60_001);
    expect(await cache.get('a', load)).toBe(2);
    await cache.get('b', load);
    await cache.get('c', load);
    expect(cache.size).toBe(2);
    now.mockRestore();
  });

  it('is off with a TTL of 0', async () => {
    const off = new InvalidatedCache<number>(bus as InvalidationBus, 'things', { ttlMs: 0, maxEntries: 10 });
    await off.get('a', load);
    expect(await off.get('a', load)).toBe(2);
    expect(off.size).toBe(0);
  });
});
