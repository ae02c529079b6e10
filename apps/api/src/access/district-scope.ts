import { Injectable } from '@nestjs/common';
import { Role } from '@szpm/contract';
import { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AppException } from '../common/errors/app.exception';
import { Actor, isCityActor } from './actor';

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
    const qb = this.repository.createQueryBuilder('row').where('row.id IN (:...scopeIds)', { scopeIds: unique });
    if (options.where) qb.andWhere(options.where);
    const rows = await qb.getMany();
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
   * streetFilter.
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
   * The district and street a street-aware list or statistic may cover. Street-office accounts get
   * their own (a different one requested is OUT_OF_DISTRICT); others get the requested district
   * (checked as districtFilter does) and the requested street, which must be a street of a district
   * they may see (NOT_FOUND if there is no such street, OUT_OF_DISTRICT if it lies elsewhere, 400
   * if it is not in the requested district). null means "not narrowed".
   */
  async streetFilter(actor: Actor, requested: { districtId?: number; streetId?: number } = {}): Promise<{ districtId: number | null; streetId: number | null }> {
    const scope = scopeOf(actor);
    if (scope.kind === 'none') throw AppException.forbidden();
    if (scope.kind === 'street') {
      if (requested.districtId !== undefined && requested.districtId !== scope.districtId) throw AppException.outOfDistrict();
      if (requested.streetId !== undefined && requested.streetId !== scope.streetId) throw AppException.outOfDistrict();
      return { districtId: scope.districtId, streetId: scope.streetId };
    }
    const districtId = this.districtFilter(actor, requested.districtId);
    if (requested.streetId === undefined) return { districtId, streetId: null };
    const [street] = (await this.dataSource.query(`SELECT districtId FROM regions WHERE id = ? AND level = 'STREET'`, [requested.streetId])) as Array<{ districtId: number | string }>;
    if (!street) throw AppException.notFound('街道');
    const streetDistrictId = Number(street.districtId);
    if (scope.kind === 'district' && streetDistrictId !== scope.districtId) throw AppException.outOfDistrict();
    if (districtId !== null && streetDistrictId !== districtId) throw AppException.invalidField('streetId', 'streetId不属于所选行政区');
    return { districtId: districtId ?? streetDistrictId, streetId: requested.streetId };
  }
}
