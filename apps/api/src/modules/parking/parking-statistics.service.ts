import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import {
  CampaignKind,
  MESSAGE_LINKS,
  Page,
  PARKING_DISPUTE_TYPE_LABELS,
  PARKING_REMIND_SUBJECT,
  PARKING_STATS_COLUMNS,
  ParkingCellItem,
  ParkingCounter,
  ParkingDisputeAreaItem,
  ParkingDisputeStats,
  ParkingDisputeType,
  ParkingRow,
  ParkingStats,
  parkingRatio,
  rate,
  UrgeResult,
} from '@szpm/contract';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { InvalidatedCache } from '../../common/cache/invalidated-cache';
import { InvalidationBus } from '../../common/cache/invalidation-bus';
import { WriteInvalidation } from '../../common/cache/write-invalidation';
import { xlsxDownload } from '../../common/excel/xlsx-export';
import { PageWindow, pageWindow, toPage } from '../../common/http/pagination.dto';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { PropertyAreaProfile } from '../property-areas/entities/property-area-profile.entity';
import { toIso } from '../notifications/inbox.service';
import { bureauName, RecipientResolver } from '../notifications/reminders/recipient-resolver';
import { RemindersService } from '../notifications/reminders/reminders.service';
import { ProjectManager } from '../regions/entities/project-manager.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { PropertyCompany } from '../regions/entities/property-company.entity';
import { Region } from '../regions/entities/region.entity';
import { joinAreaContext, selectAreaContext, toAreaContext } from '../regions/statistics/area-context';
import { RegionCounterSource, RegionDrill, RegionDrilldownService } from '../regions/statistics/region-drilldown.service';
import { RegionStatsColumn, regionStatsSheet } from '../regions/statistics/region-stats-xlsx';
import { ParkingCellQueryDto, ParkingDisputeAreaQueryDto, ParkingRegionQueryDto, ParkingRemindDto } from './dto/parking.dto';
import { ParkingDisputeReport, ParkingFiling } from './entities';
import { parkingCounters, parkingDerived } from './parking-counters';
import { toDisputeView } from './parking.service';

type Raw = Record<string, unknown>;

/** The tables' cache topic: a filing, a report, an area, its profile or a region written empties it. */
const PARKING_STATISTICS_TOPIC = 'parking-statistics';
/** The lists behind the numbers: emptied by the same writes. */
const PARKING_LISTS_TOPIC = 'parking-lists';

const REGION_COLUMNS = { districtId: 'a.districtId', streetId: 'a.streetId', communityId: 'a.communityId', propertyAreaId: 'a.id' };

/** The table as exported: exactly the columns on screen. */
const COLUMNS: Array<RegionStatsColumn<ParkingRow>> = PARKING_STATS_COLUMNS.map(({ key, label }) => ({ header: label, width: label.length > 5 ? 14 : 10, value: (row: ParkingRow) => row[key] }));

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * 车位信息统计 and 住宅小区车位纠纷类型情况 on the region drill-down kit (a city account starts at
 * the districts, a district officer at its streets, a street office at its communities), the
 * projects behind every number, both tables as one workbook, and 提醒更新 to the project managers
 * of the projects in the table's region that have never filed.
 */
