import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, Role, UnitCategory } from '@szpm/contract';
import { Brackets, DataSource, In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { Account } from '../../../access/entities/account.entity';
import { OwnersCommittee } from '../../regions/entities/owners-committee.entity';
import { ProjectManager } from '../../regions/entities/project-manager.entity';
import { PropertyArea } from '../../regions/entities/property-area.entity';
import { PropertyCompany } from '../../regions/entities/property-company.entity';
import { whereCompanyOfDistrict } from '../../regions/district-companies';
import { Region, RegionLevel } from '../../regions/entities/region.entity';
import { IDS_PER_STATEMENT, inChunks } from '../../../common/sql/insert-rows';

/** Whose accounts a notice or reminder reaches. */
export enum RecipientGroup {
  /** 项目负责人 of the chosen property areas */
  PROJECT_MANAGER = 'PROJECT_MANAGER',
  /** 业委会主任 of the chosen property areas */
  COMMITTEE_CHAIR = 'COMMITTEE_CHAIR',
  /** 区局工作人员 (lead, supervisor, handler) of the chosen districts */
  DISTRICT_OFFICER = 'DISTRICT_OFFICER',
}

export const DISTRICT_OFFICER_ROLES: readonly Role[] = [Role.DISTRICT_LEAD, Role.DISTRICT_SUPERVISOR, Role.DISTRICT_HANDLER];

/**
 * A set of property areas: those of the districts (null: every district the actor sees) that lie
 * in one of the streets or communities or are named; with none of the three, all of them.
 */
export interface AreaSelection {
  districtIds: number[] | null;
  streetIds?: number[];
  communityIds?: number[];
  propertyAreaIds?: number[];
}

export interface RecipientQuery extends AreaSelection {
  groups: RecipientGroup[];
}

export interface Recipient {
  accountId: number;
  group: RecipientGroup;
  /** the unit the account speaks for (project manager, owners' committee), null for officers */
  unitId: number | null;
  /** as a recipient list shows it: the areas a manager runs, the committee, the bureau */
  unitName: string;
}

export interface ResolvedRecipients {
  /** one per account, by account id */
  recipients: Recipient[];
  /** (group, property area) pairs of the selection that nobody's active account reaches */
  withoutAccount: number;
}

/** A unit of a category (a street office, company, project manager or owners' committee). */
export interface Unit {
  unitId: number;
  name: string;
}

export type AreaRow = Pick<PropertyArea, 'id' | 'name' | 'projectManagerId'>;

const chunks = <T>(items: T[]) => inChunks(items, IDS_PER_STATEMENT);

/** '福田花园、莲花苑、景田小区等5个项目' */
export function areasLabel(names: string[]): string {
  const shown = names.slice(0, 3).join('、');
  const label = names.length > 3 ? `${shown}等${names.length}个项目` : shown;
  return [...label].slice(0, 255).join('');
}

/** The bureau that sends a notice or reminder: a district's, or the city's. */
export function bureauName(districtName: string | null | undefined): string {
  return districtName ? `${districtName}住房和建设局` : '深圳市住房和建设局';
}

/**
 * The one place that finds who a notice or reminder reaches: the active accounts of the project
 * managers, owners'-committee chairs or officers of a set of property areas, streets or districts,
 * and the accounts of the units of a category that belong to a district. It checks no request
 * fields: callers validate what their users chose (and name the field), then ask here.
 */
@Injectable()
export class RecipientResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the accounts of units (areas, managers, committees) the caller selected through the door
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the committees of property areas the caller selected through the door
    @InjectRepository(OwnersCommittee) private readonly committees: Repository<OwnersCommittee>,
  ) {}

  /** Everyone of the groups in the selection, each account once (the first group that reaches it names it). */
  async resolve(actor: Actor, query: RecipientQuery): Promise<ResolvedRecipients> {
    const found = new Map<number, Recipient>();
    let withoutAccount = 0;
    const add = (recipients: Recipient[]) => recipients.forEach((r) => found.has(r.accountId) || found.set(r.accountId, r));
    const wantsAreas = query.groups.some((g) => g === RecipientGroup.PROJECT_MANAGER || g === RecipientGroup.COMMITTEE_CHAIR);
    if (wantsAreas) {
      const areas = await this.areas(actor, query);
      if (query.groups.includes(RecipientGroup.PROJECT_MANAGER)) {
        const managers = await this.projectManagers(areas);
        const reached = new Set(managers.map((m) => m.unitId));
        withoutAccount += areas.filter((a) => a.projectManagerId === null || !reached.has(a.projectManagerId)).length;
        add(managers);
      }
      if (query.groups.includes(RecipientGroup.COMMITTEE_CHAIR)) {
        const { recipients, areasWithout } = await this.committeeChairs(areas.map((a) => a.id));
        withoutAccount += areasWithout;
        add(recipients);
      }
    }
    if (query.groups.includes(RecipientGroup.DISTRICT_OFFICER)) add(await this.districtOfficers(actor, query.districtIds));
    return { recipients: [...found.values()].sort((a, b) => a.accountId - b.accountId), withoutAccount };
  }

  /** The property areas of a selection, within the actor's scope. */
  async areas(actor: Actor, selection: AreaSelection): Promise<AreaRow[]> {
    const { districtIds, streetIds = [], communityIds = [], propertyAreaIds = [] } = selection;
    const qb = this.scope.repository(actor, PropertyArea, '物业项目').query('a').select(['a.id', 'a.name', 'a.projectManagerId']);
    if (districtIds) {
      if (!districtIds.length) return [];
      qb.andWhere('a.districtId IN (:...districtIds)', { districtIds });
    }
    if (streetIds.length || communityIds.length || propertyAreaIds.length) {
      qb.andWhere(
        new Brackets((w) => {
          if (streetIds.length) w.orWhere('a.streetId IN (:...streetIds)', { streetIds });
          if (communityIds.length) w.orWhere('a.communityId IN (:...communityIds)', { communityIds });
          if (propertyAreaIds.length) w.orWhere('a.id IN (:...propertyAreaIds)', { propertyAreaIds });
        }),
      );
    }
    return qb.orderBy('a.id', 'ASC').getMany();
  }

  /** The project managers' accounts of these areas, each named after the areas they run. */
  async projectManagers(areas: AreaRow[]): Promise<Recipient[]> {
    const areasOf = new Map<number, string[]>();
    for (const area of areas) {
      if (area.projectManagerId === null) continue;
      areasOf.set(area.projectManagerId, [...(areasOf.get(area.projectManagerId) ?? []), area.name]);
    }
    const accounts = await this.projectManagerAccounts([...areasOf.keys()]);
    return accounts.map((a) => ({ accountId: a.id, group: RecipientGroup.PROJECT_MANAGER, unitId: a.unitId, unitName: areasLabel(areasOf.get(a.unitId!)!) }));
  }

  /** Active accounts of these project managers (ProjectManager ids; nulls are areas without one). */
  async projectManagerAccounts(managerIds: Array<number | null>): Promise<Array<Pick<Account, 'id' | 'unitId'>>> {
    const ids = [...new Set(managerIds.filter((id): id is number => id !== null))];
    const found: Array<Pick<Account, 'id' | 'unitId'>> = [];
    for (const part of chunks(ids)) {
      found.push(
        ...(await this.accounts.find({
          select: { id: true, unitId: true },
          where: { role: Role.PROJECT_MANAGER, unitCategory: UnitCategory.PROJECT_MANAGER, unitId: In(part), status: AccountStatus.ACTIVE },
          order: { id: 'ASC' },
        })),
      );
    }
    return found;
  }

  /** The chairs' accounts of the owners' committees of these areas, and how many areas none reaches. */
  async committeeChairs(areaIds: number[]): Promise<{ recipients: Recipient[]; areasWithout: number }> {
    const recipients: Recipient[] = [];
    let areasWithout = 0;
    for (const part of chunks(areaIds)) {
      const committees = await this.committees.find({ select: { id: true, name: true, propertyAreaId: true }, where: { propertyAreaId: In(part) } });
      const nameOf = new Map(committees.map((c) => [c.id, c.name]));
      const accounts = committees.length
        ? await this.accounts.find({
            select: { id: true, unitId: true },
            where: { role: Role.OWNERS_COMMITTEE, unitCategory: UnitCategory.OWNERS_COMMITTEE, unitId: In([...nameOf.keys()]), status: AccountStatus.ACTIVE },
          })
        : [];
      const reached = new Set(accounts.map((a) => a.unitId));
      const reachedAreas = new Set(committees.filter((c) => reached.has(c.id)).map((c) => c.propertyAreaId));
      areasWithout += part.filter((id) => !reachedAreas.has(id)).length;
      for (const a of accounts) recipients.push({ accountId: a.id, group: RecipientGroup.COMMITTEE_CHAIR, unitId: a.unitId, unitName: nameOf.get(a.unitId!)! });
    }
    return { recipients, areasWithout };
  }

  /** 区局工作人员 of the districts (null: of every district the actor sees), named after their bureau. */
  async districtOfficers(actor: Actor, districtIds: number[] | null): Promise<Recipient[]> {
    const districtRows = await this.scope.repository(actor, Region, '行政区').query('r').andWhere('r.level = :level', { level: RegionLevel.DISTRICT }).getMany();
    const nameOf = new Map(districtRows.map((r) => [r.id, r.name]));
    const accounts = await this.officerAccounts(actor, { districtIds, roles: DISTRICT_OFFICER_ROLES });
    return accounts.map((a) => ({ accountId: a.id, group: RecipientGroup.DISTRICT_OFFICER, unitId: null, unitName: bureauName(nameOf.get(a.districtId!)) }));
  }

  /**
   * Active staff accounts (no unit) in the actor's scope: of the districts, or with null of every
   * district, and then with `includeCity` the city's own accounts too; optionally of some roles.
   */
  async officerAccounts(actor: Actor, options: { districtIds: number[] | null; roles?: readonly Role[]; includeCity?: boolean }): Promise<Account[]> {
    const qb = this.scope
      .repository(actor, Account, '账号')
      .query('a')
      .andWhere('a.unitCategory IS NULL')
      .andWhere('a.status = :active', { active: AccountStatus.ACTIVE });
    if (options.roles) qb.andWhere('a.role IN (:...roles)', { roles: options.roles });
    if (options.districtIds) {
      if (!options.districtIds.length) return [];
      qb.andWhere('a.districtId IN (:...districtIds)', { districtIds: options.districtIds });
    } else if (!options.includeCity) {
      qb.andWhere('a.districtId IS NOT NULL');
    }
    return qb.orderBy('a.id', 'ASC').getMany();
  }

  /**
   * The units of a category that belong to a district (null: the whole city): its streets, its
   * companies (regions/district-companies.ts), the project managers running its property areas,
   * its owners' committees.
   */
  async units(category: UnitCategory, districtId: number | null): Promise<Unit[]> {
    return selectUnits(this.unitsQuery(category, districtId));
  }

  /** The same units as rows `u` (id, name), to count, page or join further. */
  unitsQuery(category: UnitCategory, districtId: number | null): SelectQueryBuilder<ObjectLiteral> {
    const inDistrict = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string) =>
      districtId === null ? qb : qb.andWhere(`${column} = :districtId`, { districtId });
    const managedBy = (column: 'companyId' | 'projectManagerId') => {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- units restricted by inDistrict to the district the caller resolved with districtFilter
      const areas = this.dataSource.getRepository(PropertyArea).createQueryBuilder('pa').select(`DISTINCT pa.${column}`).where(`pa.${column} IS NOT NULL`);
      return inDistrict(areas, 'pa.districtId');
    };
    switch (category) {
      case UnitCategory.STREET_OFFICE:
        // eslint-disable-next-line szpm/no-raw-scoped-access -- units restricted by inDistrict to the district the caller resolved with districtFilter
        return inDistrict(this.dataSource.getRepository(Region).createQueryBuilder('u').where('u.level = :level', { level: RegionLevel.STREET }), 'u.districtId');
      case UnitCategory.PROPERTY_COMPANY:
        // the district's companies by the rule every list of them uses (registered there or managing an area there)
        return whereCompanyOfDistrict(this.dataSource.getRepository(PropertyCompany).createQueryBuilder('u'), 'u.id', districtId);
      case UnitCategory.PROJECT_MANAGER: {
        const sub = managedBy('projectManagerId');
        // eslint-disable-next-line szpm/no-raw-scoped-access -- units restricted by inDistrict to the district the caller resolved with districtFilter
        return this.dataSource.getRepository(ProjectManager).createQueryBuilder('u').where(`u.id IN (${sub.getQuery()})`).setParameters(sub.getParameters());
      }
      case UnitCategory.OWNERS_COMMITTEE:
        // eslint-disable-next-line szpm/no-raw-scoped-access -- units restricted by inDistrict to the district the caller resolved with districtFilter
        return inDistrict(this.dataSource.getRepository(OwnersCommittee).createQueryBuilder('u'), 'u.districtId');
    }
  }

  /** Active accounts of a category's units, as rows `a` to narrow further (bound or not, paging). */
  unitAccountsQuery(category: UnitCategory, unitIds: number[]): SelectQueryBuilder<Account> {
    return this.activeUnitAccounts(category).andWhere('a.unitId IN (:...unitIds)', { unitIds });
  }

  /** Active accounts of the units `units(category, districtId)` lists, as rows `a`, in one query. */
  districtUnitAccountsQuery(category: UnitCategory, districtId: number | null): SelectQueryBuilder<Account> {
    const units = this.unitsQuery(category, districtId).select('u.id');
    return this.activeUnitAccounts(category).andWhere(`a.unitId IN (${units.getQuery()})`).setParameters(units.getParameters());
  }

  /** Active accounts speaking for the given units. */
  async unitAccounts(category: UnitCategory, unitIds: number[]): Promise<Account[]> {
    const found: Account[] = [];
    for (const part of chunks(unitIds)) found.push(...(await this.unitAccountsQuery(category, part).getMany()));
    return found;
  }

  private activeUnitAccounts(category: UnitCategory): SelectQueryBuilder<Account> {
    return this.accounts.createQueryBuilder('a').where('a.unitCategory = :category', { category }).andWhere('a.status = :active', { active: AccountStatus.ACTIVE });
  }
}

/** The units `u` of a query (unitsQuery, narrowed or paged) as id and name, by id. */
export async function selectUnits(qb: SelectQueryBuilder<ObjectLiteral>): Promise<Unit[]> {
  const rows = await qb.select('u.id', 'unitId').addSelect('u.name', 'name').orderBy('u.id', 'ASC').getRawMany<{ unitId: number; name: string }>();
  return rows.map((r) => ({ unitId: Number(r.unitId), name: r.name }));
}
