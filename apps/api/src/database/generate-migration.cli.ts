/**
 * Writes a migration for each dialect from the difference between the committed migrations and
 * the entities: `npm run migration:generate -- AddDisputes`. MySQL uses a scratch database
 * (MIGRATION_DATABASE_URL, default mysql://root@127.0.0.1:3306/szpm_migration_scratch).
 */
import 'reflect-metadata';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { detectMysqlFlavour, recreateMysqlDatabase } from './mysql-admin';

function repositoryRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'nest-cli.json'))) {
    if (dirname(dir) === dir) throw new Error('run inside the repository');
    dir = dirname(dir);
  }
  return dir;
}

const SOURCE_DIR = join(repositoryRoot(__dirname), 'apps', 'api', 'src', 'database', 'migrations');

async function pendingQueries(database: DatabaseConfig): Promise<{ up: string[]; down: string[] }> {
  const dataSource = new DataSource({ ...dataSourceOptions(database), migrationsRun: false, logging: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((q) => q.query),
      down: sql.downQueries.map((q) => q.query).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}

function render(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

function writeIndex(dialect: 'mysql' | 'sqlite') {
  const dir = join(SOURCE_DIR, dialect);
  const files = readdirSync(dir).filter((f) => /^\d+-.*\.ts$/.test(f)).sort();
  const imports = files.map((f) => {
    const name = f.replace(/\.ts$/, '');
    const className = name.replace(/^(\d+)-(.*)$/, '$2$1');
    return { name, className };
  });
  const constName = dialect === 'mysql' ? 'MYSQL_MIGRATIONS' : 'SQLITE_MIGRATIONS';
  writeFileSync(
    join(dir, 'index.ts'),
    imports.map((i) => `import { ${i.className} } from './${i.name}';`).join('\n') +
      `\n\nexport const ${constName}: Function[] = [${imports.map((i) => i.className).join(', ')}];\n`,
  );
}

async function main() {
  const name = process.argv[2];
  // --check (CI): write nothing, fail when the entities need a migration that is not committed
  const checkOnly = name === '--check';
  if (!checkOnly && (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))) {
    console.error('usage: npm run migration:generate -- PascalCaseName   (or --check)');
    process.exit(2);
  }
  let drift = false;
  const timestamp = Date.now();
  const mysqlUrl = process.env.MIGRATION_DATABASE_URL || 'mysql://root@127.0.0.1:3306/szpm_migration_scratch';
  await recreateMysqlDatabase(mysqlUrl);
  const targets: Array<{ dialect: 'mysql' | 'sqlite'; database: DatabaseConfig }> = [
    { dialect: 'mysql', database: { kind: 'mysql', url: mysqlUrl, flavour: await detectMysqlFlavour(mysqlUrl) } },
    { dialect: 'sqlite', database: { kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'szpm-mig-')), 'scratch.sqlite') } },
  ];
  for (const { dialect, database } of targets) {
    const { up, down } = await pendingQueries(database);
    if (up.length === 0) {
      console.log(`${dialect}: schema already matches the entities${checkOnly ? '' : ', nothing written'}`);
      continue;
    }
    if (checkOnly) {
      drift = true;
      console.error(`${dialect}: the entities need ${up.length} statements that no committed migration has:`);
      up.forEach((q) => console.error(`  ${q}`));
      continue;
    }
    const file = join(SOURCE_DIR, dialect, `${timestamp}-${name}.ts`);
    writeFileSync(file, render(`${name}${timestamp}`, up, down));
    writeIndex(dialect);
    console.log(`${dialect}: wrote ${file} (${up.length} statements)`);
  }
  if (drift) {
    console.error('run `npm run migration:generate -- DescribeTheChange` and commit the result');
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
