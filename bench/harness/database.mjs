// The city-scale bench database: reused when its bench_meta records the same seed parameters and
// record counts and no migration is pending; otherwise dropped, recreated and seeded again.
import { performance } from 'node:perf_hooks';
import { fromApi, loadApi } from './api-dist.mjs';

const META_TABLE = 'bench_meta';

/** Reads bench_meta of the database, or null when the database or the table does not exist. */
async function readMeta(mysql, url) {
  let connection;
  try {
    connection = await mysql.createConnection({ uri: url });
  } catch (error) {
    if (error.code === 'ER_BAD_DB_ERROR') return null;
    throw error;
  }
  try {
    const [tables] = await connection.query('SHOW TABLES LIKE ?', [META_TABLE]);
    if (!tables.length) return null;
    const [rows] = await connection.query(`SELECT k, v FROM ${META_TABLE}`);
    return Object.fromEntries(rows.map((r) => [r.k, JSON.parse(r.v)]));
  } finally {
    await connection.end();
  }
}

async function writeMeta(dataSource, meta) {
  await dataSource.query(`CREATE TABLE ${META_TABLE} (k VARCHAR(64) NOT NULL PRIMARY KEY, v MEDIUMTEXT NOT NULL)`);
  for (const [k, v] of Object.entries(meta)) await dataSource.query(`INSERT INTO ${META_TABLE} (k, v) VALUES (?, ?)`, [k, JSON.stringify(v)]);
}

/** Stable JSON (sorted keys), so that parameters compare whatever order a chapter writes them in. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

/**
 * Opens (and when needed seeds) the bench database.
 * spec: { url, config (the api's AppConfig for it), params: { name, seed, city, ... },
 *         generate({ dataSource, params, log }), counts(dataSource) → { label: number } }
 * Returns { dataSource, meta, reused, reasons }.
 */
export async function openBenchDatabase({ url, config, params, generate, counts, reseed, log, inProcessApp }) {
  const mysql = fromApi('mysql2/promise');
  const { DataSource } = fromApi('typeorm');
  const { dataSourceOptions } = loadApi('database/data-source-options.js');
  const { recreateMysqlDatabase } = loadApi('database/mysql-admin.js');

  const reasons = [];
  const meta = reseed ? null : await readMeta(mysql, url);
  if (reseed) reasons.push('BENCH_RESEED=1');
  else if (!meta) reasons.push('no bench_meta (new database)');
  else if (canonical(meta.params) !== canonical(params)) reasons.push(`seed parameters changed (was ${canonical(meta.params)})`);

  if (!reasons.length) {
    const dataSource = new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false });
    await dataSource.initialize();
    if (await dataSource.showMigrations()) reasons.push('migrations pending (the schema changed since the seed)');
    else {
      const now = await counts(dataSource);
      if (canonical(now) !== canonical(meta.counts)) reasons.push(`record counts differ (bench_meta ${canonical(meta.counts)}, now ${canonical(now)})`);
    }
    if (!reasons.length) return { dataSource, meta, reused: true, reasons };
    await dataSource.destroy();
  }

  log(`  seeding ${url.replace(/\/\/[^@]*@/, '//…@')} again: ${reasons.join('; ')}`);
  const started = performance.now();
  await recreateMysqlDatabase(url);
  // the app's first start runs the migrations and writes its reference data (the evaluation
  // catalogue, notice types, …) that the seed and the generators build on
  const app = await inProcessApp();
  try {
    const seedDataSource = app.get(DataSource);
    const meta = await seed(seedDataSource, { params, generate, counts, log, started });
    await writeMeta(seedDataSource, meta);
  } finally {
    await app.close();
  }
  const dataSource = new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false });
  await dataSource.initialize();
  return { dataSource, meta: await readMeta(mysql, url), reused: false, reasons };
}

async function seed(dataSource, { params, generate, counts, log, started }) {
  const { seedCity } = loadApi('seed/city-seed.js');
  let t0 = performance.now();
  const seeded = await seedCity(dataSource, { seed: params.seed, size: params.city, log: () => undefined });
  log(`  city seed (seed ${params.seed}, ${Object.entries(params.city).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // the seed's own time per table (seedCity's result), kept in bench_meta so that a reused database shows them too
  const cityTables = seeded.tables ?? [];
  logCityTables(cityTables, log);
  t0 = performance.now();
  await generate({ dataSource, params, log });
  log(`  chapter records generated: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return {
    params,
    counts: await counts(dataSource),
    // a throwaway password of a benchmark database, kept so that a reused database can be signed in to
    initialPassword: seeded.initialPassword,
    cityTables,
    seededAt: new Date().toISOString(),
    seedSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
}

/** The city seed's rows and seconds per table, one line each (bench_meta.cityTables, or seedCity's result). */
export function logCityTables(tables, log) {
  for (const t of tables) log(`    ${t.table.padEnd(28)} ${Number(t.rows).toLocaleString('en-US').padStart(11)} rows ${Number(t.seconds).toFixed(1).padStart(7)} s`);
}
