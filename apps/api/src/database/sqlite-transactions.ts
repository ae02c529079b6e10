import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one connection for every request, so two transactions running at
 * once would interleave on it (the second becomes a savepoint of the first, and a rollback of one
 * can undo the other). In embedded mode every transaction of the data source therefore runs one
 * after another; a transaction opened inside one that is running joins it instead of waiting.
 * MySQL keeps real concurrent transactions (row locks, optimistic versions).
 */
export function serializeSqliteTransactions(dataSource: DataSource): DataSource {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource;
  const manager = dataSource.manager;
  const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const inside = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();

  const serialized = (...args: unknown[]): Promise<unknown> => {
    if (inside.getStore()) return original(...args);
    const result = tail.then(() => inside.run(true, () => original(...args)));
    tail = result.catch(() => undefined);
    return result;
  };
  (manager as { transaction: EntityManager['transaction'] }).transaction = serialized as EntityManager['transaction'];
  return dataSource;
}
