import { Injectable, StreamableFile } from '@nestjs/common';
import {
  DiscontentSummary,
  EVALUATION_STATS_COLUMNS,
  EVALUATION_TARGET_LABELS,
  EvaluationAreaRow,
  EvaluationCounter,
  EvaluationCounts,
  EvaluationRecordView,
  EvaluationTarget,
  MESSAGE_LINKS,
  OwnerEvaluationErrorCode,
  Page,
  rate,
  RegionStats,
  UrgeResult,
} from '@szpm/contract';
import { Inject } from '@nestjs/common';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { xlsxDownload } from '../../common/excel/xlsx-export';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { RecipientGroup } from '../notifications/reminders/recipient-resolver';
import { nothingToUrge, RemindersService } from '../notifications/reminders/reminders.service';
import { joinAreaContext, selectAreaContext, toAreaContext } from '../regions/statistics/area-context';
import { CounterSet, Counts } from '../regions/statistics/counters';
import { RegionCounterSource, RegionDrill, RegionDrilldownService } from '../regions/statistics/region-drilldown.service';
import { RegionStatsColumn, regionStatsSheet } from '../regions/statistics/region-stats-xlsx';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { EvaluationRecordsQueryDto, EvaluationStatsCellQueryDto, EvaluationStatsQueryDto, UrgeEvaluationDto } from './dto/owner-evaluation.dto';
import { DiscontentReasonEntity, EvaluationAreaMonth, EvaluationReasonMonth, OwnerEvaluation, OwnerEvaluationAnswer } from './entities';
import { meanScore, shanghaiMonth } from './evaluation-score';
import { OwnerEvaluationException } from './owner-evaluations.exception';
import { OwnerEvaluationsService } from './owner-evaluations.service';

export const EVALUATION_LABEL = '业主评价';
type Key = EvaluationCounter | 'scoreSum';

/** The months a statistic covers: one month, or January to December of a year. */
export interface EvaluationPeriod {
  from: string;
  to: string;
  /** true for a single month: 评价户数 = that month's records (one per house); a year counts each house once */
  single: boolean;
}

export function periodOf(query: { year?: number; month?: number }, now = new Date()): EvaluationPeriod {
  const year = query.year ?? Number(shanghaiMonth(now).slice(0, 4));
  if (query.month === undefined) return { from: `${year}-01`, to: `${year}-12`, single: false };
  const month = `${year}-${String(query.month).padStart(2, '0')}`;
  if (month > shanghaiMonth(now)) throw new OwnerEvaluationException(OwnerEvaluationErrorCode.MONTH_IN_FUTURE);
  return { from: month, to: month, single: true };
}

/** The counters over `pa` (the areas) left-joined with `m` (their months of the period, summed). */
const COUNTERS: CounterSet<Key> = {
  [EvaluationCounter.HOUSES]: { sum: 'COALESCE(m.houses, 0)' },
  [EvaluationCounter.RECORDS]: { sum: 'COALESCE(m.records, 0)' },
  [EvaluationCounter.HOUSE_TOTAL]: { sum: 'pa.houseCount' },
  [EvaluationCounter.STAR5]: { sum: 'COALESCE(m.star5, 0)' },
  [EvaluationCounter.STAR4]: { sum: 'COALESCE(m.star4, 0)' },
  [EvaluationCounter.STAR3]: { sum: 'COALESCE(m.star3, 0)' },
  [EvaluationCounter.STAR2]: { sum: 'COALESCE(m.star2, 0)' },
  [EvaluationCounter.STAR1]: { sum: 'COALESCE(m.star1, 0)' },
  [EvaluationCounter.LOW_STAR]: { sum: 'COALESCE(m.lowStar, 0)' },
  [EvaluationCounter.REPLIED]: { sum: 'COALESCE(m.replied, 0)' },
  [EvaluationCounter.LOW_STAR_UNREPLIED]: { sum: 'COALESCE(m.lowStar, 0) - COALESCE(m.lowStarReplied, 0)' },
  scoreSum: { sum: 'COALESCE(m.scoreSum, 0)' },
};

