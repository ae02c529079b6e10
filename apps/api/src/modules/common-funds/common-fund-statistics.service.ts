import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import {
  COMMON_FUND_ACCOUNT_STATUS_LABELS,
  COMMON_FUND_ACCOUNT_TYPE_LABELS,
  COMMON_FUND_CASE_STAGE_LABELS,
  COMMON_FUND_COUNTER_LABELS,
  CommonFundAccountStatus,
  CommonFundAccountType,
  CommonFundBankStats,
  CommonFundCaseStage,
  CommonFundCellItem,
  CommonFundCounter,
  CommonFundCounters,
  CommonFundStats,
  MESSAGE_LINKS,
  Page,
  rate,
  UrgeResult,
} from '@szpm/contract';
import { DataSource, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope, RegionFilter } from '../../access/district-scope';
import { InvalidatedCache } from '../../common/cache/invalidated-cache';
import { InvalidationBus } from '../../common/cache/invalidation-bus';
import { WriteInvalidation } from '../../common/cache/write-invalidation';
import { AppException } from '../../common/errors/app.exception';
import { xlsxDownload } from '../../common/excel/xlsx-export';
import { pageWindow } from '../../common/http/pagination.dto';
import { inChunks, IDS_PER_STATEMENT } from '../../common/sql/insert-rows';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { PropertyAreaProfile } from '../property-areas/entities/property-area-profile.entity';
import { nothingToUrge, RemindersService } from '../notifications/reminders/reminders.service';
import { RecipientGroup } from '../notifications/reminders/recipient-resolver';
import { OwnersCommittee } from '../regions/entities/owners-committee.entity';
import { ProjectManager } from '../regions/entities/project-manager.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { Region } from '../regions/entities/region.entity';
import { joinAreaContext, selectAreaContext, toAreaContext } from '../regions/statistics/area-context';
import { RegionCounterSource, RegionDrill, RegionDrilldownService } from '../regions/statistics/region-drilldown.service';
import { RegionStatsColumn, regionStatsSheet } from '../regions/statistics/region-stats-xlsx';
import { commonFundCounters, joinAccountSums } from './common-fund-counters';
import { isAbnormal } from './common-fund-views';
import { ACCOUNT_LABEL } from './common-funds.service';
import { CommonFundCellExportQueryDto, CommonFundCellQueryDto, CommonFundRegionQueryDto, CommonFundUrgeDto } from './dto/common-fund.dto';
import { CommonFundAccount, CommonFundCase, SharedBank } from './entities';

const REGION_COLUMNS = { districtId: 'a.districtId', streetId: 'a.streetId', communityId: 'a.communityId', propertyAreaId: 'a.id' };
export const COMMON_FUND_URGE_SUBJECT = 'common-funds.unopened';

type Row = CommonFundCounters & { openRate: number };

/** The table as exported: exactly the columns on screen. */
const COLUMNS: Array<RegionStatsColumn<Row>> = [
  { header: '物业项目总数', width: 14, value: (c) => c.projects },
  { header: '应开共有资金账户数', width: 20, value: (c) => c.shouldOpen },
  { header: '已开', value: (c) => c.opened },
  { header: '未开', value: (c) => c.unopened },
  { header: '开户率（%）', width: 12, value: (c) => c.openRate },
  { header: '基本账户数', width: 12, value: (c) => c.basic },
  { header: '共管账户数', width: 12, value: (c) => c.coManaged },
  { header: '异常账户数', width: 12, value: (c) => c.abnormal },
  { header: '逾期未开户责令整改数', width: 22, value: (c) => c.rectifyOrdered },
  { header: '逾期未开户行政处罚数', width: 22, value: (c) => c.penalised },
];

