import type { SqlDialect } from './insert-rows';

/** A datetime column as either driver reads it in plain SQL: mysql2 a Date (timezone Z), better-sqlite3 the UTC text TypeORM wrote. */
export function sqlDateTime(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/** An instant as a plain-SQL parameter compared with a datetime column: mysql2 binds a Date, SQLite holds TypeORM's UTC text. */
export function sqlInstant(instant: Date, dialect: SqlDialect): Date | string {
  return dialect === 'sqlite' ? instant.toISOString().replace('T', ' ').replace('Z', '') : instant;
}
