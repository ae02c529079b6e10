import { Injectable, StreamableFile } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AccountStatus, Page, UNIT_CATEGORY_LABELS, UnitAccountListItem, UnitCategory, UnitCategoryStats, UnitListItem } from '@szpm/contract';
import { Repository } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { Account } from '../../access/entities/account.entity';
import { xlsxDownload, XlsxColumn } from '../../common/excel/xlsx-export';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { escapeLike } from '../../common/sql/like';
import { RecipientResolver, selectUnits } from '../notifications/reminders/recipient-resolver';
import { Counter, countAll, CounterSet, whereCounter } from '../regions/statistics/counters';
import { isBound, toStaffListItem } from './account-view';
import { UnitAccountsQueryDto, UnitFilter, UnitsQueryDto } from './dto/staff-query.dto';

type UnitCounter = 'allUnits' | 'unitsWithoutAccount';
type AccountCounter = 'accountTotal' | 'bound' | 'unbound';

const BOUND = '(a.wechatOpenId IS NOT NULL OR a.miniOpenId IS NOT NULL)';

/** 账户总数 / 已绑定 / 未绑定 over the active accounts `a` of a category's units. */
const ACCOUNT_COUNTERS: CounterSet<AccountCounter> = {
  accountTotal: {},
  bound: { when: BOUND },
  unbound: { when: `NOT ${BOUND}` },
};

const SUMMARY_COLUMNS: Array<XlsxColumn<UnitCategoryStats>> = [
  { header: '单位类别', width: 16, value: (r) => r.label },
  { header: '全部单位', value: (r) => r.allUnits },
  { header: '未开设单位', value: (r) => r.unitsWithoutAccount },
  { header: '账户总数', value: (r) => r.accountTotal },
  { header: '已绑定', value: (r) => r.bound },
  { header: '未绑定', value: (r) => r.unbound },
];

/**
 * 用户统计: per unit category, the units that belong to a district (streets, the companies and
 * project managers running its property areas, its owners' committees), which of them have an
 * account, and how many of those accounts are bound to WeChat. Every number drills down: each is a
 * counter of the region kit, and its list is the same rows filtered by the same counter.
 */
@Injectable()
export class BindingStatsService {
  constructor(
    private readonly scope: DistrictScope,
    private readonly recipients: RecipientResolver,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- counts the accounts of units recipients.unitsQuery selects in the district districtFilter resolved
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
  ) {}

  async summary(actor: Actor, requestedDistrictId?: number): Promise<UnitCategoryStats[]> {
    const districtId = this.scope.districtFilter(actor, requestedDistrictId);
    const result: UnitCategoryStats[] = [];
    for (const category of Object.values(UnitCategory)) {
      const units = await countAll(this.recipients.unitsQuery(category, districtId), this.unitCounters(category));
      const accounts = await countAll(this.recipients.districtUnitAccountsQuery(category, districtId), ACCOUNT_COUNTERS);
      result.push({ category, label: UNIT_CATEGORY_LABELS[category], ...units, ...accounts });
    }
    return result;
  }

  /** The 用户统计 table on screen (same district filter) as a streamed workbook. */
  async exportSummary(actor: Actor, requestedDistrictId?: number): Promise<StreamableFile> {
    const rows = await this.summary(actor, requestedDistrictId);
    const title = '用户统计';
    return xlsxDownload(`${title}.xlsx`, { title, sheets: [{ name: title, columns: SUMMARY_COLUMNS, rows: () => rows }] });
  }

  /** 全部单位 / 未开设单位 of one category. */
  async unitList(actor: Actor, category: UnitCategory, query: UnitsQueryDto): Promise<Page<UnitListItem>> {
    const districtId = this.scope.districtFilter(actor, query.districtId);
    const window = pageWindow(query);
    const counters = this.unitCounters(category);
    const qb = whereCounter(this.recipients.unitsQuery(category, districtId), query.filter === UnitFilter.WITHOUT_ACCOUNT ? counters.unitsWithoutAccount : counters.allUnits);
    if (query.search) qb.andWhere("u.name LIKE :search ESCAPE '!'", { search: `%${escapeLike(query.search)}%` });
    const total = await qb.clone().getCount();
    const units = await selectUnits(qb.offset(window.skip).limit(window.take));
    const perUnit = new Map<number, { accountCount: number; boundCount: number }>();
    for (const a of await this.recipients.unitAccounts(category, units.map((u) => u.unitId))) {
      const entry = perUnit.get(a.unitId!) ?? { accountCount: 0, boundCount: 0 };
      entry.accountCount += 1;
      if (isBound(a)) entry.boundCount += 1;
      perUnit.set(a.unitId!, entry);
    }
    return toPage(
      units.map((u) => ({ ...u, ...(perUnit.get(u.unitId) ?? { accountCount: 0, boundCount: 0 }) })),
      total,
      window,
    );
  }

  /** 账户总数 (and its bound / unbound parts) of one category. */
  async accountList(actor: Actor, category: UnitCategory, query: UnitAccountsQueryDto): Promise<Page<UnitAccountListItem>> {
    const districtId = this.scope.districtFilter(actor, query.districtId);
    const window = pageWindow(query);
    const counter: Counter = query.bound === undefined ? ACCOUNT_COUNTERS.accountTotal : query.bound ? ACCOUNT_COUNTERS.bound : ACCOUNT_COUNTERS.unbound;
    const [rows, total] = await whereCounter(this.recipients.districtUnitAccountsQuery(category, districtId), counter).orderBy('a.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    const unitIds = [...new Set(rows.map((a) => a.unitId!))];
    const names = new Map(
      unitIds.length ? (await selectUnits(this.recipients.unitsQuery(category, districtId).andWhere('u.id IN (:...pageUnitIds)', { pageUnitIds: unitIds }))).map((u) => [u.unitId, u.name]) : [],
    );
    return toPage(
      rows.map((a) => ({ ...toStaffListItem(a), unitCategory: a.unitCategory, unitId: a.unitId, unitName: names.get(a.unitId!) ?? null })),
      total,
      window,
    );
  }

  /** 全部单位 / 未开设单位 over the units `u` of a category. */
  private unitCounters(category: UnitCategory): CounterSet<UnitCounter> {
    const withAccount = this.accounts
      .createQueryBuilder('ua')
      .select('1')
      .where('ua.unitCategory = :unitAccountCategory')
      .andWhere('ua.status = :unitAccountStatus')
      .andWhere('ua.unitId = u.id');
    return {
      allUnits: {},
      unitsWithoutAccount: { when: `NOT EXISTS (${withAccount.getQuery()})`, params: { unitAccountCategory: category, unitAccountStatus: AccountStatus.ACTIVE } },
    };
  }
}
