import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/config/app-config';
import { copyMysqlDatabase, dropMysqlDatabases, mysqlDatabaseExists, mysqlDatabaseName } from '../../src/database/mysql-admin';

/**
 * The demo seed is the same for every e2e file of a jest run (it depends on the day and the owners'
 * ID-number hash secret only) and takes seconds on each; so the first file of a jest process seeds
 * and keeps a copy, and the other files start from the copy. The copy is keyed by the process and the
 * secret (SQLite: a file in the temp dir; MariaDB: a database); a new one removes those of
 * processes that have ended.
 */
const templateKey = (secret: string) => `${process.pid}_${createHash('sha256').update(secret).digest('hex').slice(0, 12)}`;
const sqliteTemplate = (secret: string) => join(tmpdir(), `szpm-e2e-seeded-${templateKey(secret)}.sqlite`);
const mysqlTemplatePrefix = (database: string) => `${database}__seeded_`;
const mysqlTemplate = (database: string, secret: string) => `${mysqlTemplatePrefix(database)}${templateKey(secret)}`;

/** Before the app boots: puts the seeded copy in place of the file's database; false when there is none yet. */
export async function restoreSeededTemplate(config: AppConfig): Promise<boolean> {
  const secret = config.owners.idHashSecret;
  if (config.database.kind === 'sqlite') {
    const template = sqliteTemplate(secret);
    if (!existsSync(template)) return false;
    copyFileSync(template, config.database.path);
    return true;
  }
  const database = mysqlDatabaseName(config.database.url);
  const template = mysqlTemplate(database, secret);
  if (!(await mysqlDatabaseExists(config.database.url, template))) return false;
  await copyMysqlDatabase(config.database.url, template, database);
  return true;
}

/** After the first file's seed: keeps the copy for the files after it. */
export async function keepSeededTemplate(config: AppConfig, dataSource: DataSource): Promise<void> {
  const secret = config.owners.idHashSecret;
  if (config.database.kind === 'sqlite') {
    const template = sqliteTemplate(secret);
    const partial = `${template}.${Date.now()}.partial`;
    await dataSource.query(`VACUUM INTO '${partial.replace(/'/g, "''")}'`);
    renameSync(partial, template);
    removeStaleSqliteTemplates(template);
    return;
  }
  const database = mysqlDatabaseName(config.database.url);
  const template = mysqlTemplate(database, secret);
  // templates of earlier runs (other processes) are dropped first
  await dropMysqlDatabases(config.database.url, mysqlTemplatePrefix(database), template);
  await copyMysqlDatabase(config.database.url, database, template);
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function removeStaleSqliteTemplates(keep: string): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = /^szpm-e2e-seeded-(\d+)_/.exec(name)?.[1];
    const path = join(tmpdir(), name);
    if (pid !== undefined && path !== keep && !isRunning(Number(pid))) rmSync(path, { force: true });
  }
}
