import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AppException } from '../common/errors/app.exception';
import { Actor, isCityActor } from './actor';

/** What an actor may see: the whole city, one district, or no district-owned data at all (unit accounts). */
export type Scope = { kind: 'city' } | { kind: 'district'; districtId: number } | { kind: 'none' };

export function scopeOf(actor: Actor): Scope {
  if (isCityActor(actor)) return { kind: 'city' };
  if (actor.districtId !== null) return { kind: 'district', districtId: actor.districtId };
  return { kind: 'none' };
}

/** Rows that belong to a district carry its id. */
export interface DistrictOwned extends ObjectLiteral {
  id: number;
  districtId: number | null;
}

/**
 * A repository bound to an actor's scope. Every query it builds is already restricted to the
 * actor's district; a row of another district is refused with OUT_OF_DISTRICT.
 */
export class ScopedRepository<T extends DistrictOwned> {
  constructor(
    readonly scope: Scope,
    private readonly repository: Repository<T>,
    private readonly label: string,
  ) {}

  /** The actor's district (for new rows), or null for city actors. */
  get districtId(): number | null {
    return this.scope.kind === 'district' ? this.scope.districtId : null;
  }

  query(alias: string): SelectQueryBuilder<T> {
    const qb = this.repository.createQueryBuilder(alias);
    switch (this.scope.kind) {
      case 'city':
        return qb;
      case 'district':
        return qb.where(`${alias}.districtId = :scopeDistrictId`, { scopeDistrictId: this.scope.districtId });
      case 'none':
        throw AppException.forbidden();
    }
  }

  async findById(id: number): Promise<T> {
    const row = await this.repository.findOne({ where: { id } as never });
    if (!row) throw AppException.notFound(this.label);
    this.assertInScope(row.districtId);
    return row;
  }

  /** For writes and for filters that name a district: refuse anything outside the actor's district. */
  assertInScope(districtId: number | null): void {
    if (this.scope.kind === 'city') return;
    if (this.scope.kind === 'none' || districtId !== this.scope.districtId) throw AppException.outOfDistrict();
  }

  /** A district filter a caller asked for, checked against the scope; district actors default to their own. */
  resolveDistrictFilter(requested: number | undefined): number | null {
    if (requested !== undefined) {
      this.assertInScope(requested);
      return requested;
    }
    return this.districtId;
  }

  get raw(): Repository<T> {
    return this.repository;
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
   * actor's own; null means the whole city (city actors only).
   */
  districtFilter(actor: Actor, requested?: number): number | null {
    const scope = scopeOf(actor);
    if (scope.kind === 'none') throw AppException.forbidden();
    if (requested === undefined) return scope.kind === 'district' ? scope.districtId : null;
    if (scope.kind === 'district' && requested !== scope.districtId) throw AppException.outOfDistrict();
    return requested;
  }
}
