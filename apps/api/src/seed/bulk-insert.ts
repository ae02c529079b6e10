import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { dialectOf, rowsPerStatement, SqlDialect } from '../common/sql/insert-rows';

/** Anything that runs SQL: an EntityManager inside a transaction or a QueryRunner. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Multi-row INSERTs in chunks, for the seed (thousands to a million rows). Rows are plain objects
 * keyed by entity property names; the column list is taken from the first row. Dates are
 * converted by the driver exactly as TypeORM would store them.
 */
export class BulkInserter {
  private readonly dialect: SqlDialect;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: SqlRunner,
  ) {
    this.dialect = dialectOf(dataSource);
  }

  /** Inserts all rows; returns how many. */
  async insert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: Iterable<Partial<T>>): Promise<number> {
    let chunk: Partial<T>[] = [];
    let count = 0;
    let chunkSize = 0;
    for (const row of rows) {
      if (!chunkSize) chunkSize = rowsPerStatement(this.dialect, Object.keys(row).length);
      chunk.push(row);
      if (chunk.length >= chunkSize) {
        await this.insertChunk(entity, chunk);
        count += chunk.length;
        chunk = [];
      }
    }
    if (chunk.length) {
      await this.insertChunk(entity, chunk);
      count += chunk.length;
    }
    return count;
  }

  private async insertChunk<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
    const metadata = this.dataSource.getMetadata(entity);
    const properties = Object.keys(rows[0]);
    const columns = properties.map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      return column;
    });
    const driver = this.dataSource.driver;
    const tuple = `(${properties.map(() => '?').join(', ')})`;
    const parameters: unknown[] = [];
    for (const row of rows) {
      for (let i = 0; i < properties.length; i++) {
        const value: unknown = row[properties[i]];
        parameters.push(value instanceof Date ? driver.preparePersistentValue(value, columns[i]) : (value ?? null));
      }
    }
    const sql =
      `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES ` +
      new Array(rows.length).fill(tuple).join(', ');
    await this.runner.query(sql, parameters);
  }
}
