import { Injectable, StreamableFile } from '@nestjs/common';
import {
  DECISION_CATEGORY_LABELS,
  Page,
  rate,
  RegionStats,
  VOTE_MEETING_STATS_COLUMNS,
  VOTE_TOPIC_STATS_COLUMNS,
  VOTE_USAGE_STATS_COLUMNS,
  VoteListItem,
  VoteMeetingCounter,
  VoteMeetingCounts,
  VoteState,
  VoteTopicCounter,
  VoteTopicCounts,
  VoteTopicListItem,
  VoteUsageAreaRow,
  VoteUsageCounter,
  VoteUsageCounts,
} from '@szpm/contract';
import { DataSource, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { xlsxDownload } from '../../common/excel/xlsx-export';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { OwnerHouseBinding } from '../owners/entities';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { joinAreaContext, selectAreaContext, toAreaContext } from '../regions/statistics/area-context';
import { CounterSet, Counts } from '../regions/statistics/counters';
import { RegionCounterSource, RegionDrilldownService } from '../regions/statistics/region-drilldown.service';
import { RegionStatsColumn, regionStatsSheet } from '../regions/statistics/region-stats-xlsx';
import {
  VoteMeetingCellQueryDto,
  VoteMeetingStatsQueryDto,
  VoteTopicCellQueryDto,
  VoteTopicStatsQueryDto,
  VoteUsageCellQueryDto,
  VoteUsageStatsQueryDto,
} from './dto/owner-decision.dto';
import { OwnerVote, OwnerVoteTopic } from './entities';
import { OwnerDecisionsService } from './owner-decisions.service';
import { voteListItem } from './vote-views';

const VOTE_LABEL = '业主投票';
/** Votes the owners have seen: drafts and votes under the street's check are not meetings yet. */
const HELD_STATES = [VoteState.PUBLISHED, VoteState.VOTING, VoteState.PUBLICITY, VoteState.COMPLETED];
const COUNTED = `v.state IN ('${VoteState.PUBLICITY}', '${VoteState.COMPLETED}')`;
// booleans are compared with 1 / 0 literals: both dialects store them so, and SQLite drivers refuse boolean parameters
const ALL_TOPICS_QUORATE = `NOT EXISTS (SELECT 1 FROM owner_vote_topics qt WHERE qt.voteId = v.id AND (qt.quorumReached IS NULL OR qt.quorumReached = 0))`;

const MEETING_COUNTERS: CounterSet<VoteMeetingCounter> = {
  [VoteMeetingCounter.MEETINGS]: {},
  [VoteMeetingCounter.VOTING]: { when: `v.state = '${VoteState.VOTING}'` },
  [VoteMeetingCounter.PUBLICITY]: { when: `v.state = '${VoteState.PUBLICITY}'` },
  [VoteMeetingCounter.COMPLETED]: { when: `v.state = '${VoteState.COMPLETED}'` },
  [VoteMeetingCounter.DELAYED]: { when: 'v.delayed = 1' },
  // a meeting reaches the participation threshold when every topic of it did (each topic is balloted on its own)
  [VoteMeetingCounter.QUORUM_REACHED]: { when: `${COUNTED} AND ${ALL_TOPICS_QUORATE}` },
  [VoteMeetingCounter.COUNTED]: { when: COUNTED },
  [VoteMeetingCounter.PARTICIPATION_AREA_BP]: { when: COUNTED, sum: 'COALESCE(v.participationAreaBp, 0)' },
  [VoteMeetingCounter.PARTICIPATION_PERSONS_BP]: { when: COUNTED, sum: 'COALESCE(v.participationPersonsBp, 0)' },
};

const TOPIC_COUNTERS: CounterSet<VoteTopicCounter> = {
  [VoteTopicCounter.TOPICS]: {},
  [VoteTopicCounter.PASSED]: { when: 't.passed = 1' },
  [VoteTopicCounter.FAILED]: { when: 't.passed = 0' },
};

const USAGE_COUNTERS: CounterSet<VoteUsageCounter> = {
  [VoteUsageCounter.AREAS]: {},
  [VoteUsageCounter.USED_AREAS]: { when: 'COALESCE(u.votes, 0) > 0' },
  [VoteUsageCounter.VOTES_THIS_YEAR]: { sum: 'COALESCE(u.votesThisYear, 0)' },
  [VoteUsageCounter.HOUSE_TOTAL]: { sum: 'pa.houseCount' },
  [VoteUsageCounter.BOUND_HOUSES]: { sum: 'COALESCE(b.boundHouses, 0)' },
  [VoteUsageCounter.BOUND_OWNERS]: { sum: 'COALESCE(b.boundOwners, 0)' },
};

export function deriveUsageRates(c: Counts<VoteUsageCounter>): VoteUsageCounts {
  return { ...c, usageRate: rate(c.usedAreas, c.areas), bindingRate: rate(c.boundHouses, c.houseTotal) };
}

export function deriveMeetingRates(c: Counts<VoteMeetingCounter>): VoteMeetingCounts {
  // the sums are in basis points: a mean percentage is the sum over (counted × 10 000) as a rate
  return {
    ...c,
    quorumRate: rate(c.quorumReached, c.counted),
    meanParticipationArea: rate(c.participationAreaBp, c.counted * 10_000),
    meanParticipationPersons: rate(c.participationPersonsBp, c.counted * 10_000),
  };
}

export function deriveTopicRates(c: Counts<VoteTopicCounter>): VoteTopicCounts {
  return { ...c, passRate: rate(c.passed, c.topics) };
}

const REGION_COLUMNS = { districtId: 'v.districtId', streetId: 'v.streetId', communityId: 'v.communityId', propertyAreaId: 'v.propertyAreaId' };

export type VoteStatsTable = 'usage' | 'meetings' | 'topics';

const TABLE_LABELS: Record<VoteStatsTable, string> = { usage: '使用情况统计', meetings: '会议统计', topics: '表决议题统计' };

/** The export's columns are the screen's: the contract's column list, a rate shown with its % sign. */
function exportColumns<C extends object>(columns: Array<{ key: keyof C; label: string }>, rates: ReadonlyArray<keyof C>): Array<RegionStatsColumn<C>> {
  return columns.map(({ key, label }) => ({
    header: rates.includes(key) ? `${label}(%)` : label,
    width: Math.max(10, label.length * 2 + 2),
    value: (row: C) => Number(row[key]),
  }));
}

/** The UTC+8 calendar year's bounds (votes belong to the year they begin in). */
function yearBounds(year: number): { from: Date; to: Date } {
  return { from: new Date(`${year}-01-01T00:00:00+08:00`), to: new Date(`${year + 1}-01-01T00:00:00+08:00`) };
}

/**
 * 使用情况, 会议统计 and 表决议题统计 (manual ch. 10) on the region drill-down kit, over the votes
 * (and areas) the scoped door admits; every number opens its rows from the same counter definition.
 */
@Injectable()
export class VoteStatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly drilldown: RegionDrilldownService,
    private readonly decisions: OwnerDecisionsService,
  ) {}

  async meetings(actor: Actor, query: VoteMeetingStatsQueryDto): Promise<RegionStats<VoteMeetingCounts>> {
    const drill = await this.drilldown.resolve(actor, query);
    return this.drilldown.statistics(drill, this.meetingSource(actor, query), deriveMeetingRates) as unknown as RegionStats<VoteMeetingCounts>;
  }

  /** The votes behind one number of 会议统计. */
  async meetingCells(actor: Actor, query: VoteMeetingCellQueryDto): Promise<Page<VoteListItem>> {
    const drill = await this.drilldown.resolve(actor, query);
    return this.drilldown.cellPage(drill, this.meetingSource(actor, query), query, pageWindow(query), async (qb) => {
      const votes = (await qb.orderBy('v.id', 'DESC').getMany()) as OwnerVote[];
      const names = await this.decisions.areaNames(votes.map((v) => v.propertyAreaId));
      return votes.map((v) => voteListItem(v, names.get(v.propertyAreaId) ?? ''));
    });
  }

  /**
   * 使用情况: the areas the actor sees, whether they held a vote, the year's votes (by begin, UTC+8
   * year) and their bindings. An owner bound to houses in two areas counts in each area.
   */
  async usage(actor: Actor, query: VoteUsageStatsQueryDto, now = new Date()): Promise<RegionStats<VoteUsageCounts>> {
    const drill = await this.drilldown.resolve(actor, query);
    return this.drilldown.statistics(drill, this.usageSource(actor, query, now), deriveUsageRates) as unknown as RegionStats<VoteUsageCounts>;
  }

  /** The areas behind one number of 使用情况, with their own figures. */
  async usageCells(actor: Actor, query: VoteUsageCellQueryDto, now = new Date()): Promise<Page<VoteUsageAreaRow>> {
    const drill = await this.drilldown.resolve(actor, query);
    return this.drilldown.cellPage(drill, this.usageSource(actor, query, now), query, pageWindow(query), async (qb) => {
      joinAreaContext(qb, { area: 'pa' });
      selectAreaContext(qb.select('pa.id', 'propertyAreaId').addSelect('pa.houseCount', 'houseTotal'), 'pa');
      qb.addSelect(['COALESCE(u.votes, 0) AS votes', 'COALESCE(u.votesThisYear, 0) AS votesThisYear', 'COALESCE(b.boundHouses, 0) AS boundHouses', 'COALESCE(b.boundOwners, 0) AS boundOwners']);
      const rows = await qb.orderBy('pa.id', 'ASC').getRawMany<Record<string, unknown>>();
      return rows.map((r) => {
        const n = (k: string) => Number(r[k] ?? 0);
        const context = toAreaContext(r);
        return {
          propertyAreaId: n('propertyAreaId'),
          propertyAreaName: context.propertyAreaName,
          streetName: context.streetName,
          communityName: context.communityName,
          companyName: context.companyName ?? '',
          votes: n('votes'),
          votesThisYear: n('votesThisYear'),
          houseTotal: n('houseTotal'),
          boundHouses: n('boundHouses'),
          boundOwners: n('boundOwners'),
        };
      });
    });
  }

  /** The topics of counted votes (the only ones with a result), by the vote's region. */
  async topics(actor: Actor, query: VoteTopicStatsQueryDto): Promise<RegionStats<VoteTopicCounts>> {
    const drill = await this.drilldown.resolve(actor, query);
    return this.drilldown.statistics(drill, this.topicSource(actor, query), deriveTopicRates) as unknown as RegionStats<VoteTopicCounts>;
  }

  /**
   * The topics behind one number of 表决议题统计, each with its vote. The rows are topics, so the
   * total counts them (the kit's cellPage would count distinct votes).
   */
  async topicCells(actor: Actor, query: VoteTopicCellQueryDto): Promise<Page<VoteTopicListItem>> {
    const drill = await this.drilldown.resolve(actor, query);
    const window = pageWindow(query);
    const qb = await this.drilldown.cellQuery(drill, this.topicSource(actor, query), query);
    const total = Number((await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: unknown }>())?.n ?? 0);
    const ids = await qb.select('t.id', 'topicId').addSelect('v.id', 'voteId').orderBy('v.id', 'DESC').addOrderBy('t.seq', 'ASC').offset(window.skip).limit(window.take).getRawMany<{ topicId: unknown; voteId: unknown }>();
    return toPage(await this.topicRows(ids.map((r) => ({ topicId: Number(r.topicId), voteId: Number(r.voteId) }))), total, window);
  }

  /** The xlsx of one table exactly as on screen (合计 last). */
  async export(actor: Actor, table: VoteStatsTable, query: VoteMeetingStatsQueryDto | VoteTopicStatsQueryDto): Promise<StreamableFile> {
    const label = TABLE_LABELS[table];
    const suffix = query.year ?? '全部';
    const sheet =
      table === 'usage'
        ? regionStatsSheet(label, await this.usage(actor, query), exportColumns(VOTE_USAGE_STATS_COLUMNS, ['usageRate', 'bindingRate']))
        : table === 'meetings'
          ? regionStatsSheet(label, await this.meetings(actor, query as VoteMeetingStatsQueryDto), exportColumns(VOTE_MEETING_STATS_COLUMNS, ['quorumRate', 'meanParticipationArea', 'meanParticipationPersons']))
          : regionStatsSheet(label, await this.topics(actor, query as VoteTopicStatsQueryDto), exportColumns(VOTE_TOPIC_STATS_COLUMNS, ['passRate']));
    return xlsxDownload(`业主决策${label}_${suffix}.xlsx`, { title: `业主决策情况 · ${label}`, sheets: [sheet] });
  }

  private meetingSource(actor: Actor, query: VoteMeetingStatsQueryDto): RegionCounterSource<VoteMeetingCounter> {
    return {
      rows: () => {
        const qb = this.votes(actor, query.year);
        if (query.meetingType) qb.andWhere('v.meetingType = :meetingType', { meetingType: query.meetingType });
        return qb;
      },
      columns: REGION_COLUMNS,
      counters: MEETING_COUNTERS,
    };
  }

  private topicSource(actor: Actor, query: VoteTopicStatsQueryDto): RegionCounterSource<VoteTopicCounter> {
    return {
      rows: () => {
        const qb = this.votes(actor, query.year).innerJoin(OwnerVoteTopic, 't', 't.voteId = v.id').andWhere(COUNTED);
        if (query.category) qb.andWhere('t.category = :category', { category: query.category });
        return qb;
      },
      columns: REGION_COLUMNS,
      counters: TOPIC_COUNTERS,
    };
  }

  private usageSource(actor: Actor, query: VoteUsageStatsQueryDto, now: Date): RegionCounterSource<VoteUsageCounter> {
    const year = query.year ?? Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
    const bounds = yearBounds(year);
    return {
      rows: () =>
        (this.scope.repository(actor, PropertyArea, '物业区域').query('pa') as unknown as SelectQueryBuilder<ObjectLiteral>)
          .leftJoin(
            (sub) =>
              // eslint-disable-next-line szpm/no-raw-scoped-access -- the vote counts joined to the areas the scoped door returned (the join keeps only those)
              sub
                .select('uv.propertyAreaId', 'areaId')
                .addSelect('COUNT(*)', 'votes')
                .addSelect('SUM(CASE WHEN uv.beginAt >= :usageFrom AND uv.beginAt < :usageTo THEN 1 ELSE 0 END)', 'votesThisYear')
                .from(OwnerVote, 'uv')
                .where('uv.state IN (:...usageStates)')
                .groupBy('uv.propertyAreaId'),
            'u',
            'u.areaId = pa.id',
            { usageStates: HELD_STATES, usageFrom: bounds.from, usageTo: bounds.to },
          )
          .leftJoin(
            (sub) =>
              // eslint-disable-next-line szpm/no-raw-scoped-access -- the binding counts joined to the areas the scoped door returned (the join keeps only those)
              sub
                .select('ob.propertyAreaId', 'areaId')
                .addSelect('COUNT(DISTINCT ob.houseId)', 'boundHouses')
                .addSelect('COUNT(DISTINCT ob.idNumberHash)', 'boundOwners')
                .from(OwnerHouseBinding, 'ob')
                .groupBy('ob.propertyAreaId'),
            'b',
            'b.areaId = pa.id',
          ),
      columns: { districtId: 'pa.districtId', streetId: 'pa.streetId', communityId: 'pa.communityId', propertyAreaId: 'pa.id' },
      counters: USAGE_COUNTERS,
    };
  }

  /** Topic rows of the cells list: the topic with its vote's list columns, in the order asked. */
  private async topicRows(ids: Array<{ topicId: number; voteId: number }>): Promise<VoteTopicListItem[]> {
    if (!ids.length) return [];
    const topics = new Map((await this.dataSource.getRepository(OwnerVoteTopic).find({ where: { id: In(ids.map((r) => r.topicId)) } })).map((t) => [t.id, t]));
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the votes of those topics
    const votes = new Map((await this.dataSource.getRepository(OwnerVote).find({ where: { id: In([...new Set(ids.map((r) => r.voteId))]) } })).map((v) => [v.id, v]));
    const names = await this.decisions.areaNames([...votes.values()].map((v) => v.propertyAreaId));
    return ids.map(({ topicId, voteId }) => {
      const topic = topics.get(topicId)!;
      const vote = votes.get(voteId)!;
      return {
        ...voteListItem(vote, names.get(vote.propertyAreaId) ?? ''),
        topicId,
        topicSeq: topic.seq,
        topicContent: topic.content,
        category: topic.category,
        categoryLabel: DECISION_CATEGORY_LABELS[topic.category],
        passed: topic.passed,
      };
    });
  }

  /** The actor's held votes, of a year by their begin (UTC+8 year bounds) when one is given. */
  private votes(actor: Actor, year?: number): SelectQueryBuilder<ObjectLiteral> {
    const qb = this.scope.repository(actor, OwnerVote, VOTE_LABEL).query('v').andWhere('v.state IN (:...heldStates)', { heldStates: HELD_STATES }) as unknown as SelectQueryBuilder<ObjectLiteral>;
    if (year !== undefined) {
      const bounds = yearBounds(year);
      qb.andWhere('v.beginAt >= :yearFrom AND v.beginAt < :yearTo', { yearFrom: bounds.from, yearTo: bounds.to });
    }
    return qb;
  }
}
