import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, Page, UNIT_CATEGORY_LABELS, UnitAccountListItem, UnitCategory, UnitCategoryStats, UnitListItem } from '@szpm/contract';
import { Brackets, DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { Account } from '../../access/entities/account.entity';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { OwnersCommittee } from '../regions/entities/owners-committee.entity';
import { ProjectManager } from '../regions/entities/project-manager.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { PropertyCompany } from '../regions/entities/property-company.entity';
import { Region, RegionLevel } from '../regions/entities/region.entity';
import { isBound, toStaffListItem } from './account-view';
import { UnitAccountsQueryDto, UnitFilter, UnitsQueryDto } from './dto/staff-query.dto';

export interface Unit {
  unitId: number;
  name: string;
}

/**
 * 用户统计: per unit category, the units that belong to a district (streets, the companies and
 * project managers running its property areas, its owners' committees), which of them have an
 * account, and how many of those accounts are bound to WeChat. Every number drills down.
 */
@Injectable()
export class BindingStatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
  ) {}

  async summary(actor: Actor, requestedDistrictId?: number): Promise<UnitCategoryStats[]> {
    const districtId = this.scope.districtFilter(actor, requestedDistrictId);
    const result: UnitCategoryStats[] = [];
    for (const category of Object.values(UnitCategory)) {
      const units = await this.units(category, districtId);
      const accounts = await this.unitAccounts(category, units.map((u) => u.unitId));
      const withAccount = new Set(accounts.map((a) => a.unitId));
      const bound = accounts.filter(isBound).length;
      result.push({
        category,
        label: UNIT_CATEGORY_LABELS[category],
        allUnits: units.length,
        unitsWithoutAccount: units.filter((u) => !withAccount.has(u.unitId)).length,
        accountTotal: accounts.length,
        bound,
        unbound: accounts.length - bound,
      });
    }
    return result;
  }

  /** 全部单位 / 未开设单位 of one category. */
  async unitList(actor: Actor, category: UnitCategory, query: UnitsQueryDto): Promise<Page<UnitListItem>> {
    const districtId = this.scope.districtFilter(actor, query.districtId);
    const window = pageWindow(query);
    let units = await this.units(category, districtId);
    if (query.search) units = units.filter((u) => u.name.includes(query.search!));
    const accounts = await this.unitAccounts(category, units.map((u) => u.unitId));
    const perUnit = new Map<number, { accountCount: number; boundCount: number }>();
    for (const a of accounts) {
      const entry = perUnit.get(a.unitId!) ?? { accountCount: 0, boundCount: 0 };
      entry.accountCount += 1;
      if (isBound(a)) entry.boundCount += 1;
      perUnit.set(a.unitId!, entry);
    }
    const rows = units
      .map((u) => ({ ...u, ...(perUnit.get(u.unitId) ?? { accountCount: 0, boundCount: 0 }) }))
      .filter((u) => query.filter !== UnitFilter.WITHOUT_ACCOUNT || u.accountCount === 0);
    return toPage(rows.slice(window.skip, window.skip + window.take), rows.length, window);
  }

  /** 账户总数 (and its bound / unbound parts) of one category. */
  async accountList(actor: Actor, category: UnitCategory, query: UnitAccountsQueryDto): Promise<Page<UnitAccountListItem>> {
    const districtId = this.scope.districtFilter(actor, query.districtId);
    const window = pageWindow(query);
    const units = await this.units(category, districtId);
    const names = new Map(units.map((u) => [u.unitId, u.name]));
    if (!units.length) return toPage([], 0, window);
    const qb = this.activeUnitAccounts(category, [...names.keys()]);
    if (query.bound !== undefined) {
      qb.andWhere(
        query.bound
          ? new Brackets((w) => w.where('a.wechatOpenId IS NOT NULL').orWhere('a.miniOpenId IS NOT NULL'))
          : new Brackets((w) => w.where('a.wechatOpenId IS NULL').andWhere('a.miniOpenId IS NULL')),
      );
    }
    const [rows, total] = await qb.orderBy('a.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toPage(
      rows.map((a) => ({ ...toStaffListItem(a), unitCategory: a.unitCategory, unitId: a.unitId, unitName: names.get(a.unitId!) ?? null })),
      total,
      window,
    );
  }

  /** The units of a category that belong to a district (null: the whole city). */
  async units(category: UnitCategory, districtId: number | null): Promise<Unit[]> {
    const inDistrict = <T extends object>(qb: SelectQueryBuilder<T>, column: string) =>
      districtId === null ? qb : qb.andWhere(`${column} = :districtId`, { districtId });
    const managedBy = (column: 'companyId' | 'projectManagerId') => {
      const areas = this.dataSource.getRepository(PropertyArea).createQueryBuilder('pa').select(`DISTINCT pa.${column}`).where(`pa.${column} IS NOT NULL`);
      return inDistrict(areas, 'pa.districtId');
    };
    let qb: SelectQueryBuilder<object>;
    switch (category) {
      case UnitCategory.STREET_OFFICE:
        qb = inDistrict(
          this.dataSource.getRepository(Region).createQueryBuilder('u').where('u.level = :level', { level: RegionLevel.STREET }),
          'u.districtId',
        );
        break;
      case UnitCategory.PROPERTY_COMPANY: {
        const sub = managedBy('companyId');
        qb = this.dataSource.getRepository(PropertyCompany).createQueryBuilder('u').where(`u.id IN (${sub.getQuery()})`).setParameters(sub.getParameters());
        break;
      }
      case UnitCategory.PROJECT_MANAGER: {
        const sub = managedBy('projectManagerId');
        qb = this.dataSource.getRepository(ProjectManager).createQueryBuilder('u').where(`u.id IN (${sub.getQuery()})`).setParameters(sub.getParameters());
        break;
      }
      case UnitCategory.OWNERS_COMMITTEE:
        qb = inDistrict(this.dataSource.getRepository(OwnersCommittee).createQueryBuilder('u'), 'u.districtId');
        break;
    }
    const rows = await qb.select('u.id', 'unitId').addSelect('u.name', 'name').orderBy('u.id', 'ASC').getRawMany<{ unitId: number; name: string }>();
    return rows.map((r) => ({ unitId: Number(r.unitId), name: r.name }));
  }

  private activeUnitAccounts(category: UnitCategory, unitIds: number[]) {
    return this.accounts
      .createQueryBuilder('a')
      .where('a.unitCategory = :category', { category })
      .andWhere('a.status = :active', { active: AccountStatus.ACTIVE })
      .andWhere('a.unitId IN (:...unitIds)', { unitIds });
  }

  /** Active accounts speaking for the given units. */
  async unitAccounts(category: UnitCategory, unitIds: number[]): Promise<Account[]> {
    if (!unitIds.length) return [];
    return this.activeUnitAccounts(category, unitIds).getMany();
  }
}
