import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { shanghaiDate } from '../../common/http/shanghai-time';

/**
 * Runs the engine's transactions. On SQLite, TypeORM shares one connection between all requests,
 * so two transactions running at once would interleave (the second becomes a savepoint inside the
 * first, and a rollback of one can undo the other): there they run one after another. MySQL
 * transactions run concurrently and rely on row locks and the optimistic version check.
 */
@Injectable()
export class WorkflowTransactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.dataSource.transaction(work);
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
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
}
