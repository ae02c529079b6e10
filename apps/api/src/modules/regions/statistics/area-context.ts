import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ProjectManager } from '../entities/project-manager.entity';
import { PropertyArea } from '../entities/property-area.entity';
import { PropertyCompany } from '../entities/property-company.entity';
import { Region } from '../entities/region.entity';

/**
 * Who and where a per-area list row is: the property area, its street and community, and the company
 * and project manager running it. The joins use fixed aliases — a (area), s (street), c (community),
 * pc (company), pm (project manager) — so a list can filter or search on them (e.g. `a.name LIKE`).
 */

/**
 * `from`: the alias of rows that carry propertyAreaId, streetId, communityId, companyId and
 * projectManagerId (e.g. inspection targets, which keep the company and manager of their launch);
 * `area`: the alias of the property area itself when the rows are areas.
 */
export type AreaContextSource = { from: string } | { area: string };

export function joinAreaContext<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, source: AreaContextSource): SelectQueryBuilder<T> {
  const holder = 'from' in source ? source.from : source.area;
  // eslint-disable-next-line szpm/no-raw-scoped-access -- joins the area of rows the calling query has already scoped
  if ('from' in source) qb.innerJoin(PropertyArea, 'a', `a.id = ${holder}.propertyAreaId`);
  // eslint-disable-next-line szpm/no-raw-scoped-access -- joins only names (street, community, company, manager) of rows the calling query has already scoped
  return qb
    .leftJoin(Region, 's', `s.id = ${holder}.streetId`)
    .leftJoin(Region, 'c', `c.id = ${holder}.communityId`)
    .leftJoin(PropertyCompany, 'pc', `pc.id = ${holder}.companyId`)
    .leftJoin(ProjectManager, 'pm', `pm.id = ${holder}.projectManagerId`);
}

/** The names, as raw columns propertyAreaName, propertyAreaCode, streetName, communityName, companyName, projectManagerName. */
export function selectAreaContext<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, area = 'a'): SelectQueryBuilder<T> {
  return qb.addSelect([
    `${area}.name AS propertyAreaName`,
    `${area}.code AS propertyAreaCode`,
    's.name AS streetName',
    'c.name AS communityName',
    'pc.name AS companyName',
    'pm.name AS projectManagerName',
  ]);
}

export interface AreaContext {
  propertyAreaName: string;
  propertyAreaCode: string;
  streetName: string;
  communityName: string;
  companyName: string | null;
  projectManagerName: string | null;
}

export function toAreaContext(raw: Record<string, unknown>): AreaContext {
  return {
    propertyAreaName: String(raw.propertyAreaName ?? ''),
    propertyAreaCode: String(raw.propertyAreaCode ?? ''),
    streetName: (raw.streetName as string | null) ?? '',
    communityName: (raw.communityName as string | null) ?? '',
    companyName: (raw.companyName as string | null) ?? null,
    projectManagerName: (raw.projectManagerName as string | null) ?? null,
  };
}
