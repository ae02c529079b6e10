import { DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS } from './migrations/mysql';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/**
 * The schema is only ever changed by committed migrations (one set per dialect, generated from
 * the same entities by `npm run migration:generate`); never by synchronize.
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  if (database.kind === 'sqlite') {
    return {
      type: 'better-sqlite3',
      database: database.path,
      entities: ENTITIES,
      migrations: SQLITE_MIGRATIONS,
      migrationsRun: true,
      synchronize: false,
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  return {
    type: database.flavour,
    url: database.url,
    entities: ENTITIES,
    migrations: MYSQL_MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    extra: { connectionLimit: 20 },
  };
}
