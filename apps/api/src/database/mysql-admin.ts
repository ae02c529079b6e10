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
