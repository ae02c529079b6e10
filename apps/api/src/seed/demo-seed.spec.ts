import { GrantAction, ModuleKey, Role, ROLE_DEFAULT_GRANTS } from '@szpm/contract';
import { DataSource } from 'typeorm';
import { ENTITIES } from '../database/entities';
import { SQLITE_MIGRATIONS } from '../database/migrations/sqlite';
import { verifyPassword } from '../modules/auth/password';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { seedDemo, seedDemoIfEmpty } from './demo-seed';
import { SeedTargetNotEmptyError } from './seed-writer';

async function freshDatabase(): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES, migrations: SQLITE_MIGRATIONS, migrationsRun: true });
  return dataSource.initialize();
}

type Rows = Array<Record<string, unknown>>;

describe('demo seed', () => {
  let ds: DataSource;
  const rows = (sql: string) => ds.query(sql) as Promise<Rows>;
  const count = async (sql: string) => Number((await rows(sql))[0].n);

  beforeAll(async () => {
    ds = await freshDatabase();
    // no time limit here (a loaded machine would fail it): e2e runs seed once and copy (test/support/seeded-template.ts)
    await seedDemo(ds);
  });
  afterAll(() => ds.destroy());

  it('creates the divisions of domain-notes.md with the id convention', async () => {
    const districts = await rows(`SELECT id, name FROM regions WHERE level = 'DISTRICT' ORDER BY id`);
    expect(districts.map((d) => d.name)).toEqual(['罗湖区', '福田区', '南山区', '宝安区', '龙岗区', '盐田区', '龙华区', '坪山区', '光明区', '大鹏新区', '深汕特别合作区']);
    expect(districts.map((d) => d.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(await count(`SELECT COUNT(*) AS n FROM regions WHERE level = 'STREET'`)).toBe(77);
    expect(await count(`SELECT COUNT(*) AS n FROM regions WHERE level = 'STREET' AND id / 100 <> districtId`)).toBe(0);
    expect((await rows(`SELECT name FROM regions WHERE id = 201`))[0].name).toBe('南园街道');
    expect(await count(`SELECT COUNT(*) AS n FROM regions WHERE level = 'COMMUNITY'`)).toBe(680);
    expect(await count(`SELECT COUNT(DISTINCT name) AS n FROM regions WHERE level = 'COMMUNITY'`)).toBe(680);
    expect(await count(`SELECT COUNT(*) AS n FROM regions WHERE level = 'COMMUNITY' AND (id / 100 <> streetId OR parentId <> streetId)`)).toBe(0);
    // every street has communities
    expect(await count(`SELECT COUNT(*) AS n FROM regions s WHERE s.level = 'STREET' AND NOT EXISTS (SELECT 1 FROM regions c WHERE c.parentId = s.id)`)).toBe(0);
  });

  it('populates 福田区 and 南山区 fully and every other district a little', async () => {
    for (const districtId of [2, 3]) {
      const areas = await count(`SELECT COUNT(*) AS n FROM property_areas WHERE districtId = ${districtId}`);
      expect(areas).toBeGreaterThanOrEqual(40);
      expect(areas).toBeLessThanOrEqual(60);
      const streetsWithout = await count(
        `SELECT COUNT(*) AS n FROM regions s WHERE s.level = 'STREET' AND s.districtId = ${districtId} AND NOT EXISTS (SELECT 1 FROM property_areas a WHERE a.streetId = s.id)`,
      );
      expect(streetsWithout).toBe(0);
      expect(await count(`SELECT COUNT(*) AS n FROM owners_committees WHERE districtId = ${districtId}`)).toBeGreaterThan(areas / 3);
    }
    for (const districtId of [1, 4, 5, 6, 7, 8, 9, 10, 11]) {
      expect(await count(`SELECT COUNT(*) AS n FROM property_areas WHERE districtId = ${districtId}`)).toBeGreaterThan(0);
    }
  });

  it('keeps the organisation consistent', async () => {
    // an area lies in its community, street and district
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM property_areas a JOIN regions c ON c.id = a.communityId WHERE c.level <> 'COMMUNITY' OR c.streetId <> a.streetId OR c.districtId <> a.districtId`,
      ),
    ).toBe(0);
    // a managed area's project manager works for its company in its district
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM property_areas a LEFT JOIN project_managers m ON m.id = a.projectManagerId
         WHERE a.companyId IS NOT NULL AND (m.id IS NULL OR m.companyId <> a.companyId OR m.districtId <> a.districtId)`,
      ),
    ).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM property_areas WHERE (companyId IS NULL) <> (projectManagerId IS NULL)`)).toBe(0);
    // every company runs at least one area
    expect(await count(`SELECT COUNT(*) AS n FROM property_companies c WHERE NOT EXISTS (SELECT 1 FROM property_areas a WHERE a.companyId = c.id)`)).toBe(0);
    // the house count of an area is its number of houses
    expect(
      await count(`SELECT COUNT(*) AS n FROM property_areas a WHERE a.houseCount <> (SELECT COUNT(*) FROM houses h WHERE h.propertyAreaId = a.id AND h.districtId = a.districtId)`),
    ).toBe(0);
    expect(await count(`SELECT COUNT(*) AS n FROM owners_committees o JOIN property_areas a ON a.id = o.propertyAreaId WHERE o.districtId <> a.districtId`)).toBe(0);
  });

  it('creates the demo logins, unbound, with the demo password and their grants', async () => {
    for (const demo of DEMO_ACCOUNTS) {
      const [account] = await rows(
        `SELECT a.*, r.name AS districtName FROM accounts a LEFT JOIN regions r ON r.id = a.districtId WHERE a.username = '${demo.username}'`,
      );
      expect(account).toMatchObject({ name: demo.name, role: demo.role, districtName: demo.district, wechatOpenId: null, miniOpenId: null, status: 'ACTIVE' });
    }
    const [handler] = await rows(`SELECT id, passwordHash FROM accounts WHERE username = 'futian.handler'`);
    expect(await verifyPassword(DEMO_PASSWORD, String(handler.passwordHash))).toBe(true);
    const grants = (await rows(`SELECT module, action FROM module_grants WHERE accountId = ${handler.id}`)).map((g) => `${g.module}:${g.action}`);
    expect(grants).toEqual(expect.arrayContaining(ROLE_DEFAULT_GRANTS[Role.DISTRICT_HANDLER].map((g) => `${g.module}:${g.action}`)));
    expect(grants).toEqual(expect.arrayContaining([`${ModuleKey.SERVICE_EVALUATION}:${GrantAction.OPERATE}`, `${ModuleKey.CREDIT}:${GrantAction.VIEW}`]));
    const leadGrants = (await rows(`SELECT g.module, g.action FROM module_grants g JOIN accounts a ON a.id = g.accountId WHERE a.username = 'nanshan.lead'`)).map(
      (g) => `${g.module}:${g.action}`,
    );
    expect(leadGrants).toEqual(expect.arrayContaining(['service-evaluation:view', 'credit:view', 'common-funds:view', 'safe-community:view', 'community-evaluations:view', 'green-property:view']));
    expect(leadGrants).not.toContain('service-evaluation:operate');
  });

  it('makes the counterpart logins speak for 福田区 units', async () => {
    const [company] = await rows(`SELECT a.name, a.phone, c.legalRepresentative, c.contactPhone, c.id FROM accounts a JOIN property_companies c ON c.id = a.unitId WHERE a.username = 'demo.company' AND a.unitCategory = 'PROPERTY_COMPANY'`);
    expect(company).toMatchObject({ legalRepresentative: company.name, contactPhone: company.phone });
    expect(await count(`SELECT COUNT(*) AS n FROM property_areas WHERE districtId = 2 AND companyId = ${company.id}`)).toBeGreaterThan(0);
    const [manager] = await rows(`SELECT m.* FROM accounts a JOIN project_managers m ON m.id = a.unitId WHERE a.username = 'demo.manager' AND a.unitCategory = 'PROJECT_MANAGER'`);
    expect(manager).toMatchObject({ companyId: company.id, districtId: 2 });
    const [committee] = await rows(`SELECT o.* FROM accounts a JOIN owners_committees o ON o.id = a.unitId WHERE a.username = 'demo.committee' AND a.unitCategory = 'OWNERS_COMMITTEE'`);
    expect(committee.districtId).toBe(2);
  });

  it('gives every person a unique mainland mobile number and a Chinese name', async () => {
    const people = await rows(`
      SELECT name, phone FROM accounts WHERE unitCategory IS NULL OR unitCategory = 'STREET_OFFICE'
      UNION ALL SELECT legalRepresentative, contactPhone FROM property_companies
      UNION ALL SELECT name, phone FROM project_managers
      UNION ALL SELECT chairName, chairPhone FROM owners_committees`);
    const phones = people.map((p) => String(p.phone));
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of people) {
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(p.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    }
    // unit accounts are their unit's person
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM accounts a JOIN project_managers m ON m.id = a.unitId WHERE a.unitCategory = 'PROJECT_MANAGER' AND (a.phone <> m.phone OR a.name <> m.name)`,
      ),
    ).toBe(0);
  });

  it('spreads accounts and WeChat binding as a real district would have them', async () => {
    const total = await count(`SELECT COUNT(*) AS n FROM accounts`);
    const bound = await count(`SELECT COUNT(*) AS n FROM accounts WHERE wechatOpenId IS NOT NULL`);
    expect(bound / total).toBeGreaterThan(0.4);
    expect(bound / total).toBeLessThan(0.6);
    expect(await count(`SELECT COUNT(*) AS n FROM accounts WHERE wechatOpenId IS NOT NULL AND (boundAt IS NULL OR length(wechatOpenId) <> 28)`)).toBe(0);
    const streets = await count(`SELECT COUNT(*) AS n FROM regions WHERE level = 'STREET'`);
    const streetOfficers = await count(`SELECT COUNT(DISTINCT unitId) AS n FROM accounts WHERE role = 'STREET_OFFICER'`);
    expect(streetOfficers / streets).toBeCloseTo(0.7, 1);
    const committees = await count(`SELECT COUNT(*) AS n FROM owners_committees`);
    const committeeAccounts = await count(`SELECT COUNT(*) AS n FROM accounts WHERE unitCategory = 'OWNERS_COMMITTEE'`);
    expect(committeeAccounts / committees).toBeCloseTo(0.7, 1);
    // each district has a lead, a supervisor and a handler
    expect(await count(`SELECT COUNT(DISTINCT districtId) AS n FROM accounts WHERE role = 'DISTRICT_LEAD'`)).toBe(11);
    expect(await count(`SELECT COUNT(DISTINCT districtId) AS n FROM accounts WHERE role = 'DISTRICT_HANDLER'`)).toBe(11);
    expect(await count(`SELECT COUNT(*) AS n FROM accounts WHERE role IN ('CITY_ADMIN','CITY_OFFICER') AND districtId IS NOT NULL`)).toBe(0);
  });

  it('refuses to seed twice, and the first-start seed seeds only an empty database', async () => {
    await expect(seedDemo(ds)).rejects.toBeInstanceOf(SeedTargetNotEmptyError);
    expect(await seedDemoIfEmpty(ds)).toBe(false);
    const empty = await freshDatabase();
    try {
      expect(await seedDemoIfEmpty(empty)).toBe(true);
      expect(await empty.query(`SELECT COUNT(*) AS n FROM accounts WHERE username = 'futian.handler'`)).toEqual([{ n: 1 }]);
    } finally {
      await empty.destroy();
    }
  });

  it('is deterministic for a seed number', async () => {
    const dump = async (source: DataSource) => {
      const tables = ['regions', 'property_companies', 'developers', 'project_managers', 'property_areas', 'owners_committees', 'houses', 'accounts', 'module_grants'];
      const result: Record<string, Rows> = {};
      for (const table of tables) {
        result[table] = ((await source.query(`SELECT * FROM ${table} ORDER BY id`)) as Rows).map(({ createdAt, updatedAt, passwordChangedAt, passwordHash, ...rest }) => rest);
      }
      return result;
    };
    const [again, other] = [await freshDatabase(), await freshDatabase()];
    try {
      await seedDemo(again, { seed: 1 });
      await seedDemo(other, { seed: 2 });
      const original = await dump(ds);
      expect(await dump(again)).toEqual(original);
      const different = await dump(other);
      expect(different.regions).toEqual(original.regions);
      expect(different.accounts).not.toEqual(original.accounts);
      expect(different.property_areas).not.toEqual(original.property_areas);
    } finally {
      await Promise.all([again.destroy(), other.destroy()]);
    }
  });
});