const CELL_COLUMNS = [
  { header: '物业项目', width: 28, value: (r: CommonFundCellItem) => r.propertyAreaName },
  { header: '行政区域', value: (r: CommonFundCellItem) => r.districtName },
  { header: '所属街道', value: (r: CommonFundCellItem) => r.streetName },
  { header: '所属社区', value: (r: CommonFundCellItem) => r.communityName },
  { header: '物业企业', width: 28, value: (r: CommonFundCellItem) => r.companyName },
  { header: '登记人', value: (r: CommonFundCellItem) => r.account?.registrant },
  { header: '账户号码', width: 24, value: (r: CommonFundCellItem) => r.account?.accountNo },
  { header: '户名', width: 28, value: (r: CommonFundCellItem) => r.account?.accountName },
  { header: '开户行', width: 20, value: (r: CommonFundCellItem) => r.account?.bankName },
  { header: '账户类型', value: (r: CommonFundCellItem) => r.account?.accountTypeLabel },
  { header: '账户状态', value: (r: CommonFundCellItem) => r.account?.statusLabel },
  { header: '项目经理', value: (r: CommonFundCellItem) => r.projectManagerName },
  { header: '项目经理手机', width: 14, value: (r: CommonFundCellItem) => r.projectManagerPhone },
  { header: '业委会主任', value: (r: CommonFundCellItem) => r.committeeChairName },
  { header: '业委会主任手机', width: 14, value: (r: CommonFundCellItem) => r.committeeChairPhone },
  { header: '督办阶段', width: 14, value: (r: CommonFundCellItem) => r.caseStageLabel },
];

/** The 未开 list shows the people columns only (domain notes 11d): an unopened area has no account to show. */
const UNOPENED_CELL_COLUMNS = CELL_COLUMNS.filter((c) => ['物业项目', '行政区域', '所属街道', '所属社区', '物业企业', '项目经理', '项目经理手机', '业委会主任', '业委会主任手机', '督办阶段'].includes(c.header));

const EXPORT_MAX_ROWS = 100_000;

/** The statistics tables' cache topic: any write to what they count empties it. */
const STATISTICS_TOPIC = 'common-fund-statistics';

/**
 * 共有资金账户统计 on the region drill-down kit (物业项目总数, 应开 / 已开 / 未开, 开户率, 基本 / 共管 /
 * 异常账户数, 责令整改 / 行政处罚), the areas behind every number, 共享银行统计, the exports and 催办
 * to the project managers and committee chairs of unopened areas.
 */
