import { DataSource } from 'typeorm';
import { ENTITIES } from '../database/entities';
import { SQLITE_MIGRATIONS } from '../database/migrations/sqlite';
import { isStrongPassword, verifyPassword } from '../modules/auth/password';
import { CITY_SIZE, cityPlan, seedCity } from './city-seed';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { emptyDataTables, parseSeedArguments } from './seed.cli';

/** The city seed's logic on a small city (the full one is benchmarked on MariaDB through the CLI). */
const SMALL_CITY = { propertyAreas: 400, companies: 120, projectManagers: 400, developers: 60, houses: 40_000 };

describe('city seed', () => {
  let ds: DataSource;
  const lines: string[] = [];
  let initialPassword: string;
  const count = async (sql: string) => Number(((await ds.query(sql)) as Array<{ n: number }>)[0].n);

  beforeAll(async () => {
    ds = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES, migrations: SQLITE_MIGRATIONS, migrationsRun: true }).initialize();
    ({ initialPassword } = await seedCity(ds, { seed: 5, log: (line) => lines.push(line), size: SMALL_CITY }));
  });
  afterAll(() => ds.destroy());

  it('writes exactly the asked numbers of areas, companies, managers, developers and houses', async () => {
    expect(await count(`SELECT COUNT(*) AS n FROM property_areas`)).toBe(SMALL_CITY.propertyAreas);
    expect(await count(`SELECT COUNT(*) AS n FROM property_companies`)).toBe(SMALL_CITY.companies);
    expect(await count(`SELECT COUNT(*) AS n FROM project_managers`)).toBe(SMALL_CITY.projectManagers);
    expect(await count(`SELECT COUNT(*) AS n FROM developers`)).toBe(SMALL_CITY.developers);
    expect(await count(`SELECT COUNT(*) AS n FROM houses`)).toBe(SMALL_CITY.houses);
    expect(await count(`SELECT SUM(houseCount) AS n FROM property_areas`)).toBe(SMALL_CITY.houses);
    expect(await count(`SELECT COUNT(*) AS n FROM regions WHERE level = 'COMMUNITY'`)).toBe(680);
    // every district has areas, the outer districts most
    const perDistrict = (await ds.query(`SELECT districtId, COUNT(*) AS n FROM property_areas GROUP BY districtId ORDER BY districtId`)) as Array<{ n: number }>;
    expect(perDistrict).toHaveLength(11);
    expect(perDistrict[3].n).toBeGreaterThan(perDistrict[0].n);
    expect(await count(`SELECT COUNT(*) AS n FROM property_companies c WHERE NOT EXISTS (SELECT 1 FROM property_areas a WHERE a.companyId = c.id)`)).toBe(0);
  });

  it('creates officers and unit accounts but none of the demo logins', async () => {
    const demoNames = DEMO_ACCOUNTS.map((a) => `'${a.username}'`).join(',');
    expect(await count(`SELECT COUNT(*) AS n FROM accounts WHERE username IN (${demoNames})`)).toBe(0);
    expect(await count(`SELECT COUNT(DISTINCT districtId) AS n FROM accounts WHERE role = 'DISTRICT_LEAD'`)).toBe(11);
    expect(await count(`SELECT COUNT(*) AS n FROM accounts WHERE unitCategory = 'PROJECT_MANAGER'`)).toBe(Math.round(SMALL_CITY.projectManagers * 0.7));
    const [admin] = (await ds.query(`SELECT passwordHash FROM accounts WHERE username = 'city.admin01'`)) as Array<{ passwordHash: string }>;
    expect(isStrongPassword(initialPassword)).toBe(true);
    expect(await verifyPassword(initialPassword, admin.passwordHash)).toBe(true);
  });

  it('gives every area its profile and buildings, every house its building (chapter 5)', async () => {
    expect(await count(`SELECT COUNT(*) AS n FROM property_area_profiles`)).toBe(SMALL_CITY.propertyAreas);
    expect(await count(`SELECT COUNT(*) AS n FROM houses h LEFT JOIN buildings b ON b.id = h.buildingId WHERE b.id IS NULL OR b.propertyAreaId <> h.propertyAreaId`)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM (SELECT propertyAreaId FROM buildings GROUP BY propertyAreaId HAVING COUNT(*) < 2 OR COUNT(*) > 30) x`)).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM property_areas WHERE coordinateStatus = 'PLOTTED'`) / SMALL_CITY.propertyAreas).toBeGreaterThan(0.75);
    // the names the list searches are indexed
    expect(await count(`SELECT COUNT(*) AS n FROM text_search_entries WHERE domain = 'property-area-name'`)).toBe(await count(`SELECT COUNT(DISTINCT name) AS n FROM property_areas`));
  });

  it('prints the time per table and in total', () => {
    for (const table of ['regions', 'property_companies', 'project_managers', 'property_areas', 'houses', 'property_area_profiles', 'buildings', 'text_search_entries', 'accounts']) {
      expect(lines.some((l) => l.startsWith(table) && /\d+(\.\d)? s$/.test(l))).toBe(true);
    }
    expect(lines[lines.length - 1]).toMatch(/^total \d+(\.\d)? s$/);
  });

  it('plans the full city of domain-notes.md', () => {
    const plan = cityPlan(CITY_SIZE).organisation;
    expect(plan.areasPerDistrict.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(plan).toMatchObject({ companies: 3_000, projectManagers: 10_000, houses: { total: 1_000_000 } });
    // a long tail: the largest estate holds 5,000 houses (chapter 5's house tree is measured on it)
    expect(plan.houses.estates?.[0]).toBe(5_000);
  });

  it('empties every data table for --reset', async () => {
    const other = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES, migrations: SQLITE_MIGRATIONS, migrationsRun: true }).initialize();
    try {
      await seedCity(other, { seed: 1, log: () => undefined, size: { propertyAreas: 20, companies: 5, projectManagers: 20, developers: 3, houses: 500 } });
      expect(await emptyDataTables(other)).toBeGreaterThanOrEqual(9);
      for (const table of ['regions', 'accounts', 'houses', 'module_grants']) {
        expect(await other.query(`SELECT COUNT(*) AS n FROM ${table}`)).toEqual([{ n: 0 }]);
      }
      // ids start from 1 again
      await seedCity(other, { seed: 1, log: () => undefined, size: { propertyAreas: 20, companies: 5, projectManagers: 20, developers: 3, houses: 500 } });
      expect(await other.query(`SELECT MIN(id) AS id FROM houses`)).toEqual([{ id: 1 }]);
    } finally {
      await other.destroy();
    }
  });
});

describe('seed command line', () => {
  it('reads scale, seed and reset', () => {
    expect(parseSeedArguments(['--scale', 'city', '--seed', '42', '--reset'])).toEqual({ scale: 'city', seed: 42, reset: true });
    expect(parseSeedArguments(['--scale=demo'])).toEqual({ scale: 'demo', seed: 1, reset: false });
  });

  it.each([
    [[], '--scale is required'],
    [['--scale', 'town'], '--scale must be demo or city'],
    [['--scale', 'demo', '--seed', 'x'], '--seed must be a whole number'],
    [['--scale', 'demo', '--seed'], '--seed needs a value'],
    [['--scale', 'demo', '--force'], 'unknown argument "--force"'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseSeedArguments(argv)).toThrow(message);
  });
});
