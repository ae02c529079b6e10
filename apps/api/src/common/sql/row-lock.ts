import { EntityManager } from 'typeorm';

/**
 * The lock option of a find inside a transaction: on MySQL a locking read (it also answers the latest
 * committed row, not the transaction's snapshot); none on SQLite, whose transactions run one at a
 * time (and whose driver refuses lock modes).
 */
export function rowLock(manager: EntityManager, mode: 'pessimistic_read' | 'pessimistic_write'): { lock?: { mode: 'pessimistic_read' | 'pessimistic_write' } } {
  return manager.connection.options.type === 'better-sqlite3' ? {} : { lock: { mode } };
}
