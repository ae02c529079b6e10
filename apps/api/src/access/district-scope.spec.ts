import { CommonErrorCode, Role, UnitCategory } from '@szpm/contract';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { AppException } from '../common/errors/app.exception';
import { Actor } from './actor';
import { DistrictScope, scopeOf, StreetScoped } from './district-scope';

/** A district-owned entity with its own street column (like property areas). */
@Entity('scope_spec_areas')
class AreaRow {
  @PrimaryColumn({ type: 'int' }) id: number;
  @Column({ type: 'int', nullable: true }) districtId: number | null;
  @Column({ type: 'int', nullable: true }) streetId: number | null;
}

/** District-owned, no street column and no declared mapping (like a district's notice). */
@Entity('scope_spec_notes')
class NoteRow {
  @PrimaryColumn({ type: 'int' }) id: number;
  @Column({ type: 'int', nullable: true }) districtId: number | null;
}

/** No street column, but declares that it lies in the street of its area. */
@Entity('scope_spec_visits')
@StreetScoped((alias) => `${alias}.areaId IN (SELECT id FROM scope_spec_areas WHERE streetId = :scopeStreetId)`)
class VisitRow {
  @PrimaryColumn({ type: 'int' }) id: number;
  @Column({ type: 'int', nullable: true }) districtId: number | null;
  @Column({ type: 'int' }) areaId: number;
}

const actor = (role: Role, districtId: number | null, streetId: number | null = null): Actor => ({
  accountId: 1,
  name: '测试',
  role,
  districtId,
  streetId,
  unitCategory: role === Role.STREET_OFFICER ? UnitCategory.STREET_OFFICE : null,
  unitId: role === Role.STREET_OFFICER ? streetId : null,
  grants: new Set(),
  onBehalfOfId: null,
  onBehalfOfName: null,
});

const CITY = actor(Role.CITY_OFFICER, null);
const FUTIAN = actor(Role.DISTRICT_HANDLER, 2);
const YUANLING = actor(Role.STREET_OFFICER, 2, 202);
const COMPANY = { ...actor(Role.PROPERTY_COMPANY, 2), unitCategory: UnitCategory.PROPERTY_COMPANY, unitId: 7 };

async function refusal(work: () => unknown): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppException) return error.code;
    throw error;
  }
  return 'allowed';
}

/** The fields a 400 names (VALIDATION_FAILED). */
async function fields(work: () => unknown): Promise<string[]> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppException && error.code === CommonErrorCode.VALIDATION_FAILED) return (error.details as Array<{ field: string }>).map((d) => d.field);
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('scopeOf', () => {
  it('gives each kind of account its scope', () => {
    expect(scopeOf(CITY)).toEqual({ kind: 'city' });
    expect(scopeOf(actor(Role.CITY_ADMIN, null))).toEqual({ kind: 'city' });
    expect(scopeOf(FUTIAN)).toEqual({ kind: 'district', districtId: 2 });
    expect(scopeOf(actor(Role.DISTRICT_LEAD, 3))).toEqual({ kind: 'district', districtId: 3 });
    expect(scopeOf(YUANLING)).toEqual({ kind: 'street', districtId: 2, streetId: 202 });
    expect(scopeOf(COMPANY)).toEqual({ kind: 'district', districtId: 2 });
    expect(scopeOf(actor(Role.PROJECT_MANAGER, null))).toEqual({ kind: 'none' });
  });

  it('never widens a street-office account without its street to the district', () => {
    expect(scopeOf(actor(Role.STREET_OFFICER, 2, null))).toEqual({ kind: 'none' });
  });
});

