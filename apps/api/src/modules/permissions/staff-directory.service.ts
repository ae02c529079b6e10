import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DISTRICT_ROLES, GrantAction, ModuleKey, Page, Role, StaffDetail, StaffListItem } from '@szpm/contract';
import { Brackets, In, Repository } from 'typeorm';
import { Actor, hasGrant } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { Account } from '../../access/entities/account.entity';
import { ModuleGrant } from '../../access/entities/module-grant.entity';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { Region } from '../regions/entities/region.entity';
import { ACCOUNT_ADMIN_ROLES } from './account-admin.service';
import { toStaffDetail, toStaffListItem } from './account-view';
import { AdminAccountQueryDto, StaffQueryDto } from './dto/staff-query.dto';
import { escapeLike } from '../../common/sql/like';

/** 本区人员名单: the district's officers, search by name, and one person's detail. */
@Injectable()
export class StaffDirectoryService {
  constructor(
    private readonly scope: DistrictScope,
    @InjectRepository(ModuleGrant) private readonly grants: Repository<ModuleGrant>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names the district and street of an account the door has just returned
    @InjectRepository(Region) private readonly regions: Repository<Region>,
  ) {}

  list(actor: Actor, query: StaffQueryDto): Promise<Page<StaffListItem>> {
    return this.search(actor, query, query.role ? [query.role] : DISTRICT_ROLES);
  }

  /** Every account of the scope (officers and unit accounts), for administrators. */
  listAll(actor: Actor, query: AdminAccountQueryDto): Promise<Page<StaffListItem>> {
    return this.search(actor, query, query.role ? [query.role] : Object.values(Role), query.unitCategory);
  }

  private async search(actor: Actor, query: AdminAccountQueryDto, roles: readonly Role[], unitCategory?: string): Promise<Page<StaffListItem>> {
    const accounts = this.scope.repository(actor, Account, '账号');
    const districtId = accounts.resolveDistrictFilter(query.districtId);
    const window = pageWindow(query);
    const qb = accounts.query('a').andWhere('a.role IN (:...roles)', { roles });
    if (districtId !== null) qb.andWhere('a.districtId = :districtId', { districtId });
    if (query.search) qb.andWhere(`a.name LIKE :search ESCAPE '!'`, { search: `%${escapeLike(query.search)}%` });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (unitCategory) qb.andWhere('a.unitCategory = :unitCategory', { unitCategory });
    if (query.bound !== undefined) {
      qb.andWhere(
        query.bound
          ? new Brackets((w) => w.where('a.wechatOpenId IS NOT NULL').orWhere('a.miniOpenId IS NOT NULL'))
          : new Brackets((w) => w.where('a.wechatOpenId IS NULL').andWhere('a.miniOpenId IS NULL')),
      );
    }
    const [rows, total] = await qb.orderBy('a.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    const districtIds = [...new Set(rows.map((a) => a.districtId).filter((x): x is number => x !== null))];
    const districts = districtIds.length ? await this.regions.findBy({ id: In(districtIds) }) : [];
    const districtName = (id: number | null) => districts.find((r) => r.id === id)?.name ?? null;
    return toPage(
      rows.map((a) => toStaffListItem(a, districtName(a.districtId))),
      total,
      window,
    );
  }

  async detail(actor: Actor, id: number): Promise<StaffDetail> {
    const account = await this.scope.repository(actor, Account, '人员').findById(id);
    const grants = await this.grants.find({ where: { accountId: id }, order: { module: 'ASC', action: 'ASC' } });
    const regionIds = [account.districtId, account.streetId].filter((x): x is number => x !== null);
    const regions = regionIds.length ? await this.regions.findBy({ id: In(regionIds) }) : [];
    const nameOf = (regionId: number | null) => regions.find((r) => r.id === regionId)?.name ?? null;
    return toStaffDetail(account, {
      // those who administer accounts and the person themself see the full number; others (a handler urging binding too) see it masked
      fullPhone: actor.accountId === id || (ACCOUNT_ADMIN_ROLES.includes(actor.role) && hasGrant(actor, ModuleKey.PERMISSIONS, GrantAction.OPERATE)),
      districtName: nameOf(account.districtId),
      streetName: nameOf(account.streetId),
      grants: grants.map((g) => ({ module: g.module, action: g.action })),
    });
  }
}