@Injectable()
export class CommonFundStatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly drilldown: RegionDrilldownService,
    private readonly reminders: RemindersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    bus: InvalidationBus,
    writes: WriteInvalidation,
  ) {
    const options = { ttlMs: config.caches.listCountSeconds * 1000, maxEntries: 2_000 };
    this.tables = new InvalidatedCache<CommonFundStats>(bus, STATISTICS_TOPIC, options);
    this.bankTables = new InvalidatedCache<CommonFundBankStats>(bus, STATISTICS_TOPIC, options);
    for (const entity of [CommonFundAccount, CommonFundCase, SharedBank, PropertyArea, PropertyAreaProfile, OwnersCommittee, Region]) writes.watch(entity, STATISTICS_TOPIC);
  }

  /**
   * The tables per drill and search (checked against the actor's scope by resolve() / regionFilter
   * on every request): a district's sums its areas and accounts, and changes only when an account,
   * a case, an area, its profile or committee, or the region tree is written.
   */
  private readonly tables: InvalidatedCache<CommonFundStats>;
  private readonly bankTables: InvalidatedCache<CommonFundBankStats>;

  async statistics(actor: Actor, query: CommonFundRegionQueryDto): Promise<CommonFundStats> {
    const drill = await this.drill(actor, query);
    return this.tables.get(JSON.stringify([drill, query.search ?? null]), () => this.drilldown.statistics(drill, this.source(query.search), (c) => ({ openRate: rate(c.opened, c.shouldOpen) })));
  }

  async cells(actor: Actor, query: CommonFundCellQueryDto): Promise<Page<CommonFundCellItem>> {
    const drill = await this.drill(actor, query);
    return this.drilldown.cellPage(drill, this.source(query.search, query.keyword), { regionId: query.regionId, counter: query.counter }, pageWindow(query), (qb) => this.cellRows(qb, query.counter));
  }

  async export(actor: Actor, query: CommonFundRegionQueryDto): Promise<StreamableFile> {
    const stats = await this.statistics(actor, query);
    const title = '共有资金账户统计';
    return xlsxDownload(`${title}.xlsx`, { title, sheets: [regionStatsSheet(title, stats, COLUMNS)] });
  }

  async exportCells(actor: Actor, query: CommonFundCellExportQueryDto): Promise<StreamableFile> {
    const drill = await this.drill(actor, query);
    const qb = await this.drilldown.cellQuery(drill, this.source(query.search, query.keyword), { regionId: query.regionId, counter: query.counter });
    const rows = await this.cellRows(qb.limit(EXPORT_MAX_ROWS), query.counter);
    const title = COMMON_FUND_COUNTER_LABELS[query.counter];
    const columns = query.counter === 'unopened' ? UNOPENED_CELL_COLUMNS : CELL_COLUMNS;
    return xlsxDownload(`共有资金-${title}.xlsx`, { title, sheets: [{ name: title.slice(0, 31), columns, rows: () => rows }] });
  }

  /** 共享银行统计: per bank of the dictionary, the accounts of the scope by type, their areas and the bank's share. */
  async banks(actor: Actor, query: CommonFundRegionQueryDto): Promise<CommonFundBankStats> {
    const filter = await this.scope.regionFilter(actor, query);
    // the scoped door's condition is part of the key: a street office and its district differ
    const door = this.scope.repository(actor, CommonFundAccount, ACCOUNT_LABEL).plainCondition('x');
    return this.bankTables.get(JSON.stringify([filter, door, query.search ?? null]), () => this.bankRows(actor, filter, query.search));
  }

  private async bankRows(actor: Actor, filter: RegionFilter, search: string | undefined): Promise<CommonFundBankStats> {
    const qb = this.scope.repository(actor, CommonFundAccount, ACCOUNT_LABEL).query('x');
    if (filter.districtId !== null) qb.andWhere('x.districtId = :fd', { fd: filter.districtId });
    if (filter.streetId !== null) qb.andWhere('x.streetId = :fs', { fs: filter.streetId });
    if (filter.communityId !== null) qb.andWhere('x.communityId = :fc', { fc: filter.communityId });
    if (search) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the names of the areas of accounts the door has scoped
      qb.innerJoin(PropertyArea, 'a', 'a.id = x.propertyAreaId').andWhere('INSTR(a.name, :search) > 0', { search });
    }
    const rows = await qb
      .select('x.bankId', 'bankId')
      .addSelect(`SUM(CASE WHEN x.accountType = '${CommonFundAccountType.BASIC}' THEN 1 ELSE 0 END)`, 'basic')
      .addSelect(`SUM(CASE WHEN x.accountType = '${CommonFundAccountType.CO_MANAGED}' THEN 1 ELSE 0 END)`, 'coManaged')
      .addSelect('COUNT(*)', 'accounts')
      .addSelect('COUNT(DISTINCT x.propertyAreaId)', 'projects')
      .groupBy('x.bankId')
      .getRawMany<Record<string, unknown>>();
    const byBank = new Map(rows.map((r) => [Number(r.bankId), r]));
    const banks = await this.dataSource.getRepository(SharedBank).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    const totalAccounts = rows.reduce((n, r) => n + Number(r.accounts), 0);
    const items = banks
      .map((b) => {
        const r = byBank.get(b.id);
        const accounts = Number(r?.accounts ?? 0);
        return { bankId: b.id, bankName: b.name, basic: Number(r?.basic ?? 0), coManaged: Number(r?.coManaged ?? 0), accounts, projects: Number(r?.projects ?? 0), share: rate(accounts, totalAccounts) };
      })
      .sort((a, b) => b.accounts - a.accounts || a.bankId - b.bankId);
    const projects = await qb.clone().select('COUNT(DISTINCT x.propertyAreaId)', 'n').groupBy().getRawOne<{ n: number | string }>();
    return {
      items,
      total: {
        basic: items.reduce((n, i) => n + i.basic, 0),
        coManaged: items.reduce((n, i) => n + i.coManaged, 0),
        accounts: totalAccounts,
        projects: Number(projects?.n ?? 0),
        share: rate(totalAccounts, totalAccounts),
      },
    };
  }

  async exportBanks(actor: Actor, query: CommonFundRegionQueryDto): Promise<StreamableFile> {
    const stats = await this.banks(actor, query);
    const title = '共享银行统计';
    type BankLine = { bankName: string; basic: number; coManaged: number; accounts: number; projects: number; share: number };
    const lines: BankLine[] = [...stats.items, { bankName: '合计', ...stats.total }];
    return xlsxDownload(`${title}.xlsx`, {
      title,
      sheets: [
        {
          name: title,
          columns: [
            { header: '开户行', width: 24, value: (r: BankLine) => r.bankName },
            { header: '基本账户数', width: 12, value: (r: BankLine) => r.basic },
            { header: '共管账户数', width: 12, value: (r: BankLine) => r.coManaged },
            { header: '账户数', value: (r: BankLine) => r.accounts },
            { header: '物业项目数', width: 12, value: (r: BankLine) => r.projects },
            { header: '占比（%）', value: (r: BankLine) => r.share },
          ],
          rows: () => lines,
        },
      ],
    });
  }

  /** 催办: the project managers and committee chairs of the filter's areas that should open an account and have none. */
  async urge(actor: Actor, body: CommonFundUrgeDto): Promise<UrgeResult> {
    const drill = await this.drill(actor, body);
    const qb = await this.drilldown.cellQuery(drill, this.source(undefined), { counter: 'unopened' });
    let ids = (await qb.select('a.id', 'id').getRawMany<{ id: number | string }>()).map((r) => Number(r.id));
    if (body.propertyAreaIds?.length) {
      const unopened = new Set(ids);
      const outside = body.propertyAreaIds.filter((id) => !unopened.has(id));
      if (outside.length) throw AppException.invalidField('propertyAreaIds', `物业项目 ${outside.join('、')} 不在筛选范围内或已开户`);
      ids = [...new Set(body.propertyAreaIds)];
    }
    if (!ids.length) throw nothingToUrge('范围内应开共有资金账户的物业项目均已开户，无需催办');
    return this.reminders.remind({
      sender: { id: actor.accountId, name: actor.name },
      districtId: drill.districtId,
      subject: { type: COMMON_FUND_URGE_SUBJECT, id: drill.districtId ?? 0 },
      recipients: { actor, query: { districtIds: null, propertyAreaIds: ids, groups: [RecipientGroup.PROJECT_MANAGER, RecipientGroup.COMMITTEE_CHAIR] } },
      title: '催办：开设共有资金账户',
      content: '您负责的物业项目应开设共有资金账户而尚未开设，请尽快在共享银行开设基本账户或共管账户并在平台登记，逾期将被责令整改。',
      link: MESSAGE_LINKS.commonFundOpening(),
      nothingToUrgeMessage: '范围内应开共有资金账户的物业项目均已开户，无需催办',
    });
  }

  private drill(actor: Actor, query: { districtId?: number; streetId?: number; communityId?: number }): Promise<RegionDrill> {
    return this.drilldown.resolve(actor, { districtId: query.districtId, streetId: query.streetId, communityId: query.communityId });
  }

  /** The areas the table counts (search: the table's 物业项目名称); keyword: a list's own search by project, 项目经理 or 业委会主任. */
  private source(search: string | undefined, keyword?: string): RegionCounterSource<CommonFundCounter> {
    return {
      rows: () => {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the regions kit confines these rows to the drill resolve() checked against the actor's scope
        const qb: SelectQueryBuilder<ObjectLiteral> = this.dataSource.getRepository(PropertyArea).createQueryBuilder('a');
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the profile and open case of the areas the kit confines
        qb.leftJoin(PropertyAreaProfile, 'pp', 'pp.propertyAreaId = a.id').leftJoin(CommonFundCase, 'oc', 'oc.openAreaId = a.id');
        joinAccountSums(qb);
        if (search) qb.andWhere('INSTR(a.name, :cfSearch) > 0', { cfSearch: search });
        if (keyword) {
          // eslint-disable-next-line szpm/no-raw-scoped-access -- the manager's and chair's names of areas the kit confines, for the list's search
          qb.leftJoin(ProjectManager, 'kpm', 'kpm.id = a.projectManagerId').leftJoin(OwnersCommittee, 'kocm', 'kocm.id = a.ownersCommitteeId');
          qb.andWhere('(INSTR(a.name, :cfKeyword) > 0 OR INSTR(kpm.name, :cfKeyword) > 0 OR INSTR(kocm.chairName, :cfKeyword) > 0)', { cfKeyword: keyword });
        }
        return qb;
      },
      columns: REGION_COLUMNS,
      counters: commonFundCounters(this.config.commonFunds.areaTypes),
    };
  }

  /** The rows of a cell: the area with its names and people, its open case, and the account the number is about. */
  private async cellRows(qb: SelectQueryBuilder<ObjectLiteral>, counter: CommonFundCounter): Promise<CommonFundCellItem[]> {
    // the page's areas first, then the names and people of those rows only: joining them before
    // the sort would look them up for every area the number counts (EXPLAIN: filesort after the joins)
    const areaIds = (await qb.select('a.id', 'id').orderBy('a.id', 'ASC').getRawMany<{ id: number | string }>()).map((r) => Number(r.id));
    const raws: Array<Record<string, unknown>> = [];
    for (const part of inChunks(areaIds, IDS_PER_STATEMENT)) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- names, people and open case of areas the kit has just selected for the checked drill
      const named = joinAreaContext(this.dataSource.getRepository(PropertyArea).createQueryBuilder('a'), { area: 'a' })
        .leftJoin(Region, 'd', 'd.id = a.districtId')
        .leftJoin(OwnersCommittee, 'ocm', 'ocm.id = a.ownersCommitteeId')
        .leftJoin(CommonFundCase, 'oc', 'oc.openAreaId = a.id');
      raws.push(
        ...(await selectAreaContext(named.select('a.id', 'id'), 'a')
          .addSelect(['d.name AS districtName', 'pm.phone AS projectManagerPhone', 'ocm.chairName AS chairName', 'ocm.chairPhone AS chairPhone', 'oc.stage AS caseStage'])
          .where('a.id IN (:...ids)', { ids: part })
          .orderBy('a.id', 'ASC')
          .getRawMany<Record<string, unknown>>()),
      );
    }
    const accounts: CommonFundAccount[] = [];
    for (const part of inChunks(areaIds, IDS_PER_STATEMENT)) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the accounts of areas the kit has confined to the checked drill
      accounts.push(...(await this.dataSource.getRepository(CommonFundAccount).find({ where: { propertyAreaId: In(part) }, order: { id: 'DESC' } })));
    }
    const byArea = new Map<number, CommonFundAccount[]>();
    for (const a of accounts) byArea.set(a.propertyAreaId, [...(byArea.get(a.propertyAreaId) ?? []), a]);
    return raws.map((r) => {
      const context = toAreaContext(r);
      const account = pickAccount(byArea.get(Number(r.id)) ?? [], counter);
      const stage = (r.caseStage as CommonFundCaseStage | null) ?? null;
      return {
        propertyAreaId: Number(r.id),
        propertyAreaName: context.propertyAreaName,
        districtName: (r.districtName as string | null) ?? '',
        streetName: context.streetName,
        communityName: context.communityName,
        companyName: context.companyName,
        projectManagerName: context.projectManagerName,
        projectManagerPhone: (r.projectManagerPhone as string | null) ?? null,
        committeeChairName: (r.chairName as string | null) ?? null,
        committeeChairPhone: (r.chairPhone as string | null) ?? null,
        account: account
          ? {
              id: account.id,
              accountNo: account.accountNo,
              accountName: account.accountName,
              bankName: account.bankName,
              accountType: account.accountType,
              accountTypeLabel: COMMON_FUND_ACCOUNT_TYPE_LABELS[account.accountType],
              status: account.status,
              statusLabel: COMMON_FUND_ACCOUNT_STATUS_LABELS[account.status],
              registrant: account.registrant,
              abnormal: isAbnormal(account.status, account.feedAbnormal),
            }
          : null,
        caseStage: stage,
        caseStageLabel: stage ? COMMON_FUND_CASE_STAGE_LABELS[stage] : null,
      };
    });
  }
}

/** The account a row shows: the one its number counts (abnormal, basic, co-managed), else the newest normal one, else the newest. */
export function pickAccount(accounts: CommonFundAccount[], counter: CommonFundCounter): CommonFundAccount | null {
  const normal = accounts.filter((a) => a.status === CommonFundAccountStatus.NORMAL);
  const wanted =
    counter === 'abnormal'
      ? accounts.filter((a) => isAbnormal(a.status, a.feedAbnormal))
      : counter === 'basic'
        ? normal.filter((a) => a.accountType === CommonFundAccountType.BASIC)
        : counter === 'coManaged'
          ? normal.filter((a) => a.accountType === CommonFundAccountType.CO_MANAGED)
          : normal;
  return wanted[0] ?? accounts[0] ?? null;
}
