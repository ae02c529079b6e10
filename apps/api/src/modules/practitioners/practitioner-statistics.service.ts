import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import {
  CERTIFIED_POSITIONS,
  CompanyPractitionerRow,
  EmployerKind,
  Page,
  PRACTITIONER_PROJECT_COUNTERS,
  PractitionerCellPage,
  PractitionerPosition,
  PractitionerProjectCounters,
  PractitionerProjectItem,
  PractitionerProjectRow,
  PractitionerProjectStats,
  PractitionerStatus,
  rate,
} from '@szpm/contract';
import { DataSource, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { InvalidatedCache } from '../../common/cache/invalidated-cache';
import { InvalidationBus } from '../../common/cache/invalidation-bus';
import { WriteInvalidation } from '../../common/cache/write-invalidation';
import { xlsxDownload } from '../../common/excel/xlsx-export';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { shanghaiDate } from '../../common/http/shanghai-time';
import { containsWhere } from '../../common/search/text-search';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { PROPERTY_COMPANY_NAMES } from '../property-areas/areas/area-search';
import { addDays } from '../property-areas/facilities/facility-due';
import { whereCompanyOfDistrict } from '../regions/district-companies';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { PropertyCompany } from '../regions/entities/property-company.entity';
import { Region } from '../regions/entities/region.entity';
import { joinAreaContext, selectAreaContext, toAreaContext } from '../regions/statistics/area-context';
import { CounterSet, Counts } from '../regions/statistics/counters';
import { RegionCounterSource, RegionDrill, RegionDrilldownService } from '../regions/statistics/region-drilldown.service';
import { RegionStatsColumn, regionStatsSheet } from '../regions/statistics/region-stats-xlsx';
import { PractitionerCellQueryDto, PractitionerRegionQueryDto, CompanyStatsQueryDto } from './dto/practitioner.dto';
import { Practitioner, PractitionerAreaCount, PractitionerCertificate, PractitionerRoster } from './entities';
import { AREA_COUNT_COLUMNS } from './practitioner-counts';
import { PractitionersService, toFiling } from './practitioners.service';

type ProjectCounter = (typeof PRACTITIONER_PROJECT_COUNTERS)[number];
type PeopleCounter = Exclude<keyof PractitionerProjectCounters, ProjectCounter>;
/** the people counters kept per area on write (practitioner_area_counts), i.e. all but the two that depend on the day */
type AreaCounter = Exclude<PeopleCounter, 'certified' | 'expiringSoon'>;
type TableCounter = ProjectCounter | AreaCounter;

const isProjectCounter = (counter: string): counter is ProjectCounter => (PRACTITIONER_PROJECT_COUNTERS as readonly string[]).includes(counter);

const positionIs = (...positions: PractitionerPosition[]) => `p.position IN (${positions.map((p) => `'${p}'`).join(', ')})`;

/** 项目数 / 已填报 / 未填报 over areas `a` with their roster `r`. */
export function projectCounters(): CounterSet<ProjectCounter> {
  return { projects: {}, filed: { when: 'r.id IS NOT NULL' }, notFiled: { when: 'r.id IS NULL' } };
}

/** The project counters and, summed from each area's counts `k` (kept on write), the people counters that do not depend on the day. */
export function tableCounters(): CounterSet<TableCounter> {
  const sums = Object.fromEntries(AREA_COUNT_COLUMNS.map((column) => [column, { sum: `k.${column}` }])) as CounterSet<AreaCounter>;
  return { ...projectCounters(), ...sums };
}

/**
 * The same people counters as conditions over on-duty project practitioners `p` (the lists behind
 * the summed numbers): each person counts where contributionOf puts it.
 */
export function areaPeopleCounters(): CounterSet<AreaCounter> {
  const P = PractitionerPosition;
  return {
    people: {},
    managers: { when: positionIs(P.PROJECT_MANAGER) },
    customerService: { when: positionIs(P.CUSTOMER_SERVICE) },
    security: { when: positionIs(P.SECURITY) },
    cleaners: { when: positionIs(P.CLEANER) },
    gardeners: { when: positionIs(P.GARDENER) },
    maintenance: { when: positionIs(P.MAINTENANCE) },
    electricians: { when: positionIs(P.ELECTRICIAN) },
    fireControl: { when: positionIs(P.FIRE_CONTROL) },
    liftSafety: { when: positionIs(P.LIFT_SAFETY) },
    otherPositions: { when: positionIs(P.FINANCE, P.ADMIN, P.OTHER) },
    needCertificate: { when: positionIs(...CERTIFIED_POSITIONS) },
    partyMembers: { when: 'p.isPartyMember = :partyYes', params: { partyYes: true } },
  };
}

/** The table as exported: exactly the columns on screen. */
const COLUMNS: Array<RegionStatsColumn<PractitionerProjectRow>> = [
  { header: '项目数', value: (c) => c.projects },
  { header: '已填报', value: (c) => c.filed },
  { header: '未填报', value: (c) => c.notFiled },
  { header: '从业人员数', value: (c) => c.people },
  { header: '项目负责人', value: (c) => c.managers },
  { header: '客服/管家', value: (c) => c.customerService },
  { header: '秩序维护员', value: (c) => c.security },
  { header: '保洁员', value: (c) => c.cleaners },
  { header: '绿化工', value: (c) => c.gardeners },
  { header: '工程维修', value: (c) => c.maintenance },
  { header: '电工', value: (c) => c.electricians },
  { header: '消控值班员', value: (c) => c.fireControl },
  { header: '电梯安全管理员', width: 16, value: (c) => c.liftSafety },
  { header: '其他岗位', value: (c) => c.otherPositions },
  { header: '须持证人数', value: (c) => c.needCertificate },
  { header: '持证人数', value: (c) => c.certified },
  { header: '持证率（%）', value: (c) => c.certifiedRate },
  { header: '证书即将到期', width: 14, value: (c) => c.expiringSoon },
  { header: '党员数', value: (c) => c.partyMembers },
];

const REGION_COLUMNS_A = { districtId: 'a.districtId', streetId: 'a.streetId', communityId: 'a.communityId', propertyAreaId: 'a.id' };
const REGION_COLUMNS_P = { districtId: 'p.districtId', streetId: 'p.streetId', communityId: 'p.communityId', propertyAreaId: 'p.propertyAreaId' };

/** the two counters that depend on the day, each from its own few rows (an index range, not every person) */
type DayCounter = 'certified' | 'expiringSoon';
const isDayCounter = (counter: string): counter is DayCounter => counter === 'certified' || counter === 'expiringSoon';

/** The table's cache topic: a practitioner, certificate, roster filing, area or region written empties it. */
const PRACTITIONER_STATISTICS_TOPIC = 'practitioner-statistics';

const emptyByPosition = () => Object.fromEntries(Object.values(PractitionerPosition).map((p) => [p, 0])) as Record<PractitionerPosition, number>;

/**
 * 项目从业人员统计 on the region drill-down kit (street → community → project; every number opens its
 * projects or people through cellPage), 企业从业人员统计 by company (whereCompanyOfDistrict), and the
 * table's xlsx.
 */
@Injectable()
export class PractitionerStatisticsService {
  /**
   * The table per drill and day (the drill checked against the actor's scope by resolve() on every
   * request): a district's table counts some 100,000 people, and changes only with a write to what
   * it counts — or with the day, which moves certificates from valid to expiring to expired.
   */
  private readonly tables: InvalidatedCache<PractitionerProjectStats>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly drilldown: RegionDrilldownService,
    private readonly practitioners: PractitionersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    bus: InvalidationBus,
    writes: WriteInvalidation,
  ) {
    this.tables = new InvalidatedCache<PractitionerProjectStats>(bus, PRACTITIONER_STATISTICS_TOPIC, { ttlMs: config.caches.listCountSeconds * 1000, maxEntries: 2_000 });
    for (const entity of [Practitioner, PractitionerCertificate, PractitionerRoster, PractitionerAreaCount, PropertyArea, Region]) writes.watch(entity, PRACTITIONER_STATISTICS_TOPIC);
  }

  get withinDays(): number {
    return this.config.practitioners.certificateExpiringDays;
  }

  async statistics(actor: Actor, query: PractitionerRegionQueryDto): Promise<PractitionerProjectStats> {
    const drill = await this.drill(actor, query);
    const today = shanghaiDate(new Date());
    return this.tables.get(JSON.stringify([drill, today]), () => this.table(drill, today));
  }

  /**
   * One grouped query over the drill's areas (a few thousand rows with their roster and counts, not
   * the ~400,000 people) and two over index ranges: the certified and those with a certificate
   * expiring in the window.
   */
  private async table(drill: RegionDrill, today: string): Promise<PractitionerProjectStats> {
    const [areas, certified, expiring] = await Promise.all([
      this.drilldown.statistics(drill, this.projectSource(false)),
      this.drilldown.statistics(drill, this.certifiedSource(today)),
      this.drilldown.statistics(drill, this.expiringSource(today, drill)),
    ]);
    const derive = (c: Counts<TableCounter> & Counts<DayCounter>): PractitionerProjectRow => ({ ...c, certifiedRate: rate(c.certified, c.needCertificate) });
    return {
      level: drill.level,
      withinDays: this.withinDays,
      total: derive({ ...areas.total, ...certified.total, ...expiring.total }),
      // the three tables list the same child regions in the same order
      items: areas.items.map((item, i) => ({ ...certified.items[i], ...expiring.items[i], ...item, ...derive({ ...item, ...certified.items[i], ...expiring.items[i] }) })),
    };
  }

  async cells(actor: Actor, query: PractitionerCellQueryDto): Promise<PractitionerCellPage> {
    const drill = await this.drill(actor, query);
    const window = pageWindow(query);
    const cell = { regionId: query.regionId, counter: query.counter };
    if (isProjectCounter(query.counter)) {
      const page = await this.drilldown.cellPage(drill, this.projectSource(true), cell, window, async (qb) => {
        const rows = await selectAreaContext(qb.select(['a.id AS id', 'r.filedAt AS filedAt', 'r.lastUpdatedAt AS lastUpdatedAt', 'r.lastUpdatedByName AS lastUpdatedByName']))
          .orderBy('a.id', 'ASC')
          .getRawMany<Record<string, unknown>>();
        const onDuty = await this.onDutyOf(rows.map((r) => Number(r.id)));
        return rows.map(
          (r): PractitionerProjectItem => ({
            propertyAreaId: Number(r.id),
            ...toAreaContext(r),
            ...toFiling(r.filedAt ? { filedAt: r.filedAt as Date, lastUpdatedAt: r.lastUpdatedAt as Date, lastUpdatedByName: (r.lastUpdatedByName as string | null) ?? null } : null),
            onDuty: onDuty.get(Number(r.id)) ?? 0,
          }),
        );
      });
      return { kind: 'PROJECTS', ...page };
    }
    const today = shanghaiDate(new Date());
    const source: RegionCounterSource<string> = isDayCounter(query.counter)
      ? query.counter === 'certified'
        ? this.certifiedSource(today)
        : this.expiringSource(today, drill)
      : this.areaPeopleSource();
    const page = await this.drilldown.cellPage(drill, source, cell, window, async (qb) =>
      this.practitioners.items(actor, (await (qb as SelectQueryBuilder<Practitioner>).orderBy('p.id', 'ASC').getMany()) as Practitioner[]),
    );
    return { kind: 'PEOPLE', ...page };
  }

  async export(actor: Actor, query: PractitionerRegionQueryDto): Promise<StreamableFile> {
    const stats = await this.statistics(actor, query);
    const title = '项目从业人员统计';
    return xlsxDownload(`${title}.xlsx`, { title, sheets: [regionStatsSheet(title, stats, COLUMNS)] });
  }

  /**
   * 企业从业人员统计: the companies the district sees (registered there or running an area there),
   * searchable by 企业名称; per company its projects in the district, its own staff, its projects'
   * staff in the district, and both by position.
   */
  async companies(actor: Actor, query: CompanyStatsQueryDto): Promise<Page<CompanyPractitionerRow>> {
    const districtId = this.scope.districtFilter(actor, query.districtId);
    const window = pageWindow(query);
    const qb = whereCompanyOfDistrict(this.dataSource.getRepository(PropertyCompany).createQueryBuilder('c'), 'c.id', districtId);
    if (query.search) {
      const contains = containsWhere(PROPERTY_COMPANY_NAMES, 'c.name', query.search);
      qb.andWhere(contains.sql, contains.params);
    }
    const [companies, total] = await qb.select(['c.id', 'c.name']).orderBy('c.id', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    const ids = companies.map((c) => c.id);
    if (!ids.length) return toPage([], total, window);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- counts the areas of the district (districtFilter) run by companies it sees
    const areas = this.dataSource.getRepository(PropertyArea).createQueryBuilder('a').select('a.companyId', 'companyId').addSelect('COUNT(*)', 'n').where({ companyId: In(ids) });
    if (districtId !== null) areas.andWhere('a.districtId = :districtId', { districtId });
    const projectCounts = await areas.groupBy('a.companyId').getRawMany<{ companyId: number | string; n: number | string }>();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- on-duty staff of companies the district sees: their own staff anywhere, their projects' staff in the district only
    const staff = this.dataSource
      .getRepository(Practitioner)
      .createQueryBuilder('p')
      .select(['p.companyId AS companyId', 'p.employerKind AS kind', 'p.position AS position'])
      .addSelect('COUNT(*)', 'n')
      .where('p.companyId IN (:...ids) AND p.status = :onDuty', { ids, onDuty: PractitionerStatus.ON_DUTY });
    if (districtId !== null) staff.andWhere('(p.employerKind = :companyKind OR p.districtId = :districtId)', { companyKind: EmployerKind.COMPANY, districtId });
    const counts = await staff.groupBy('p.companyId').addGroupBy('p.employerKind').addGroupBy('p.position').getRawMany<{ companyId: number | string; kind: EmployerKind; position: PractitionerPosition; n: number | string }>();
    const rows = companies.map((c): CompanyPractitionerRow => {
      const mine = counts.filter((r) => Number(r.companyId) === c.id);
      const byPosition = emptyByPosition();
      for (const r of mine) byPosition[r.position] += Number(r.n);
      const sum = (kind: EmployerKind) => mine.filter((r) => r.kind === kind).reduce((n, r) => n + Number(r.n), 0);
      return {
        companyId: c.id,
        companyName: c.name,
        projects: Number(projectCounts.find((r) => Number(r.companyId) === c.id)?.n ?? 0),
        companyStaff: sum(EmployerKind.COMPANY),
        projectStaff: sum(EmployerKind.PROJECT),
        byPosition,
      };
    });
    return toPage(rows, total, window);
  }

  private drill(actor: Actor, query: PractitionerRegionQueryDto): Promise<RegionDrill> {
    return this.drilldown.resolve(actor, { districtId: query.districtId, streetId: query.streetId, communityId: query.communityId });
  }

  private async onDutyOf(areaIds: number[]): Promise<Map<number, number>> {
    if (!areaIds.length) return new Map();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- counts the rosters of areas the drill-down kit confined
    const rows = await this.dataSource
      .getRepository(Practitioner)
      .createQueryBuilder('p')
      .select('p.propertyAreaId', 'areaId')
      .addSelect('COUNT(*)', 'n')
      .where('p.propertyAreaId IN (:...areaIds) AND p.status = :onDuty', { areaIds, onDuty: PractitionerStatus.ON_DUTY })
      .groupBy('p.propertyAreaId')
      .getRawMany<{ areaId: number | string; n: number | string }>();
    return new Map(rows.map((r) => [Number(r.areaId), Number(r.n)]));
  }

  private projectSource(withContext: boolean): RegionCounterSource<TableCounter> {
    return {
      rows: () => {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the regions kit confines these rows to the drill resolve() checked against the actor's scope
        const qb: SelectQueryBuilder<ObjectLiteral> = this.dataSource
          .getRepository(PropertyArea)
          .createQueryBuilder('a')
          .leftJoin(PractitionerRoster, 'r', 'r.propertyAreaId = a.id')
          .leftJoin(PractitionerAreaCount, 'k', 'k.propertyAreaId = a.id');
        return withContext ? joinAreaContext(qb, { area: 'a' }) : qb;
      },
      columns: REGION_COLUMNS_A,
      counters: tableCounters(),
    };
  }

  /** On-duty project practitioners `p`, not yet confined to a region. */
  private onDutyProjectStaff(): SelectQueryBuilder<ObjectLiteral> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the regions kit confines these rows to the drill resolve() checked against the actor's scope
    return this.dataSource
      .getRepository(Practitioner)
      .createQueryBuilder('p')
      .where('p.employerKind = :projectKind AND p.status = :onDutyStatus', { projectKind: EmployerKind.PROJECT, onDutyStatus: PractitionerStatus.ON_DUTY });
  }

  /** The people behind the summed numbers: by their area's region, as the sums are. */
  private areaPeopleSource(): RegionCounterSource<AreaCounter> {
    return {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the area of each practitioner row, which the regions kit confines to the drill
      rows: () => this.onDutyProjectStaff().innerJoin(PropertyArea, 'a', 'a.id = p.propertyAreaId'),
      columns: REGION_COLUMNS_A,
      counters: areaPeopleCounters(),
    };
  }

  /** 持证人数: certified positions with a qualifying certificate valid on `today` (qualifiedUntil, an index range). */
  private certifiedSource(today: string): RegionCounterSource<'certified'> {
    return {
      rows: () => this.onDutyProjectStaff().andWhere('p.qualifiedUntil >= :certifiedToday', { certifiedToday: today }),
      columns: REGION_COLUMNS_P,
      counters: { certified: {} },
    };
  }

  /**
   * 证书即将到期: those with a certificate (any type) expiring from `today` to the window's end; the
   * few certificates of the window drive the query, narrowed to the drill's district and street
   * (a certificate carries its practitioner's, copied when written) so that only those are looked up.
   */
  private expiringSource(today: string, drill: RegionDrill): RegionCounterSource<'expiringSoon'> {
    return {
      rows: () =>
        this.onDutyProjectStaff()
          .innerJoin(
            (sub) => {
              // eslint-disable-next-line szpm/no-raw-scoped-access -- the certificates of the practitioner rows the drill-down kit confines (narrowed to the same drill)
              const window = sub.select('DISTINCT ec.practitionerId', 'practitionerId').from(PractitionerCertificate, 'ec').where('ec.expiresAt >= :expiringToday AND ec.expiresAt <= :expiringUntil');
              if (drill.districtId !== null) window.andWhere('ec.districtId = :expiringDistrictId');
              if (drill.streetId !== null) window.andWhere('ec.streetId = :expiringStreetId');
              return window;
            },
            'e',
            'e.practitionerId = p.id',
          )
          .setParameters({ expiringToday: today, expiringUntil: addDays(today, this.withinDays), expiringDistrictId: drill.districtId, expiringStreetId: drill.streetId }),
      columns: REGION_COLUMNS_P,
      counters: { expiringSoon: {} },
    };
  }
}