@Injectable()
export class ParkingStatisticsService {
  /** both tables per drill (checked against the actor's scope by resolve() on every request) */
  private readonly tables: InvalidatedCache<unknown>;
  /** the pages behind the numbers per drill, cell and page (an officer taps the same numbers again and again) */
  private readonly lists: InvalidatedCache<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly drilldown: RegionDrilldownService,
    private readonly recipients: RecipientResolver,
    private readonly reminders: RemindersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    bus: InvalidationBus,
    writes: WriteInvalidation,
  ) {
    this.tables = new InvalidatedCache<unknown>(bus, PARKING_STATISTICS_TOPIC, { ttlMs: config.caches.listCountSeconds * 1000, maxEntries: 2_000 });
    this.lists = new InvalidatedCache<unknown>(bus, PARKING_LISTS_TOPIC, { ttlMs: config.caches.listCountSeconds * 1000, maxEntries: 5_000 });
    for (const entity of [ParkingFiling, ParkingDisputeReport, PropertyArea, PropertyAreaProfile, Region]) {
      writes.watch(entity, PARKING_STATISTICS_TOPIC);
      writes.watch(entity, PARKING_LISTS_TOPIC);
    }
    // the lists name companies and project managers too
    for (const entity of [PropertyCompany, ProjectManager]) writes.watch(entity, PARKING_LISTS_TOPIC);
  }

  async statistics(actor: Actor, query: ParkingRegionQueryDto): Promise<ParkingStats> {
    const drill = await this.drill(actor, query);
    return this.tables.get(JSON.stringify(['regions', drill]), () => this.drilldown.statistics(drill, this.source(false), parkingDerived)) as Promise<ParkingStats>;
  }

  async cells(actor: Actor, query: ParkingCellQueryDto): Promise<Page<ParkingCellItem>> {
    const drill = await this.drill(actor, query);
    const window = pageWindow(query);
    const cell = { regionId: query.regionId, counter: query.counter };
    return this.lists.get(JSON.stringify(['cells', drill, cell, window]), () => this.cellPage(drill, cell, window)) as Promise<Page<ParkingCellItem>>;
  }

  private cellPage(drill: RegionDrill, cell: { regionId?: number; counter: ParkingCounter }, window: PageWindow): Promise<Page<ParkingCellItem>> {
    return this.drilldown.cellPage(drill, this.source(true), cell, window, async (qb) => {
      const rows = await selectAreaContext(
        qb.select(['a.id AS propertyAreaId', 'COALESCE(pp.totalHouseholds, a.houseCount) AS households', 'pf.filedAt AS filedAt']).addSelect(['pf.total AS total', 'pf.underground AS underground', 'pf.civilDefence AS civilDefence', 'pf.evCharging AS evCharging']),
      )
        .orderBy('a.id', 'ASC')
        .getRawMany<Raw>();
      return rows.map(toCellItem);
    });
  }

  /** 住宅小区车位纠纷类型情况: per type of the catalogue, the projects that reported it and its cases, with each type's share of all cases. */
  async disputes(actor: Actor, query: ParkingRegionQueryDto): Promise<ParkingDisputeStats> {
    const drill = await this.drill(actor, query);
    return this.tables.get(JSON.stringify(['disputes', drill]), async () => {
      const rows = await this.reports(drill)
        .select('r.disputeType', 'type')
        .addSelect('COUNT(DISTINCT r.propertyAreaId)', 'projects')
        .addSelect('COALESCE(SUM(r.caseCount), 0)', 'cases')
        .groupBy('r.disputeType')
        .getRawMany<Raw>();
      const total = await this.reports(drill).select('COUNT(DISTINCT r.propertyAreaId)', 'projects').addSelect('COALESCE(SUM(r.caseCount), 0)', 'cases').getRawOne<Raw>();
      const cases = Number(total?.cases ?? 0);
      const byType = new Map(rows.map((r) => [String(r.type), r]));
      const items = Object.values(ParkingDisputeType).map((type) => {
        const row = byType.get(type);
        const typeCases = Number(row?.cases ?? 0);
        return { type, typeLabel: PARKING_DISPUTE_TYPE_LABELS[type], projects: Number(row?.projects ?? 0), cases: typeCases, share: rate(typeCases, cases) };
      });
      return { items, total: { projects: Number(total?.projects ?? 0), cases, share: cases ? 100 : 0 } };
    }) as Promise<ParkingDisputeStats>;
  }

  /** The projects behind a number of the dispute table: those that reported the type (none: any type), with all their reported types. */
  async disputeAreas(actor: Actor, query: ParkingDisputeAreaQueryDto): Promise<Page<ParkingDisputeAreaItem>> {
    const drill = await this.drill(actor, query);
    const window = pageWindow(query);
    return this.lists.get(JSON.stringify(['disputes', drill, query.type ?? null, window]), () => this.disputeAreaPage(drill, query.type, window)) as Promise<Page<ParkingDisputeAreaItem>>;
  }

  private async disputeAreaPage(drill: RegionDrill, type: ParkingDisputeType | undefined, window: PageWindow): Promise<Page<ParkingDisputeAreaItem>> {
    const areas = this.reports(drill).select('r.propertyAreaId', 'propertyAreaId');
    if (type) areas.andWhere('r.disputeType = :type', { type });
    const total = Number((await areas.clone().select('COUNT(DISTINCT r.propertyAreaId)', 'n').getRawOne<Raw>())?.n ?? 0);
    const ids = (await areas.distinct(true).orderBy('r.propertyAreaId', 'ASC').offset(window.skip).limit(window.take).getRawMany<Raw>()).map((r) => Number(r.propertyAreaId));
    if (!ids.length) return toPage([], total, window);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names of areas the drill (checked by resolve()) has just selected
    const context = await selectAreaContext(joinAreaContext(this.dataSource.getRepository(PropertyArea).createQueryBuilder('a'), { area: 'a' }).select('a.id', 'propertyAreaId'))
      .where('a.id IN (:...ids)', { ids })
      .getRawMany<Raw>();
    const reports = await this.reports(drill).select(['r.propertyAreaId AS propertyAreaId', 'r.disputeType AS disputeType', 'r.caseCount AS caseCount', 'r.note AS note']).andWhere('r.propertyAreaId IN (:...ids)', { ids }).orderBy('r.id', 'ASC').getRawMany<Raw>();
    const byId = new Map(context.map((c) => [Number(c.propertyAreaId), c]));
    return toPage(
      ids.map((id) => {
        const own = reports
          .filter((r) => Number(r.propertyAreaId) === id)
          .map((r) => toDisputeView({ disputeType: r.disputeType as ParkingDisputeType, caseCount: Number(r.caseCount), note: (r.note as string | null) ?? null }));
        const c = toAreaContext(byId.get(id) ?? {});
        return {
          propertyAreaId: id,
          propertyAreaName: c.propertyAreaName,
          streetName: c.streetName,
          communityName: c.communityName,
          companyName: c.companyName,
          projectManagerName: c.projectManagerName,
          disputes: own,
          cases: own.reduce((sum, d) => sum + d.caseCount, 0),
        };
      }),
      total,
      window,
    );
  }

  /** 导出: both tables of the page (same filter, 合计 rows included) as one workbook. */
  async export(actor: Actor, query: ParkingRegionQueryDto): Promise<StreamableFile> {
    const stats = await this.statistics(actor, query);
    const disputes = await this.disputes(actor, query);
    const disputeRows = [...disputes.items.map((d) => ({ label: d.typeLabel, ...d })), { label: '合计', ...disputes.total }];
    const title = '车位信息统计';
    return xlsxDownload(`${title}.xlsx`, {
      title,
      sheets: [
        regionStatsSheet('车位信息统计情况', stats, COLUMNS),
        {
          name: '车位纠纷类型情况',
          columns: [
            { header: '纠纷类型', width: 30, value: (row: (typeof disputeRows)[number]) => row.label },
            { header: '项目数', value: (row: (typeof disputeRows)[number]) => row.projects },
            { header: '宗数', value: (row: (typeof disputeRows)[number]) => row.cases },
            { header: '占比(%)', value: (row: (typeof disputeRows)[number]) => row.share },
          ],
          rows: () => disputeRows,
        },
      ],
    });
  }

  /**
   * 提醒更新 [M l.485]: a WeChat notice to the 负责人 of the projects of the table's region that have
   * never filed parking information, each at most once per cooldown (whoever reminds); 409 when
   * every project of the region has filed.
   */
  async remind(actor: Actor, dto: ParkingRemindDto): Promise<UrgeResult> {
    const drill = await this.drill(actor, dto);
    const qb = this.drilldown
      .applyFilter(drill, this.scope.repository(actor, PropertyArea, '物业项目').query('a'), REGION_COLUMNS)
      .select(['a.id', 'a.name', 'a.projectManagerId'])
      // eslint-disable-next-line szpm/no-raw-scoped-access -- whether an area of the scoped query has ever filed; nothing of the filings is read
      .andWhere(`NOT EXISTS (SELECT 1 FROM parking_filings nf WHERE nf.propertyAreaId = a.id)`)
      .orderBy('a.id', 'ASC');
    const neverFiled = await qb.getMany();
    const managers = await this.recipients.projectManagers(neverFiled);
    const reached = new Set(managers.map((m) => m.unitId));
    const withoutAccount = neverFiled.filter((a) => a.projectManagerId === null || !reached.has(a.projectManagerId)).length;
    const district = drill.districtId === null ? null : await this.scope.repository(actor, Region, '行政区').findById(drill.districtId);
    return this.reminders.remind({
      kind: CampaignKind.REMIND_UPDATE,
      sender: { id: actor.accountId, name: actor.name },
      districtId: drill.districtId,
      subject: PARKING_REMIND_SUBJECT,
      recipients: { accountIds: managers.map((m) => m.accountId), withoutAccount },
      title: '提醒更新：请填报车位信息',
      content: `${bureauName(district?.name)}提醒您：您负责的物业项目尚未填报车位信息，请进入“我的项目”，在项目的“车位信息”中填报车位总数、地上 / 地下 / 机械车位、产权及收费标准和车位纠纷情况。`,
      link: MESSAGE_LINKS.parkingFiling(),
      nothingToUrgeMessage: '所选范围内的物业项目均已填报过车位信息，无需提醒',
    });
  }

  private drill(actor: Actor, query: ParkingRegionQueryDto): Promise<RegionDrill> {
    return this.drilldown.resolve(actor, { districtId: query.districtId, streetId: query.streetId, communityId: query.communityId });
  }

  /** Areas with their current filing and profile; with the context names for the lists. */
  private source(withContext: boolean): RegionCounterSource<ParkingCounter> {
    return {
      rows: () => {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the regions kit confines these rows to the drill resolve() checked against the actor's scope
        const qb: SelectQueryBuilder<ObjectLiteral> = this.dataSource
          .getRepository(PropertyArea)
          .createQueryBuilder('a')
          .leftJoin(ParkingFiling, 'pf', 'pf.currentAreaId = a.id')
          .leftJoin(PropertyAreaProfile, 'pp', 'pp.propertyAreaId = a.id');
        return withContext ? joinAreaContext(qb, { area: 'a' }) : qb;
      },
      columns: REGION_COLUMNS,
      counters: parkingCounters(),
    };
  }

  /** The current filings' reports `r` of the areas `a` of a drill. */
  private reports(drill: RegionDrill): SelectQueryBuilder<ObjectLiteral> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- confined by applyFilter to the drill resolve() checked against the actor's scope
    const qb: SelectQueryBuilder<ObjectLiteral> = this.dataSource
      .getRepository(ParkingDisputeReport)
      .createQueryBuilder('r')
      .innerJoin(ParkingFiling, 'f', 'f.id = r.filingId AND f.currentAreaId IS NOT NULL')
      .innerJoin(PropertyArea, 'a', 'a.id = r.propertyAreaId');
    return this.drilldown.applyFilter(drill, qb, REGION_COLUMNS);
  }
}

function toCellItem(r: Raw): ParkingCellItem {
  const households = Number(r.households ?? 0);
  const total = num(r.total);
  const c = toAreaContext(r);
  return {
    propertyAreaId: Number(r.propertyAreaId),
    propertyAreaName: c.propertyAreaName,
    propertyAreaCode: c.propertyAreaCode,
    streetName: c.streetName,
    communityName: c.communityName,
    companyName: c.companyName,
    projectManagerName: c.projectManagerName,
    households,
    filedAt: toIso(r.filedAt),
    total,
    underground: num(r.underground),
    civilDefence: num(r.civilDefence),
    evCharging: num(r.evCharging),
    ratio: total === null ? null : parkingRatio(total, households),
  };
}
