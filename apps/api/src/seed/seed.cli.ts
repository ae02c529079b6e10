import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { prepareDatabase } from '../database/mysql-admin';
import { seedCity } from './city-seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { DEFAULT_SEED, seedDemo } from './demo-seed';
import { nonEmptyTables } from './seed-writer';

const USAGE = 'usage: npm run seed -- --scale demo|city [--seed N] [--reset]';

interface SeedArguments {
  scale: 'demo' | 'city';
  seed: number;
  reset: boolean;
}

/** Thrown for a bad command line; main() prints the message and the usage. */
class UsageError extends Error {}

export function parseSeedArguments(argv: readonly string[]): SeedArguments {
  let scale: string | undefined;
  let seed = DEFAULT_SEED;
  let reset = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--scale') scale = value();
    else if (flag === '--seed') {
      const raw = value();
      if (!/^\d{1,9}$/.test(raw)) throw new UsageError(`--seed must be a whole number, got "${raw}"`);
      seed = Number(raw);
    } else if (flag === '--reset') reset = true;
    else throw new UsageError(`unknown argument "${arg}"`);
  }
  if (scale !== 'demo' && scale !== 'city') throw new UsageError(scale === undefined ? '--scale is required' : `--scale must be demo or city, got "${scale}"`);
  return { scale, seed, reset };
}

/** The schema's tables (the migrations table aside) that exist in the database. */
async function dataTables(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const tables: string[] = [];
    for (const metadata of dataSource.entityMetadatas.filter((m) => m.tableType === 'regular')) {
      if (await runner.hasTable(metadata.tableName)) tables.push(metadata.tableName);
    }
    return tables;
  } finally {
    await runner.release();
  }
}

/** Empties every table of the schema (not the migrations table), so the seed can start again. */
export async function emptyDataTables(dataSource: DataSource): Promise<number> {
  const tables = await dataTables(dataSource);
  const q = (name: string) => dataSource.driver.escape(name);
  if (dataSource.options.type === 'better-sqlite3') {
    await dataSource.transaction(async (manager) => {
      for (const table of tables) await manager.query(`DELETE FROM ${q(table)}`);
      await manager.query(`DELETE FROM sqlite_sequence`);
    });
  } else {
    // TRUNCATE is much faster than DELETE on a million rows and resets the AUTO_INCREMENT counters
    for (const table of tables) await dataSource.query(`TRUNCATE TABLE ${q(table)}`);
  }
  return tables.length;
}

async function main(): Promise<number> {
  let args: SeedArguments;
  try {
    args = parseSeedArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    // the seed only uses the database settings; the API's other required settings (JWT secret, SMS) do not concern it
    const env = { ...process.env };
    if (env.DATABASE_URL) {
      env.JWT_SECRET ||= 'seed-cli-does-not-issue-tokens-0123456789';
      env.ALLOW_DEVELOPMENT_SMS = 'true';
    }
    config = await prepareDatabase(loadConfig(env));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const where = config.database.kind === 'sqlite' ? `SQLite ${config.database.path}` : `${config.database.flavour} ${redact(config.database.url)}`;
  console.log(`seed: scale ${args.scale}, seed ${args.seed}, into ${where}`);

  const started = Date.now();
  const dataSource = new DataSource({ ...dataSourceOptions(config.database), migrationsRun: false, logging: false });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) console.log(`migrations applied: ${applied.map((m) => m.name).join(', ')}`);

    const holding = await nonEmptyTables(dataSource, dataSource.manager, await dataTables(dataSource));
    if (holding.length && !args.reset) {
      console.error(
        `refusing to seed: the database already holds data (${holding.map((t) => `${t.table} ${t.rows}`).join(', ')}).\n` +
          'Run again with --reset to empty every table first (this deletes all data in that database).',
      );
      return 1;
    }
    if (holding.length) {
      const resetStarted = Date.now();
      const emptied = await emptyDataTables(dataSource);
      console.log(`--reset: emptied ${emptied} tables in ${((Date.now() - resetStarted) / 1000).toFixed(1)} s`);
    }

    if (args.scale === 'demo') {
      await seedDemo(dataSource, { seed: args.seed, ownerIdHashSecret: config.owners.idHashSecret });
      console.log(`demo logins (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`);
    } else {
      const result = await seedCity(dataSource, { seed: args.seed, log: (line) => console.log(`  ${line}`) });
      console.log(`seeded accounts (city.admin01, <district>.lead01, …) have the first password ${result.initialPassword}`);
    }
    console.log(`seed done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
