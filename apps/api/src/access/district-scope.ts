import { Injectable } from '@nestjs/common';
import { Role } from '@szpm/contract';
import { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AppException } from '../common/errors/app.exception';
import { Actor, isCityActor } from './actor';
import { IDS_PER_STATEMENT, inChunks } from '../common/sql/insert-rows';

/**
 * What an actor may see: the whole city, one district, one street of a district (street-office
 * accounts), or no district-owned data at all (unit accounts).
 */
export type Scope =
  | { kind: 'city' }
  | { kind: 'district'; districtId: number }
  | { kind: 'street'; districtId: number; streetId: number }
  | { kind: 'none' };

export function scopeOf(actor: Actor): Scope {
  if (isCityActor(actor)) return { kind: 'city' };
  if (actor.districtId === null) return { kind: 'none' };
  if (actor.role === Role.STREET_OFFICER) {
    // a street-office account without its street sees nothing rather than the whole district
    return actor.streetId !== null ? { kind: 'street', districtId: actor.districtId, streetId: actor.streetId } : { kind: 'none' };
  }
  return { kind: 'district', districtId: actor.districtId };
}

/** Rows that belong to a district carry its id. */
export interface DistrictOwned extends ObjectLiteral {
  id: number;
  districtId: number | null;
}

/**
 * How rows of a district-owned entity without a `streetId` column lie in a street: an SQL
 * condition over the query's alias, using the parameter `:scopeStreetId`, e.g.
 * `${alias}.propertyAreaId IN (SELECT id FROM property_areas WHERE streetId = :scopeStreetId)`.
 */
export type StreetCondition = (alias: string) => string;

const STREET_CONDITIONS = new Map<unknown, StreetCondition>();

/**
 * Declares how an entity without a `streetId` column maps to a street, so that street-office
 * accounts may read it through the scoped door. Without a `streetId` column or this declaration
 * the door refuses street accounts for that entity.
 *
 *   @Entity('dispute_visits') @StreetScoped((a) => `${a}.caseId IN (SELECT id FROM dispute_cases WHERE streetId = :scopeStreetId)`)
 */
export function StreetScoped(condition: StreetCondition): ClassDecorator {
  return (target) => {
    STREET_CONDITIONS.set(target, condition);
  };
}

export interface FindAllOptions<T> {
  /** what a row must also be to count as found, e.g. `{ level: RegionLevel.STREET }` */
  where?: FindOptionsWhere<T>;
  /** the refusal for ids not found instead of NOT_FOUND, e.g. a 400 naming the request field they came in */
  missing?: (ids: number[]) => Error;
}

/**
 * A repository bound to an actor's scope. Every query it builds is already restricted to the
 * actor's district (and street); a row outside it is refused with OUT_OF_DISTRICT.
 */
export class ScopedRepository<T extends DistrictOwned> {
  constructor(
    readonly scope: Scope,
    private readonly repository: Repository<T>,
    private readonly label: string,
  ) {}

  /** The actor's district (for new rows), or null for city actors. */
  get districtId(): number | null {
    return this.scope.kind === 'district' || this.scope.kind === 'street' ? this.scope.districtId : null;
  }

  /** The actor's street for street-office accounts, else null. */
  get streetId(): number | null {
    return this.scope.kind === 'street' ? this.scope.streetId : null;
  }

  /** The entity has its own street column (the street filter is then a plain comparison). */
  private get hasStreetColumn(): boolean {
    return this.repository.metadata.findColumnWithPropertyName('streetId') !== undefined;
  }

  private get streetCondition(): StreetCondition | undefined {
    return STREET_CONDITIONS.get(this.repository.metadata.target);
  }

  query(alias: string): SelectQueryBuilder<T> {
    const qb = this.repository.createQueryBuilder(alias);
    switch (this.scope.kind) {
      case 'city':
        return qb;
      case 'district':
        return qb.where(`${alias}.districtId = :scopeDistrictId`, { scopeDistrictId: this.scope.districtId });
      case 'street': {
        const params = { scopeDistrictId: this.scope.districtId, scopeStreetId: this.scope.streetId };
        if (this.hasStreetColumn) return qb.where(`${alias}.districtId = :scopeDistrictId AND ${alias}.streetId = :scopeStreetId`, params);
        const condition = this.streetCondition;
        if (condition) return qb.where(`${alias}.districtId = :scopeDistrictId AND (${condition(alias)})`, params);
        throw AppException.forbidden(`街道办账号不能查看${this.label}`);
      }
      case 'none':
        throw AppException.forbidden();
    }
  }

