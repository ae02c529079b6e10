import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { Account } from '../access/entities/account.entity';
import { ModuleGrant } from '../access/entities/module-grant.entity';
import { Developer } from '../modules/regions/entities/developer.entity';
import { House } from '../modules/regions/entities/house.entity';
import { OwnersCommittee } from '../modules/regions/entities/owners-committee.entity';
import { ProjectManager } from '../modules/regions/entities/project-manager.entity';
import { PropertyArea } from '../modules/regions/entities/property-area.entity';
import { PropertyCompany } from '../modules/regions/entities/property-company.entity';
import { Region } from '../modules/regions/entities/region.entity';
import { SeededAccounts } from './accounts';
import { BulkInserter, SqlRunner } from './bulk-insert';
import { HouseRow, housesOf, Organisation } from './organisation';
import { SeededRandom } from './random';
import { propertyAreaSteps } from './property-area-seed';
import { Building } from '../modules/property-areas/entities/building.entity';
import { PropertyAreaProfile } from '../modules/property-areas/entities/property-area-profile.entity';

/** The tables the seed fills. It assigns their ids itself, so they must be empty. */
export const SEEDED_ENTITIES: EntityTarget<ObjectLiteral>[] = [Region, PropertyCompany, Developer, ProjectManager, PropertyArea, OwnersCommittee, House, PropertyAreaProfile, Building, Account, ModuleGrant];

/** The seed refuses to write into tables that already hold rows. */
export class SeedTargetNotEmptyError extends Error {
  constructor(readonly tables: Array<{ table: string; rows: number }>) {
    super(
      `the database already holds data (${tables.map((t) => `${t.table}: ${t.rows} rows`).join(', ')}); ` +
        'the seed only writes into empty tables (the seed CLI empties them with --reset)',
    );
  }
}

/** The tables among the given ones that hold rows, with their row counts. */
export async function nonEmptyTables(dataSource: DataSource, runner: SqlRunner, tables: string[]): Promise<Array<{ table: string; rows: number }>> {
  const found: Array<{ table: string; rows: number }> = [];
  for (const table of tables) {
    const rows = (await runner.query(`SELECT COUNT(*) AS n FROM ${dataSource.driver.escape(table)}`)) as Array<{ n: number | string }>;
    if (Number(rows[0].n) > 0) found.push({ table, rows: Number(rows[0].n) });
  }
  return found;
}

export async function assertSeedTablesEmpty(dataSource: DataSource, runner: SqlRunner): Promise<void> {
  const found = await nonEmptyTables(dataSource, runner, SEEDED_ENTITIES.map((entity) => dataSource.getMetadata(entity).tableName));
  if (found.length) throw new SeedTargetNotEmptyError(found);
}

/** One table's worth of rows, written as one step (the city seed times and commits each step). */
export interface SeedStep {
  table: string;
  entity: EntityTarget<ObjectLiteral>;
  rows: () => Iterable<ObjectLiteral>;
}

export function seedSteps(org: Organisation, seeded: SeededAccounts, houseRng: SeededRandom): SeedStep[] {
  // chapter 5: fills the areas' registry fields, then writes profiles and buildings after the houses
  const registry = propertyAreaSteps(org, houseRng);
  return [
    { table: 'regions', entity: Region, rows: () => org.regions },
    { table: 'property_companies', entity: PropertyCompany, rows: () => org.companies },
    { table: 'developers', entity: Developer, rows: () => org.developers },
    { table: 'project_managers', entity: ProjectManager, rows: () => org.projectManagers },
    { table: 'property_areas', entity: PropertyArea, rows: () => org.areas },
    { table: 'owners_committees', entity: OwnersCommittee, rows: () => org.committees },
    { table: 'houses', entity: House, rows: () => allHouses(org, houseRng) },
    ...registry,
    { table: 'accounts', entity: Account, rows: () => seeded.accounts },
    { table: 'module_grants', entity: ModuleGrant, rows: () => seeded.grants },
  ];
}

function* allHouses(org: Organisation, houseRng: SeededRandom): Generator<HouseRow> {
  for (const area of org.areas) yield* housesOf(area, org.typicalHouseSize.get(area.id)!, houseRng.fork(area.id));
}

export async function writeStep(dataSource: DataSource, runner: SqlRunner, step: SeedStep): Promise<number> {
  return new BulkInserter(dataSource, runner).insert(step.entity, step.rows());
}
