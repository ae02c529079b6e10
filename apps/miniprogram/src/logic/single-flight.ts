/**
 * `run` shared by concurrent callers: while one call is pending every caller gets its promise;
 * once it settles (either way) the next call runs again, so a failure is retried later.
 */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= run().finally(() => {
      pending = null;
    });
    return pending;
  };
}