  /**
   * The same restriction as query() as a plain-SQL condition with positional parameters, for hot
   * lists that skip the query builder; null for city scope. Street offices see only entities with
   * their own street column here.
   */
  plainCondition(alias: string): { sql: string; params: unknown[] } | null {
    switch (this.scope.kind) {
      case 'city':
        return null;
      case 'district':
        return { sql: `${alias}.districtId = ?`, params: [this.scope.districtId] };
      case 'street':
        if (this.hasStreetColumn) return { sql: `${alias}.districtId = ? AND ${alias}.streetId = ?`, params: [this.scope.districtId, this.scope.streetId] };
        throw AppException.forbidden(`街道办账号不能查看${this.label}`);
      case 'none':
        throw AppException.forbidden();
    }
  }

  async findById(id: number): Promise<T> {
    const row = await this.repository.findOne({ where: { id } as never });
    if (!row) throw AppException.notFound(this.label);
    await this.assertRowsInScope([row]);
    return row;
  }

  /**
   * The rows of all the ids, in the order asked, with one query: NOT_FOUND if any id does not
   * exist, OUT_OF_DISTRICT if any lies outside the actor's scope. Repeated ids are looked up once.
   */
  async findAllByIds(ids: readonly number[], options: FindAllOptions<T> = {}): Promise<T[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const rows: T[] = [];
    // one statement per piece keeps a long id list within the dialect's bound-parameter limit
    for (const scopeIds of inChunks(unique, IDS_PER_STATEMENT)) {
      const qb = this.repository.createQueryBuilder('row').where('row.id IN (:...scopeIds)', { scopeIds });
      if (options.where) qb.andWhere(options.where);
      rows.push(...(await qb.getMany()));
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const missing = unique.filter((id) => !byId.has(id));
    if (missing.length) throw options.missing?.(missing) ?? AppException.notFound(`${this.label}${missing.join('、')}`);
    await this.assertRowsInScope(rows);
    return unique.map((id) => byId.get(id)!);
  }

  /** Refuses unless every id exists (NOT_FOUND) and lies in the actor's scope (OUT_OF_DISTRICT). */
  async assertAllInScope(ids: readonly number[], options: FindAllOptions<T> = {}): Promise<void> {
    await this.findAllByIds(ids, options);
  }

  /**
   * For writes and for filters that name a district (and street): refuse anything outside the
   * actor's scope. Street-office accounts are refused unless the street is given and is theirs.
   */
  assertInScope(districtId: number | null, streetId?: number | null): void {
    switch (this.scope.kind) {
      case 'city':
        return;
      case 'district':
        if (districtId !== this.scope.districtId) throw AppException.outOfDistrict();
        return;
      case 'street':
        if (districtId !== this.scope.districtId || streetId !== this.scope.streetId) throw AppException.outOfDistrict();
        return;
      case 'none':
        throw AppException.outOfDistrict();
    }
  }

  /** A district filter a caller asked for, checked against the scope; district and street actors default to their own. */
  resolveDistrictFilter(requested: number | undefined): number | null {
    if (requested !== undefined) {
      if (this.scope.kind === 'street') {
        if (requested !== this.scope.districtId) throw AppException.outOfDistrict();
      } else {
        this.assertInScope(requested);
      }
      return requested;
    }
    return this.districtId;
  }

  private async assertRowsInScope(rows: readonly T[]): Promise<void> {
    if (this.scope.kind !== 'street' || this.hasStreetColumn) {
      for (const row of rows) this.assertInScope(row.districtId, (row as { streetId?: number | null }).streetId ?? null);
      return;
    }
    if (!this.streetCondition) throw AppException.outOfDistrict();
    // the entity maps to a street through its declared condition: count the rows the scoped query still sees
    const visible = await this.query('row')
      .andWhere('row.id IN (:...scopeIds)', { scopeIds: rows.map((row) => row.id) })
      .getCount();
    if (visible !== rows.length) throw AppException.outOfDistrict();
  }
}

/** A region filter as a caller asks for it (query parameters). */
export interface RegionFilterRequest {
  districtId?: number;
  streetId?: number;
  communityId?: number;
}

/** A region filter checked against the actor's scope and against itself; null: not narrowed at that level. */
export interface RegionFilter {
  districtId: number | null;
  streetId: number | null;
  communityId: number | null;
}

type RegionFilterLevel = 'DISTRICT' | 'STREET' | 'COMMUNITY';

const REGION_LEVEL_LABEL: Record<RegionFilterLevel, string> = { DISTRICT: '行政区', STREET: '街道', COMMUNITY: '社区' };

interface RegionRow {
  id: number | string;
  level: string;
  districtId: number | string;
  streetId: number | string | null;
}

interface LoadedRegion {
  id: number;
  districtId: number;
  streetId: number | null;
}

/** The one door to district-owned data: a repository cannot be had without the actor's scope. */
@Injectable()
export class DistrictScope {
  constructor(private readonly dataSource: DataSource) {}

