import { Injectable } from '@nestjs/common';
import { AreaChangeErrorCode, AreaFieldGroup, CoordinateStatus } from '@szpm/contract';
import { EntityManager } from 'typeorm';
import { AppException } from '../../../common/errors/app.exception';
import { rowLock } from '../../../common/sql/row-lock';
import { Developer } from '../../regions/entities/developer.entity';
import { OwnersCommittee } from '../../regions/entities/owners-committee.entity';
import { PropertyArea } from '../../regions/entities/property-area.entity';
import { PropertyCompany } from '../../regions/entities/property-company.entity';
import { Region, RegionLevel } from '../../regions/entities/region.entity';
import { PropertyAreaProfile } from '../entities/property-area-profile.entity';
import { AREA_FIELDS, AREA_FIELD_BY_NAME } from './area-fields';
import { AreaChangeException } from './area-changes.exception';
import { storedValue } from './field-values';

export type AreaValues = Record<string, unknown>;

export interface LoadedArea {
  area: PropertyArea;
  profile: PropertyAreaProfile | null;
}

/** The catalogue values of an area and its extension record, in stored form (a missing profile reads as empty). */
export function valuesOf({ area, profile }: LoadedArea, fields: Iterable<string> = AREA_FIELDS.map((f) => f.field)): AreaValues {
  const values: AreaValues = {};
  for (const field of fields) {
    const spec = AREA_FIELD_BY_NAME.get(field);
    if (!spec) continue;
    const source = spec.group === AreaFieldGroup.CORE ? (area as unknown as Record<string, unknown>) : ((profile ?? {}) as Record<string, unknown>);
    values[field] = storedValue(spec, source[field]);
  }
  return values;
}

/**
 * Reads and writes the catalogue fields of an area. Callers have reached the area through the
 * scoped door (the officer's request) or are workflow hooks of a case the engine let the actor
 * decide; every write starts by bumping the area's version, which takes the area's row lock, so
 * that a check against a snapshot and the write that follows see no other writer in between.
 */
@Injectable()
export class AreaRecords {
  /** Locks the area for the rest of the transaction (bumps its version) and reads it with its profile as they are now. */
  async lock(manager: EntityManager, areaId: number): Promise<LoadedArea> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the area was reached through the scoped door or is the subject of a case the engine let the actor decide
    const bumped = await manager.createQueryBuilder().update(PropertyArea).set({ version: () => 'version + 1' }).where('id = :id', { id: areaId }).execute();
    if (bumped.affected !== 1) throw AppException.notFound('物业区域');
    return this.read(manager, areaId);
  }

  async read(manager: EntityManager, areaId: number): Promise<LoadedArea> {
    // a locking read answers the latest rows, not the transaction's snapshot
    const lock = rowLock(manager, 'pessimistic_write');
    // eslint-disable-next-line szpm/no-raw-scoped-access -- see lock(): the area of a scoped request or of a case being decided
    const area = await manager.findOne(PropertyArea, { where: { id: areaId }, ...lock });
    if (!area) throw AppException.notFound('物业区域');
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the extension record of that same area
    const profile = await manager.findOne(PropertyAreaProfile, { where: { propertyAreaId: areaId }, ...lock });
    return { area, profile };
  }

  /**
   * Checks what a change links to: the company and developer exist, the committee is this area's,
   * the community lies in the area's district. `path` prefixes the field named by a refusal.
   */
  async checkReferences(manager: EntityManager, area: Pick<PropertyArea, 'id' | 'districtId'>, changes: AreaValues, path: string): Promise<void> {
    const id = (field: string) => (typeof changes[field] === 'number' ? (changes[field] as number) : null);
    const invalid = (field: string, message: string) => new AreaChangeException(AreaChangeErrorCode.FIELD_INVALID, { field: `${path}.${field}`, message });
    const companyId = id('companyId');
    if (companyId !== null && !(await manager.exists(PropertyCompany, { where: { id: companyId } }))) throw invalid('companyId', '物业服务企业不存在');
    const developerId = id('developerId');
    if (developerId !== null && !(await manager.exists(Developer, { where: { id: developerId } }))) throw invalid('developerId', '开发建设单位不存在');
    const committeeId = id('ownersCommitteeId');
    // eslint-disable-next-line szpm/no-raw-scoped-access -- only checks the committee belongs to the area being changed
    if (committeeId !== null && !(await manager.exists(OwnersCommittee, { where: { id: committeeId, propertyAreaId: area.id } }))) throw invalid('ownersCommitteeId', '该业主委员会不属于本物业区域');
    const communityId = id('communityId');
    if (communityId !== null) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- only checks the community lies in the area's own district
      const community = await manager.findOne(Region, { where: { id: communityId, level: RegionLevel.COMMUNITY } });
      if (!community || community.districtId !== area.districtId) throw invalid('communityId', '所选社区不在本物业区域所在的行政区');
    }
  }

  /**
   * Writes checked values (stored form) to the area and its profile (created when missing);
   * a new community moves the area to that community's street, a boundary sets 已标注 / 未标注.
   * Call after lock() in the same transaction.
   */
  async write(manager: EntityManager, loaded: LoadedArea, changes: AreaValues): Promise<void> {
    const core: Record<string, unknown> = {};
    const profile: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(changes)) {
      const spec = AREA_FIELD_BY_NAME.get(field);
      if (!spec) continue;
      (spec.group === AreaFieldGroup.CORE ? core : profile)[field] = value;
    }
    if (typeof core.communityId === 'number') {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the community checkReferences has accepted for this area
      const community = await manager.findOneOrFail(Region, { where: { id: core.communityId } });
      core.streetId = community.streetId;
    }
    if ('boundaryGeoJson' in core) core.coordinateStatus = core.boundaryGeoJson === null ? CoordinateStatus.UNPLOTTED : CoordinateStatus.PLOTTED;
    if (Object.keys(core).length) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the area lock() has just taken
      await manager.update(PropertyArea, { id: loaded.area.id }, core);
    }
    if (Object.keys(profile).length) {
      if (loaded.profile) {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the extension record of the area lock() has just taken
        await manager.update(PropertyAreaProfile, { id: loaded.profile.id }, profile);
      } else {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the first extension record of the area lock() has just taken
        await manager.insert(PropertyAreaProfile, { propertyAreaId: loaded.area.id, districtId: loaded.area.districtId, hasCommittee: false, ...profile });
      }
    }
  }
}
