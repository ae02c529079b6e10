import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { shanghaiDate } from '../../common/http/shanghai-time';

/**
 * Runs the engine's transactions (serialized on SQLite by database/sqlite-transactions.ts; on MySQL
 * concurrent, relying on row locks and the optimistic version check) and numbers its forms.
 */
@Injectable()
export class WorkflowTransactions {
  constructor(private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * The next business number for a prefix on today's Shanghai date, e.g. BR-20261126-0001. One
   * atomic upsert per number; the counter row stays locked until the caller's transaction ends,
   * so concurrent forms never share a number.
   */
  async nextBusinessNo(manager: EntityManager, prefix: string, now = new Date()): Promise<string> {
    const name = `${prefix}-${shanghaiDate(now).replace(/-/g, '')}`;
    const upsert = this.isSqlite
      ? 'INSERT INTO workflow_sequences (name, lastValue) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET lastValue = lastValue + 1'
      : 'INSERT INTO workflow_sequences (name, lastValue) VALUES (?, 1) ON DUPLICATE KEY UPDATE lastValue = lastValue + 1';
    await manager.query(upsert, [name]);
    const [row] = (await manager.query('SELECT lastValue FROM workflow_sequences WHERE name = ?', [name])) as Array<{ lastValue: number | string }>;
    return `${name}-${String(Number(row.lastValue)).padStart(4, '0')}`;
  }

  /** `count` consecutive business numbers of today at once (a batch import), in one upsert. */
  async nextBusinessNos(manager: EntityManager, prefix: string, count: number, now = new Date()): Promise<string[]> {
    if (count < 1) return [];
    const name = `${prefix}-${shanghaiDate(now).replace(/-/g, '')}`;
    const upsert = this.isSqlite
      ? 'INSERT INTO workflow_sequences (name, lastValue) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET lastValue = lastValue + excluded.lastValue'
      : 'INSERT INTO workflow_sequences (name, lastValue) VALUES (?, ?) ON DUPLICATE KEY UPDATE lastValue = lastValue + VALUES(lastValue)';
    await manager.query(upsert, [name, count]);
    const [row] = (await manager.query('SELECT lastValue FROM workflow_sequences WHERE name = ?', [name])) as Array<{ lastValue: number | string }>;
    const first = Number(row.lastValue) - count + 1;
    return Array.from({ length: count }, (_, i) => `${name}-${String(first + i).padStart(4, '0')}`);
  }
}