describe('ScopedRepository and DistrictScope', () => {
  let dataSource: DataSource;
  let scope: DistrictScope;

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [AreaRow, NoteRow, VisitRow], synchronize: true });
    await dataSource.initialize();
    await dataSource.getRepository(AreaRow).insert([
      { id: 1, districtId: 2, streetId: 202 },
      { id: 2, districtId: 2, streetId: 202 },
      { id: 3, districtId: 2, streetId: 203 },
      { id: 4, districtId: 3, streetId: 301 },
    ]);
    await dataSource.getRepository(NoteRow).insert([
      { id: 1, districtId: 2 },
      { id: 2, districtId: 3 },
    ]);
    await dataSource.getRepository(VisitRow).insert([
      { id: 1, districtId: 2, areaId: 1 },
      { id: 2, districtId: 2, areaId: 3 },
      { id: 3, districtId: 3, areaId: 4 },
    ]);
    await dataSource.query(`CREATE TABLE regions (id INTEGER PRIMARY KEY, level VARCHAR, districtId INTEGER, streetId INTEGER)`);
    await dataSource.query(
      `INSERT INTO regions VALUES (2, 'DISTRICT', 2, NULL), (3, 'DISTRICT', 3, NULL), (202, 'STREET', 2, NULL), (203, 'STREET', 2, NULL), (301, 'STREET', 3, NULL), (20201, 'COMMUNITY', 2, 202), (20301, 'COMMUNITY', 2, 203)`,
    );
    scope = new DistrictScope(dataSource);
  });
  afterAll(() => dataSource.destroy());

  const ids = async (who: Actor, entity: typeof AreaRow | typeof NoteRow | typeof VisitRow) =>
    (await scope.repository(who, entity, '测试行').query('r').orderBy('r.id').getMany()).map((r) => r.id);

  it('lists only the rows of the scope', async () => {
    expect(await ids(CITY, AreaRow)).toEqual([1, 2, 3, 4]);
    expect(await ids(FUTIAN, AreaRow)).toEqual([1, 2, 3]);
    expect(await ids(YUANLING, AreaRow)).toEqual([1, 2]);
    expect(await refusal(() => ids(actor(Role.PROJECT_MANAGER, null), AreaRow))).toBe(CommonErrorCode.FORBIDDEN);
  });

  it('gives hot lists the same restriction as plain SQL (plainCondition), or refuses as query() does', async () => {
    const plainIds = async (who: Actor, entity: typeof AreaRow | typeof NoteRow) => {
      const condition = scope.repository(who, entity, '测试行').plainCondition('r');
      const table = dataSource.getMetadata(entity).tableName;
      const rows: Array<{ id: number }> = await dataSource.query(`SELECT r.id AS id FROM ${table} r${condition ? ` WHERE ${condition.sql}` : ''} ORDER BY r.id`, condition?.params ?? []);
      return rows.map((r) => r.id);
    };
    for (const who of [CITY, FUTIAN, YUANLING]) expect(await plainIds(who, AreaRow)).toEqual(await ids(who, AreaRow));
    expect(await plainIds(FUTIAN, NoteRow)).toEqual(await ids(FUTIAN, NoteRow));
    expect(await refusal(() => plainIds(YUANLING, NoteRow))).toBe(CommonErrorCode.FORBIDDEN);
    expect(await refusal(() => plainIds(actor(Role.PROJECT_MANAGER, null), AreaRow))).toBe(CommonErrorCode.FORBIDDEN);
  });

  it('refuses street accounts for an entity with no street, and follows a declared street mapping', async () => {
    expect(await ids(FUTIAN, NoteRow)).toEqual([1]);
    expect(await refusal(() => ids(YUANLING, NoteRow))).toBe(CommonErrorCode.FORBIDDEN);
    expect(await ids(FUTIAN, VisitRow)).toEqual([1, 2]);
    expect(await ids(YUANLING, VisitRow)).toEqual([1]);
  });

  it('finds one row only inside the scope', async () => {
    const find = (who: Actor, entity: typeof AreaRow | typeof NoteRow | typeof VisitRow, id: number) => refusal(() => scope.repository(who, entity, '测试行').findById(id));
    expect(await find(CITY, AreaRow, 4)).toBe('allowed');
    expect(await find(FUTIAN, AreaRow, 3)).toBe('allowed');
    expect(await find(FUTIAN, AreaRow, 4)).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await find(YUANLING, AreaRow, 2)).toBe('allowed');
    expect(await find(YUANLING, AreaRow, 3)).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await find(YUANLING, AreaRow, 4)).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await find(YUANLING, NoteRow, 1)).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await find(YUANLING, VisitRow, 1)).toBe('allowed');
    expect(await find(YUANLING, VisitRow, 2)).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await find(YUANLING, AreaRow, 99)).toBe(CommonErrorCode.NOT_FOUND);
    expect(await find(actor(Role.OWNERS_COMMITTEE, null), AreaRow, 1)).toBe(CommonErrorCode.OUT_OF_DISTRICT);
  });

  it('checks a list of ids in one call: missing ids first, then the scope', async () => {
    const all = (who: Actor, entity: typeof AreaRow | typeof VisitRow, list: number[]) => scope.repository(who, entity, '测试行').findAllByIds(list);
    expect((await all(FUTIAN, AreaRow, [3, 1, 3])).map((r) => r.id)).toEqual([3, 1]);
    expect((await all(YUANLING, AreaRow, [2, 1])).map((r) => r.id)).toEqual([2, 1]);
    expect((await all(CITY, AreaRow, [4, 1])).map((r) => r.id)).toEqual([4, 1]);
    expect(await all(FUTIAN, AreaRow, [])).toEqual([]);
    expect(await refusal(() => all(FUTIAN, AreaRow, [1, 4]))).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await refusal(() => all(YUANLING, AreaRow, [1, 3]))).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await refusal(() => all(YUANLING, VisitRow, [1, 2]))).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect((await all(YUANLING, VisitRow, [1])).map((r) => r.id)).toEqual([1]);
    expect(await refusal(() => all(CITY, AreaRow, [1, 98, 4]))).toBe(CommonErrorCode.NOT_FOUND);
    // a missing id is NOT_FOUND even when another id lies outside the scope
    expect(await refusal(() => all(FUTIAN, AreaRow, [4, 98]))).toBe(CommonErrorCode.NOT_FOUND);
    const queries = jest.spyOn(dataSource.getRepository(AreaRow), 'createQueryBuilder');
    await scope.repository(FUTIAN, AreaRow, '测试行').assertAllInScope([1, 2, 3]);
    expect(queries).toHaveBeenCalledTimes(1);
    queries.mockRestore();
  });

  it('narrows a list check by a condition and lets the caller name the field of missing ids', async () => {
    const streets = (list: number[]) =>
      scope.repository(FUTIAN, AreaRow, '测试行').findAllByIds(list, {
        where: { streetId: 202 },
        missing: (missing) => AppException.invalidField('streetIds', `缺少${missing.join('、')}`),
      });
    expect((await streets([2, 1])).map((r) => r.id)).toEqual([2, 1]);
    // row 3 exists but is not what the condition asks for: it counts as missing, and the caller's refusal names it
    await expect(streets([1, 3, 97])).rejects.toMatchObject({ code: CommonErrorCode.VALIDATION_FAILED, details: [{ field: 'streetIds', message: '缺少3、97' }] });
    // the scope is still checked after the condition
    const outside = scope.repository(FUTIAN, AreaRow, '测试行').findAllByIds([4], { where: { streetId: 301 }, missing: () => AppException.invalidField('streetIds', 'x') });
    await expect(outside).rejects.toMatchObject({ code: CommonErrorCode.OUT_OF_DISTRICT });
  });

  it('asserts a district (and street) for every kind of scope', async () => {
    const check = (who: Actor, districtId: number | null, streetId?: number | null) => refusal(() => scope.repository(who, AreaRow, '测试行').assertInScope(districtId, streetId));
    expect(await check(CITY, 3)).toBe('allowed');
    expect(await check(FUTIAN, 2)).toBe('allowed');
    expect(await check(FUTIAN, 3)).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await check(YUANLING, 2, 202)).toBe('allowed');
    expect(await check(YUANLING, 2, 203)).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await check(YUANLING, 2)).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await check(YUANLING, 3, 202)).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await check(actor(Role.PROJECT_MANAGER, null), 2)).toBe(CommonErrorCode.OUT_OF_DISTRICT);
  });

  it('resolves district filters, and keeps district-wide figures from street accounts', async () => {
    const resolve = (who: Actor, requested?: number) => scope.repository(who, AreaRow, '测试行').resolveDistrictFilter(requested);
    expect(resolve(CITY)).toBeNull();
    expect(resolve(CITY, 3)).toBe(3);
    expect(resolve(FUTIAN)).toBe(2);
    expect(resolve(YUANLING)).toBe(2);
    expect(await refusal(() => resolve(YUANLING, 3))).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(scope.repository(YUANLING, AreaRow, '测试行').streetId).toBe(202);
    expect(scope.repository(FUTIAN, AreaRow, '测试行').streetId).toBeNull();

    expect(scope.districtFilter(CITY)).toBeNull();
    expect(scope.districtFilter(FUTIAN)).toBe(2);
    expect(await refusal(() => scope.districtFilter(FUTIAN, 3))).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await refusal(() => scope.districtFilter(YUANLING))).toBe(CommonErrorCode.FORBIDDEN);
    expect(await refusal(() => scope.districtFilter(actor(Role.PROJECT_MANAGER, null)))).toBe(CommonErrorCode.FORBIDDEN);
  });

  it('resolves region filters for every kind of scope, refusing out-of-scope regions and inconsistent filters alike', async () => {
    const filter = (districtId: number | null, streetId: number | null, communityId: number | null = null) => ({ districtId, streetId, communityId });
    expect(await scope.regionFilter(CITY)).toEqual(filter(null, null));
    expect(await scope.regionFilter(CITY, { streetId: 301 })).toEqual(filter(3, 301));
    expect(await scope.regionFilter(CITY, { communityId: 20201 })).toEqual(filter(2, 202, 20201));
    expect(await scope.regionFilter(FUTIAN)).toEqual(filter(2, null));
    expect(await scope.regionFilter(FUTIAN, { streetId: 203 })).toEqual(filter(2, 203));
    // out of scope: OUT_OF_DISTRICT, whichever field names it
    expect(await refusal(() => scope.regionFilter(FUTIAN, { streetId: 301 }))).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await refusal(() => scope.regionFilter(FUTIAN, { districtId: 3 }))).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    // not a region of the level, unknown, or inconsistent: 400 naming the field
    expect(await fields(() => scope.regionFilter(FUTIAN, { streetId: 2 }))).toEqual(['streetId']);
    expect(await fields(() => scope.regionFilter(FUTIAN, { streetId: 999 }))).toEqual(['streetId']);
    expect(await fields(() => scope.regionFilter(CITY, { districtId: 202 }))).toEqual(['districtId']);
    expect(await fields(() => scope.regionFilter(CITY, { districtId: 3, streetId: 202 }))).toEqual(['streetId']);
    expect(await fields(() => scope.regionFilter(CITY, { streetId: 203, communityId: 20201 }))).toEqual(['communityId']);
    expect(await fields(() => scope.regionFilter(CITY, { districtId: 3, communityId: 20201 }))).toEqual(['communityId']);
    // a street-office account: its own street (and its own district, which it may name), nothing else
    expect(await scope.regionFilter(YUANLING)).toEqual(filter(2, 202));
    expect(await scope.regionFilter(YUANLING, { districtId: 2 })).toEqual(filter(2, 202));
    expect(await scope.regionFilter(YUANLING, { districtId: 2, streetId: 202 })).toEqual(filter(2, 202));
    expect(await scope.regionFilter(YUANLING, { communityId: 20201 })).toEqual(filter(2, 202, 20201));
    expect(await refusal(() => scope.regionFilter(YUANLING, { streetId: 203 }))).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await refusal(() => scope.regionFilter(YUANLING, { communityId: 20301 }))).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await refusal(() => scope.regionFilter(YUANLING, { districtId: 3 }))).toBe(CommonErrorCode.OUT_OF_DISTRICT);
    expect(await refusal(() => scope.regionFilter(actor(Role.PROJECT_MANAGER, null)))).toBe(CommonErrorCode.FORBIDDEN);
  });
});
