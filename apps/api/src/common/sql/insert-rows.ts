import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * What one statement may hold, per dialect. SQLite binds at most 32,766 parameters
 * (SQLITE_MAX_VARIABLE_NUMBER); MySQL prepared statements 65,535 (mysql2 formats `query` on the
 * client, so there the packet size decides: 5,000 rows of a few columns stays far below it).
 * Rows are capped too, so one statement never becomes a multi-megabyte string.
 */
export const STATEMENT_LIMITS = {
  sqlite: { parameters: 32_000, rows: 2_000 },
  mysql: { parameters: 60_000, rows: 5_000 },
} as const;

export type SqlDialect = keyof typeof STATEMENT_LIMITS;

export function dialectOf(source: DataSource | EntityManager): SqlDialect {
  const type = (source instanceof EntityManager ? source.connection : source).options.type;
  return type === 'better-sqlite3' ? 'sqlite' : 'mysql';
}

/** How many rows of `columns` columns one multi-row statement may carry on this dialect. */
export function rowsPerStatement(dialect: SqlDialect, columns: number): number {
  const limits = STATEMENT_LIMITS[dialect];
  return Math.max(1, Math.min(limits.rows, Math.floor(limits.parameters / Math.max(1, columns))));
}

/** Ids per `IN (…)` statement: far below both dialects' parameter limits, with room for the other conditions. */
export const IDS_PER_STATEMENT = 5_000;

/** Splits a list into pieces of at most `size` (e.g. the ids of an `IN (…)`). */
export function inChunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Multi-row INSERT of many rows in statements the dialect accepts. `manager.insert(Entity, rows)`
 * re-reads the generated columns with one `id = ? OR id = ? …` expression per statement, which
 * SQLite refuses beyond 1,000 terms (「Expression tree is too large」); the ids are not needed here,
 * so the entity is not updated and no re-read is made.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  options: { ignoreDuplicates?: boolean } = {},
): Promise<void> {
  if (!rows.length) return;
  const columns = Math.max(...rows.slice(0, 10).map((row) => Object.keys(row).length));
  for (const chunk of inChunks(rows, rowsPerStatement(dialectOf(manager), columns))) {
    const insert = manager.createQueryBuilder().insert().into(entity).values(chunk).updateEntity(false);
    await (options.ignoreDuplicates ? insert.orIgnore() : insert).execute();
  }
}