  repository<T extends DistrictOwned>(actor: Actor, entity: EntityTarget<T>, label: string, manager?: EntityManager): ScopedRepository<T> {
    const repository = (manager ?? this.dataSource.manager).getRepository(entity);
    return new ScopedRepository(scopeOf(actor), repository, label);
  }

  /**
   * The district a statistic may cover: the requested one if the actor may see it, else the
   * actor's own; null means the whole city (city actors only). A district-wide figure is more than
   * a street-office account may see: they are refused here, and street-aware callers use
   * regionFilter.
   */
  districtFilter(actor: Actor, requested?: number): number | null {
    const scope = scopeOf(actor);
    if (scope.kind === 'none') throw AppException.forbidden();
    if (scope.kind === 'street') throw AppException.forbidden('街道办账号只能查看本街道的数据');
    if (requested === undefined) return scope.kind === 'district' ? scope.districtId : null;
    if (scope.kind === 'district' && requested !== scope.districtId) throw AppException.outOfDistrict();
    return requested;
  }

  /**
   * The regions a street-aware list or statistic may cover, from a requested district / street /
   * community, for every kind of scope: each requested id must be a region of its level (400
   * naming the field), inside the actor's scope (OUT_OF_DISTRICT: another district, or another
   * street for street-office accounts; their own district is theirs to name) and consistent with
   * the others (400 naming the field, e.g. a street not in the requested district). The levels not
   * requested follow from those requested and from the scope: district and street-office accounts
   * default to their own district (and street). null means "not narrowed".
   */
  async regionFilter(actor: Actor, requested: RegionFilterRequest = {}): Promise<RegionFilter> {
    const scope = scopeOf(actor);
    if (scope.kind === 'none') throw AppException.forbidden();
    const ids = [requested.districtId, requested.streetId, requested.communityId].filter((id): id is number => id !== undefined);
    const rows = ids.length
      ? ((await this.dataSource.query(`SELECT id, level, districtId, streetId FROM regions WHERE id IN (${ids.map(() => '?').join(', ')})`, ids)) as RegionRow[])
      : [];
    const load = (field: keyof RegionFilterRequest, level: RegionFilterLevel): LoadedRegion | null => {
      const id = requested[field];
      if (id === undefined) return null;
      const row = rows.find((r) => Number(r.id) === id);
      if (!row) throw AppException.invalidField(field, `${field}对应的${REGION_LEVEL_LABEL[level]}不存在`);
      if (row.level !== level) throw AppException.invalidField(field, `${field}不是${REGION_LEVEL_LABEL[level]}`);
      // a district's districtId is its own id, a street's street is itself
      return { id, districtId: Number(row.districtId), streetId: level === 'STREET' ? id : row.streetId === null ? null : Number(row.streetId) };
    };
    const district = load('districtId', 'DISTRICT');
    const street = load('streetId', 'STREET');
    const community = load('communityId', 'COMMUNITY');
    for (const region of [district, street, community]) {
      if (region === null || scope.kind === 'city') continue;
      if (region.districtId !== scope.districtId) throw AppException.outOfDistrict();
      if (scope.kind === 'street' && region !== district && region.streetId !== scope.streetId) throw AppException.outOfDistrict();
    }
    if (district && street && street.districtId !== district.id) throw AppException.invalidField('streetId', '该街道不属于所选行政区');
    if (street && community && community.streetId !== street.id) throw AppException.invalidField('communityId', '该社区不属于所选街道');
    if (district && community && community.districtId !== district.id) throw AppException.invalidField('communityId', '该社区不属于所选行政区');
    const own = scope.kind === 'city' ? { districtId: null, streetId: null } : { districtId: scope.districtId, streetId: scope.kind === 'street' ? scope.streetId : null };
    return {
      districtId: district?.id ?? street?.districtId ?? community?.districtId ?? own.districtId,
      streetId: street?.id ?? community?.streetId ?? own.streetId,
      communityId: community?.id ?? null,
    };
  }
}
