import { Injectable } from '@nestjs/common';
import { rate, RegionStats, VoteMeetingCounter, VoteMeetingCounts, VoteState, VoteTopicCounter, VoteTopicCounts, VoteUsageCounter, VoteUsageCounts } from '@szpm/contract';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { CounterSet, Counts } from '../regions/statistics/counters';
import { RegionCounterSource, RegionDrilldownService } from '../regions/statistics/region-drilldown.service';
import { OwnerHouseBinding } from '../owners/entities';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { VoteMeetingStatsQueryDto, VoteTopicStatsQueryDto, VoteUsageStatsQueryDto } from './dto/owner-decision.dto';
import { OwnerVote, OwnerVoteTopic } from './entities';

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
  return { ...c, quorumRate: rate(c.quorumReached, c.publicity + c.completed) };
}

export function deriveTopicRates(c: Counts<VoteTopicCounter>): VoteTopicCounts {
  return { ...c, passRate: rate(c.passed, c.topics) };
}

const REGION_COLUMNS = { districtId: 'v.districtId', streetId: 'v.streetId', communityId: 'v.communityId', propertyAreaId: 'v.propertyAreaId' };

/** 会议统计 and 表决议题统计 (manual ch. 10) on the region drill-down kit, over the votes the scoped door admits. */
@Injectable()
export class VoteStatisticsService {
  constructor(
    private readonly scope: DistrictScope,
    private readonly drilldown: RegionDrilldownService,
  ) {}

  async meetings(actor: Actor, query: VoteMeetingStatsQueryDto): Promise<RegionStats<VoteMeetingCounts>> {
    const drill = await this.drilldown.resolve(actor, query);
    const source: RegionCounterSource<VoteMeetingCounter> = {
      rows: () => {
        const qb = this.votes(actor, query.year);
        if (query.meetingType) qb.andWhere('v.meetingType = :meetingType', { meetingType: query.meetingType });
        return qb;
      },
      columns: REGION_COLUMNS,
      counters: MEETING_COUNTERS,
    };
    return this.drilldown.statistics(drill, source, deriveMeetingRates) as unknown as RegionStats<VoteMeetingCounts>;
  }

  /**
   * 使用情况: the areas the actor sees, whether they held a vote, the year's votes (by begin, UTC+8
   * year) and their bindings. An owner bound to houses in two areas counts in each area.
   */
  async usage(actor: Actor, query: VoteUsageStatsQueryDto, now = new Date()): Promise<RegionStats<VoteUsageCounts>> {
    const drill = await this.drilldown.resolve(actor, query);
    const year = query.year ?? Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
    const source: RegionCounterSource<VoteUsageCounter> = {
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
            { usageStates: HELD_STATES, usageFrom: new Date(`${year}-01-01T00:00:00+08:00`), usageTo: new Date(`${year + 1}-01-01T00:00:00+08:00`) },
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
    return this.drilldown.statistics(drill, source, deriveUsageRates) as unknown as RegionStats<VoteUsageCounts>;
  }

  /** The topics of counted votes (the only ones with a result), by the vote's region. */
  async topics(actor: Actor, query: VoteTopicStatsQueryDto): Promise<RegionStats<VoteTopicCounts>> {
    const drill = await this.drilldown.resolve(actor, query);
    const source: RegionCounterSource<VoteTopicCounter> = {
      rows: () => {
        const qb = this.votes(actor, query.year).innerJoin(OwnerVoteTopic, 't', 't.voteId = v.id').andWhere(COUNTED);
        if (query.category) qb.andWhere('t.category = :category', { category: query.category });
        return qb;
      },
      columns: REGION_COLUMNS,
      counters: TOPIC_COUNTERS,
    };
    return this.drilldown.statistics(drill, source, deriveTopicRates) as unknown as RegionStats<VoteTopicCounts>;
  }

  /** The actor's held votes, of a year by their begin (UTC+8 year bounds) when one is given. */
  private votes(actor: Actor, year?: number): SelectQueryBuilder<ObjectLiteral> {
    const qb = this.scope.repository(actor, OwnerVote, VOTE_LABEL).query('v').andWhere('v.state IN (:...heldStates)', { heldStates: HELD_STATES }) as unknown as SelectQueryBuilder<ObjectLiteral>;
    if (year !== undefined) qb.andWhere('v.beginAt >= :yearFrom AND v.beginAt < :yearTo', { yearFrom: new Date(`${year}-01-01T00:00:00+08:00`), yearTo: new Date(`${year + 1}-01-01T00:00:00+08:00`) });
    return qb;
  }
}
