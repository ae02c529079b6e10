/**
 * Group commit for the delivery workers: callers ask for one key at a time, and the keys that
 * arrive while a batch is at the database go together in the next one. At a few hundred
 * deliveries in flight this turns three statements per message into three per batch; a lone
 * caller is not kept waiting (the first batch starts at once).
 */
export class Batcher<K, R> {
  private waiting: Array<{ key: K; resolve: (result: R) => void; reject: (error: unknown) => void }> = [];
  private inFlight = 0;

  constructor(
    private readonly runBatch: (keys: K[]) => Promise<R[]>,
    private readonly maxSize = 500,
    private readonly maxInFlight = 2,
  ) {}

  load(key: K): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < this.maxInFlight && this.waiting.length) {
      const batch = this.waiting.splice(0, this.maxSize);
      this.inFlight += 1;
      this.runBatch(batch.map((b) => b.key))
        .then(
          (results) => batch.forEach((b, i) => b.resolve(results[i])),
          (error: unknown) => batch.forEach((b) => b.reject(error)),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.pump();
        });
    }
  }
}
