import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { serializeSqliteTransactions } from './sqlite-transactions';

describe('serializeSqliteTransactions', () => {
  let dataSource: DataSource;
  beforeEach(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: join(mkdtempSync(join(tmpdir(), 'szpm-tx-')), 'db.sqlite') });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE t (v INTEGER)');
    serializeSqliteTransactions(dataSource);
  });
  afterEach(() => dataSource.destroy());

  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('keeps a rollback from undoing a concurrent transaction', async () => {
    const committing = dataSource.transaction(async (m) => {
      await m.query('INSERT INTO t VALUES (1)');
      await pause();
    });
    const failing = dataSource.transaction(async (m) => {
      await m.query('INSERT INTO t VALUES (2)');
      await pause();
      throw new Error('rolled back');
    });
    await committing;
    await expect(failing).rejects.toThrow('rolled back');
    expect(await dataSource.query('SELECT v FROM t')).toEqual([{ v: 1 }]);
  });

  it('runs transactions one after another, and lets a nested one join instead of waiting', async () => {
    const order: string[] = [];
    await Promise.all([
      dataSource.transaction(async () => {
        order.push('a start');
        await pause();
        await dataSource.transaction(async (m) => m.query('INSERT INTO t VALUES (3)'));
        order.push('a end');
      }),
      dataSource.transaction(async () => {
        order.push('b start');
        order.push('b end');
      }),
    ]);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
    expect(await dataSource.query('SELECT v FROM t')).toEqual([{ v: 3 }]);
  });
});
