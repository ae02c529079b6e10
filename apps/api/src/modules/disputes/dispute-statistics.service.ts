import { Injectable, StreamableFile } from '@nestjs/common';
import { DISPUTE_STATS_COLUMNS, DisputeCategoryStatsRow, DisputeCounter, DisputeCounts, DisputeDisposal, DisputeOutcome, DisputeSummary, Page, rate, RegionStats, Role } from '@szpm/contract';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { xlsxDownload } from '../../common/excel/xlsx-export';
import { pageWindow } from '../../common/http/pagination.dto';
import { shanghaiDate, startOfShanghaiDay } from '../../common/http/shanghai-time';
import { dialectOf } from '../../common/sql/insert-rows';
import { addCounts, CounterSet, Counts, readCounts, selectCounters } from '../regions/statistics/counters';
import { RegionCounterSource, RegionDrilldownService } from '../regions/statistics/region-drilldown.service';
import { RegionStatsColumn, regionStatsSheet } from '../regions/statistics/region-stats-xlsx';
import { sqlInstant } from '../../common/sql/datetime';
import { ledgerRows } from './dispute-ledger';
import { toDisputeSummary } from './dispute-views';
import { DISPUTE_LABEL } from './disputes.service';
import { DisputeStatsCellQueryDto, DisputeStatsQueryDto } from './dto/dispute.dto';
import { DisputeCase } from './entities/dispute-case.entity';
import { DisputeCategory } from './entities/dispute-category.entity';

type Key = DisputeCounter | 'handlingDays';

/** The counters of the chapter's statistics over dispute_cases `d`; handlingDays (summed) gives 平均办理天数. */
export function disputeCounters(today: string): CounterSet<Key> {
  return {
    [DisputeCounter.ENTERED]: {},
    [DisputeCounter.TRANSFERRED]: { when: 'd.transferCount > 0' },
    [DisputeCounter.CLOSED]: { when: 'd.closed = :statClosed', params: { statClosed: true } },
    [DisputeCounter.UNFINISHED]: { when: 'd.closed = :statOpen', params: { statOpen: false } },
    [DisputeCounter.OVERDUE]: { when: 'd.closed = :statOverdueOpen AND d.deadline < :statToday', params: { statOverdueOpen: false, statToday: today } },
    [DisputeCounter.RESOLVED]: { when: 'd.disposal = :statResolve', params: { statResolve: DisputeDisposal.RESOLVE } },
    [DisputeCounter.DE_ESCALATED]: { when: 'd.disposal = :statDeEscalate', params: { statDeEscalate: DisputeDisposal.DE_ESCALATE } },
    [DisputeCounter.SETTLED]: { when: 'd.closed = :statSettledClosed AND d.outcome = :statSettled', params: { statSettledClosed: true, statSettled: DisputeOutcome.SETTLED } },
    [DisputeCounter.SENT_BACK]: { sum: 'd.sendBackCount' },
    handlingDays: { when: 'd.closed = :statDaysClosed', sum: 'd.handlingDays', params: { statDaysClosed: true } },
  };
}

/** 案结事了率 = 案结事了 / 办结; 平均办理天数 = days of the closed cases / 办结 (one decimal). */
export function deriveDisputeRates(counts: Counts<Key>): Pick<DisputeCounts, 'settledRate' | 'averageHandlingDays'> {
  const closed = counts[DisputeCounter.CLOSED];
  return { settledRate: rate(counts[DisputeCounter.SETTLED], closed), averageHandlingDays: closed ? Math.round((counts.handlingDays / closed) * 10) / 10 : 0 };
}

const COLUMNS: Array<RegionStatsColumn<DisputeCounts>> = DISPUTE_STATS_COLUMNS.map(({ key, label }) => ({ header: label, width: label.length > 5 ? 14 : 10, value: (row: DisputeCounts) => row[key] }));

/**
 * 纠纷统计 for the district lead on the region drill-down kit: 录入, 转办, 办结, 未办结, 超期, 化解,
 * 疏导, 案结事了 and its rate, 驳回重报次数, 平均办理天数 by street (community, area), every number
 * opening its cases; the same counters by 问题分类; and the table's xlsx.
 */