export function deriveEvaluationRates(c: Counts<Key>): EvaluationCounts {
  const { scoreSum, ...counts } = c;
  return {
    ...counts,
    participationRate: rate(c.houses, c.houseTotal),
    averageScore: meanScore(scoreSum, c.records),
    lowStarRate: rate(c.lowStar, c.records),
    replyRate: rate(c.replied, c.records),
  };
}

const COLUMNS: Array<RegionStatsColumn<EvaluationCounts>> = EVALUATION_STATS_COLUMNS.map(({ key, label }) => ({ header: label, width: label.length > 5 ? 16 : 10, value: (row) => row[key] }));

/**
 * 评价统计 (manual ch. 9) on the region drill-down kit: per region (down to the projects) 评价户数,
 * 评价次数, 参评率, 平均分, the star distribution, 三星及以下占比, 回复数 and 回复率 — for the property
 * service or the owners' committees — read from the areas' monthly sums; 不满意原因 top-N with the
 * 其他 texts; a subject's records; 催办.
 */
@Injectable()
export class EvaluationStatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly drilldown: RegionDrilldownService,
    private readonly evaluations: OwnerEvaluationsService,
    private readonly reminders: RemindersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The areas (committee target: those with a committee) and their period's sums; one row per area. */
  private source(actor: Actor, target: EvaluationTarget, period: EvaluationPeriod): RegionCounterSource<Key> {
    return {
      rows: () => {
        const qb = this.scope.repository(actor, PropertyArea, '物业区域').query('pa') as unknown as SelectQueryBuilder<ObjectLiteral>;
        if (target === EvaluationTarget.COMMITTEE) qb.andWhere('pa.ownersCommitteeId IS NOT NULL');
        return qb.leftJoin(
          (sub) =>
            // eslint-disable-next-line szpm/no-raw-scoped-access -- the monthly sums joined to the areas the scoped door returned (the join keeps only those)
            sub
              .select('am.propertyAreaId', 'areaId')
              .addSelect(period.single ? 'SUM(am.records)' : 'SUM(am.firstInYear)', 'houses')
              .addSelect('SUM(am.records)', 'records')
              .addSelect('SUM(am.scoreHundredthsSum)', 'scoreSum')
              .addSelect(['SUM(am.star1) AS star1', 'SUM(am.star2) AS star2', 'SUM(am.star3) AS star3', 'SUM(am.star4) AS star4', 'SUM(am.star5) AS star5'])
              .addSelect(['SUM(am.lowStar) AS lowStar', 'SUM(am.replied) AS replied', 'SUM(am.lowStarReplied) AS lowStarReplied'])
              .from(EvaluationAreaMonth, 'am')
              .where('am.target = :statTarget AND am.month >= :statFrom AND am.month <= :statTo')
              .groupBy('am.propertyAreaId'),
          'm',
          'm.areaId = pa.id',
          { statTarget: target, statFrom: period.from, statTo: period.to },
        );
      },
      columns: { districtId: 'pa.districtId', streetId: 'pa.streetId', communityId: 'pa.communityId', propertyAreaId: 'pa.id' },
      counters: COUNTERS,
    };
  }

  async statistics(actor: Actor, query: EvaluationStatsQueryDto): Promise<RegionStats<EvaluationCounts>> {
    const drill = await this.drilldown.resolve(actor, query);
    return this.drilldown.statistics(drill, this.source(actor, query.target, periodOf(query)), deriveEvaluationRates) as unknown as RegionStats<EvaluationCounts>;
  }

  /** The projects behind one number, with their own figures. */
  async cells(actor: Actor, query: EvaluationStatsCellQueryDto): Promise<Page<EvaluationAreaRow>> {
    const drill = await this.drilldown.resolve(actor, query);
    return this.drilldown.cellPage(drill, this.source(actor, query.target, periodOf(query)), { regionId: query.regionId, counter: query.counter }, pageWindow(query), async (qb) => {
      joinAreaContext(qb, { area: 'pa' });
      selectAreaContext(qb.select('pa.id', 'propertyAreaId').addSelect('pa.houseCount', 'houseTotal'), 'pa');
      qb.addSelect(['COALESCE(m.houses, 0) AS houses', 'COALESCE(m.records, 0) AS records', 'COALESCE(m.scoreSum, 0) AS scoreSum', 'COALESCE(m.lowStar, 0) AS lowStar', 'COALESCE(m.replied, 0) AS replied']);
      const rows = await qb.orderBy('pa.id', 'ASC').getRawMany<Record<string, unknown>>();
      return rows.map((r) => {
        const n = (k: string) => Number(r[k] ?? 0);
        const context = toAreaContext(r);
        return {
          propertyAreaId: n('propertyAreaId'),
          propertyAreaName: context.propertyAreaName,
          streetName: context.streetName,
          communityName: context.communityName,
          companyName: context.companyName,
          projectManagerName: context.projectManagerName,
          houseTotal: n('houseTotal'),
          houses: n('houses'),
          records: n('records'),
          participationRate: rate(n('houses'), n('houseTotal')),
          averageScore: meanScore(n('scoreSum'), n('records')),
          lowStar: n('lowStar'),
          replied: n('replied'),
        };
      });
    });
  }

  /** 不满意原因 top 10 of the filter and period, and the latest 20 其他 texts. */
  async discontent(actor: Actor, query: EvaluationStatsQueryDto): Promise<DiscontentSummary> {
    const drill = await this.drilldown.resolve(actor, query);
    const period = periodOf(query);
    const columns = { districtId: 'rm.districtId', streetId: 'rm.streetId', communityId: 'rm.communityId' };
    const counts = this.drilldown
      .applyFilter(drill, this.scope.repository(actor, EvaluationReasonMonth, EVALUATION_LABEL).query('rm') as unknown as SelectQueryBuilder<ObjectLiteral>, columns)
      .andWhere('rm.target = :target AND rm.month >= :from AND rm.month <= :to', { target: query.target, from: period.from, to: period.to })
      .select('rm.reasonId', 'reasonId')
      .addSelect('SUM(rm.count)', 'count')
      .groupBy('rm.reasonId')
      .orderBy('count', 'DESC')
      .limit(10);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the names of the areas of evaluations the scoped door returned
    const others = this.recordsIn(actor, drill, query.target, period)
      .innerJoin(OwnerEvaluationAnswer, 'ans', 'ans.evaluationId = e.id')
      .andWhere('ans.otherReason IS NOT NULL')
      .innerJoin(PropertyArea, 'opa', 'opa.id = e.propertyAreaId');
    const [reasonRows, otherCount, otherRows, names] = await Promise.all([
      counts.getRawMany<{ reasonId: number; count: string | number }>(),
      others.clone().select('COUNT(DISTINCT e.id)', 'n').getRawOne<{ n: string | number }>(),
      others.clone().select(['e.id AS evaluationId', 'ans.otherReason AS text', 'opa.name AS areaName', 'e.month AS month']).orderBy('e.id', 'DESC').limit(20).getRawMany<Record<string, unknown>>(),
      this.dataSource.getRepository(DiscontentReasonEntity).find({ select: { id: true, name: true } }),
    ]);
    const nameOf = new Map(names.map((r) => [r.id, r.name]));
    return {
      reasons: reasonRows.map((r) => ({ reasonId: Number(r.reasonId), name: nameOf.get(Number(r.reasonId)) ?? '', count: Number(r.count) })),
      otherCount: Number(otherCount?.n ?? 0),
      otherTexts: otherRows.map((r) => ({ evaluationId: Number(r.evaluationId), text: String(r.text), propertyAreaName: String(r.areaName ?? ''), month: String(r.month) })),
    };
  }

  /** 评价明细 of a project (area) or a company, within the actor's scope; filter by stars. */
  async records(actor: Actor, query: EvaluationRecordsQueryDto): Promise<Page<EvaluationRecordView>> {
    if (query.propertyAreaId === undefined && query.companyId === undefined) throw AppException.invalidField('propertyAreaId', '请指定物业项目或物业企业');
    const period = periodOf(query);
    const qb = this.scope.repository(actor, OwnerEvaluation, EVALUATION_LABEL).query('e').andWhere('e.target = :target AND e.month >= :from AND e.month <= :to', { target: query.target, from: period.from, to: period.to });
    if (query.propertyAreaId !== undefined) qb.andWhere('e.propertyAreaId = :areaId', { areaId: query.propertyAreaId });
    if (query.companyId !== undefined) qb.andWhere('e.companyId = :companyId', { companyId: query.companyId });
    if (query.stars !== undefined) qb.andWhere('e.stars = :stars', { stars: query.stars });
    const window = pageWindow(query);
    const [rows, total] = await qb.orderBy('e.id', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    return toPage(await this.evaluations.recordViews(rows, 'officer'), total, window);
  }

  async export(actor: Actor, query: EvaluationStatsQueryDto): Promise<StreamableFile> {
    const stats = await this.statistics(actor, query);
    const period = periodOf(query);
    const label = `${EVALUATION_TARGET_LABELS[query.target]}评价统计`;
    return xlsxDownload(`${label}_${period.single ? period.from : period.from.slice(0, 4)}.xlsx`, { title: label, sheets: [regionStatsSheet(label, stats, COLUMNS)] });
  }

  /**
   * 催办 for a region and a month: the project managers (committee target: the chairs) of the areas
   * with unreplied low-star evaluations, or whose 参评率 is below OWNER_EVALUATION_URGE_PARTICIPATION_PERCENT.
   */
  async urge(actor: Actor, body: UrgeEvaluationDto): Promise<UrgeResult> {
    const drill = await this.drilldown.resolve(actor, body);
    const [year, month] = body.month.split('-').map(Number);
    const period = periodOf({ year, month });
    const source = this.source(actor, body.target, period);
    const threshold = this.config.ownerEvaluations.urgeParticipationPercent;
    const qb = this.drilldown
      .applyFilter(drill, source.rows(), source.columns)
      .select('pa.id', 'id')
      .andWhere('(COALESCE(m.lowStar, 0) > COALESCE(m.lowStarReplied, 0) OR COALESCE(m.houses, 0) * 100 < pa.houseCount * :urgeThreshold)', { urgeThreshold: threshold });
    const ids = (await qb.getRawMany<{ id: number | string }>()).map((r) => Number(r.id));
    const message = '范围内没有待回复的低星评价，参评率也均已达标，无需催办';
    if (!ids.length) throw nothingToUrge(message);
    return this.reminders.remind({
      sender: { id: actor.accountId, name: actor.name },
      districtId: drill.districtId,
      // the matter is the month and target (a project manager urged about it by the city is not urged again by the district)
      subject: { type: 'owner-evaluations.urge', id: (year * 100 + month) * 10 + (body.target === EvaluationTarget.COMMITTEE ? 1 : 0) },
      recipients: { actor, query: { districtIds: null, propertyAreaIds: ids, groups: [body.target === EvaluationTarget.COMMITTEE ? RecipientGroup.COMMITTEE_CHAIR : RecipientGroup.PROJECT_MANAGER] } },
      title: body.title,
      content: body.content,
      link: MESSAGE_LINKS.evaluationReplies(body.month),
      nothingToUrgeMessage: message,
    });
  }

  /** The evaluations of a drill's filter and period, through the scoped door. */
  private recordsIn(actor: Actor, drill: RegionDrill, target: EvaluationTarget, period: EvaluationPeriod): SelectQueryBuilder<ObjectLiteral> {
    const qb = this.scope.repository(actor, OwnerEvaluation, EVALUATION_LABEL).query('e') as unknown as SelectQueryBuilder<ObjectLiteral>;
    qb.andWhere('e.target = :target AND e.month >= :from AND e.month <= :to', { target, from: period.from, to: period.to });
    return this.drilldown.applyFilter(drill, qb, { districtId: 'e.districtId', streetId: 'e.streetId', communityId: 'e.communityId' });
  }
}
