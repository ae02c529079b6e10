import { createConnection } from 'mysql2/promise';
import { AppConfig } from '../config/app-config';

function split(url: string): { serverUrl: string; database: string } {
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`database name "${database}" must be letters, digits and _`);
  parsed.pathname = '/';
  return { serverUrl: parsed.toString(), database };
}

/** Drops and creates the database named in a mysql:// URL (scratch and test databases only). */
export async function recreateMysqlDatabase(url: string): Promise<void> {
  const { serverUrl, database } = split(url);
  const connection = await createConnection(serverUrl);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}

/** Creates the database named in a mysql:// URL if it does not exist. */
export async function ensureMysqlDatabase(url: string): Promise<void> {
  const { serverUrl, database } = split(url);
  const connection = await createConnection(serverUrl);
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}

/** MariaDB and MySQL report column metadata differently; TypeORM needs to know which one it talks to. */
export async function detectMysqlFlavour(url: string): Promise<'mysql' | 'mariadb'> {
  const { serverUrl } = split(url);
  const connection = await createConnection(serverUrl);
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return String((rows as Array<{ version: string }>)[0].version).toLowerCase().includes('mariadb') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/** Before the app starts: create the MySQL database when asked to, and learn the server's flavour. */
export async function prepareDatabase(config: AppConfig): Promise<AppConfig> {
  if (config.database.kind !== 'mysql') return config;
  if (process.env.CREATE_DATABASE === 'true') await ensureMysqlDatabase(config.database.url);
  return { ...config, database: { ...config.database, flavour: await detectMysqlFlavour(config.database.url) } };
}

/**
 * Copies every table of one database into another on the same server (scratch and test databases
 * only): the target is dropped and created, each table made LIKE its source (indexes included;
 * the schema has no foreign keys, triggers or views), then all filled by INSERT … SELECT in one
 * transaction.
 */
export async function copyMysqlDatabase(url: string, from: string, to: string): Promise<void> {
  const { serverUrl } = split(url);
  for (const name of [from, to]) if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`database name "${name}" must be letters, digits and _`);
  const connection = await createConnection(serverUrl);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${to}\``);
    await connection.query(`CREATE DATABASE \`${to}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [tables] = await connection.query(`SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'`, [from]);
    const names = (tables as Array<{ name: string }>).map((t) => t.name);
    for (const name of names) await connection.query(`CREATE TABLE \`${to}\`.\`${name}\` LIKE \`${from}\`.\`${name}\``);
    // the rows in one transaction: one commit to the log instead of one per table
    await connection.beginTransaction();
    for (const name of names) await connection.query(`INSERT INTO \`${to}\`.\`${name}\` SELECT * FROM \`${from}\`.\`${name}\``);
    await connection.commit();
  } finally {
    await connection.end();
  }
}

/** Drops the databases whose names start with a prefix, but one (stale test templates of earlier runs). */
export async function dropMysqlDatabases(url: string, prefix: string, keep: string): Promise<void> {
  const { serverUrl } = split(url);
  const connection = await createConnection(serverUrl);
  try {
    const [rows] = await connection.query(`SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ?`, [`${prefix.replace(/_/g, '\\_')}%`]);
    for (const { name } of rows as Array<{ name: string }>) if (name !== keep) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await connection.end();
  }
}

export async function mysqlDatabaseExists(url: string, name: string): Promise<boolean> {
  const { serverUrl } = split(url);
  const connection = await createConnection(serverUrl);
  try {
    const [rows] = await connection.query('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [name]);
    return (rows as unknown[]).length > 0;
  } finally {
    await connection.end();
  }
}

/** The database named in a mysql:// URL. */
export function mysqlDatabaseName(url: string): string {
  return split(url).database;
}