@Injectable()
export class DisputeStatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly drilldown: RegionDrilldownService,
  ) {}

  private source(actor: Actor, query: DisputeStatsQueryDto): RegionCounterSource<Key> {
    const dialect = dialectOf(this.dataSource);
    return {
      rows: () => {
        const qb = this.scope.repository(actor, DisputeCase, DISPUTE_LABEL).query('d');
        if (actor.role === Role.STREET_OFFICER) qb.andWhere('d.transferCount > 0');
        if (query.enteredFrom) qb.andWhere('d.enteredAt >= :statFrom', { statFrom: sqlInstant(startOfShanghaiDay(query.enteredFrom), dialect) });
        if (query.enteredTo) qb.andWhere('d.enteredAt < :statTo', { statTo: sqlInstant(new Date(startOfShanghaiDay(query.enteredTo).getTime() + 86_400_000), dialect) });
        return qb as unknown as SelectQueryBuilder<ObjectLiteral>;
      },
      columns: { districtId: 'd.districtId', streetId: 'd.streetId', communityId: 'd.communityId', propertyAreaId: 'd.propertyAreaId' },
      counters: disputeCounters(shanghaiDate(new Date())),
    };
  }

  async statistics(actor: Actor, query: DisputeStatsQueryDto): Promise<RegionStats<DisputeCounts>> {
    const drill = await this.drilldown.resolve(actor, query);
    return (await this.drilldown.statistics(drill, this.source(actor, query), deriveDisputeRates)) as unknown as RegionStats<DisputeCounts>;
  }

  async cells(actor: Actor, query: DisputeStatsCellQueryDto): Promise<Page<DisputeSummary>> {
    const drill = await this.drilldown.resolve(actor, query);
    const today = shanghaiDate(new Date());
    return this.drilldown.cellPage(drill, this.source(actor, query), { regionId: query.regionId, counter: query.counter }, pageWindow(query), async (qb) => {
      const ids = (await qb.select('d.id', 'id').orderBy('d.enteredAt', 'DESC').addOrderBy('d.id', 'DESC').getRawMany<{ id: number }>()).map((r) => Number(r.id));
      if (!ids.length) return [];
      const rows = ledgerRows(ids);
      const byId = new Map(((await this.dataSource.query(rows.sql, rows.params)) as Array<Record<string, unknown>>).map((r) => [Number(r.id), r]));
      return ids.map((id) => toDisputeSummary(byId.get(id)!, today));
    });
  }

  /** 按问题分类: the same counters per category, within the same filter. */
  async byCategory(actor: Actor, query: DisputeStatsQueryDto): Promise<DisputeCategoryStatsRow[]> {
    const drill = await this.drilldown.resolve(actor, query);
    const source = this.source(actor, query);
    const qb = this.drilldown.applyFilter(drill, source.rows(), source.columns).select('d.categoryId', 'categoryId').groupBy('d.categoryId');
    const raw = await selectCounters(qb, source.counters).getRawMany<Record<string, unknown>>();
    const byCategory = new Map(raw.map((r) => [Number(r.categoryId), readCounts(r, source.counters)]));
    const categories = await this.dataSource.getRepository(DisputeCategory).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
    return categories
      .filter((c) => c.active || byCategory.has(c.id))
      .map((c) => {
        const counts = byCategory.get(c.id) ?? addCounts([], source.counters);
        return { categoryId: c.id, categoryName: c.name, ...counts, ...deriveDisputeRates(counts) } as DisputeCategoryStatsRow;
      });
  }

  async export(actor: Actor, query: DisputeStatsQueryDto): Promise<StreamableFile> {
    const [stats, categories] = await Promise.all([this.statistics(actor, query), this.byCategory(actor, query)]);
    return xlsxDownload(`纠纷化解统计_${shanghaiDate(new Date())}.xlsx`, {
      title: '纠纷化解统计',
      sheets: [
        regionStatsSheet('按区域', stats, COLUMNS),
        { name: '按问题分类', columns: [{ header: '问题分类', width: 22, value: (row: DisputeCategoryStatsRow) => row.categoryName }, ...COLUMNS], rows: () => categories },
      ],
    });
  }
}
