import { InvalidationBus } from './invalidation-bus';

export interface InvalidatedCacheOptions {
  /** how long an entry may be served at most (a bound for changes no write announces) */
  ttlMs: number;
  maxEntries: number;
}

/**
 * An in-memory cache of values loaded from the database, emptied whenever its topic is published
 * on the invalidation bus. A load that started before a publication is not stored (its answer may
 * predate the change), and nothing is stored or served while the bus is not live. At most
 * `maxEntries` entries; the oldest go first. A TTL of 0 turns the cache off.
 */
export class InvalidatedCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  private generation = 0;

  constructor(
    private readonly bus: InvalidationBus,
    readonly topic: string,
    private readonly options: InvalidatedCacheOptions,
  ) {
    bus.subscribe(topic, () => this.clear());
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (this.options.ttlMs <= 0 || !this.bus.live) return load();
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && hit.expiresAt > now) return hit.value;
    if (hit) this.entries.delete(key);
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation && this.bus.live) {
      if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, expiresAt: now + this.options.ttlMs });
    }
    return value;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
