import { Injectable } from '@nestjs/common';
import { Page, RegionStats, RegionStatsFilter, RegionStatsItem, RegionStatsLevel } from '@szpm/contract';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope, RegionFilter } from '../../../access/district-scope';
import { AppException } from '../../../common/errors/app.exception';
import { PageWindow, toPage } from '../../../common/http/pagination.dto';
import { PropertyArea } from '../entities/property-area.entity';
import { Region, RegionLevel } from '../entities/region.entity';
import { addCounts, CounterSet, Counts, readCounts, selectCounters, whereCounter } from './counters';

/** The columns of a chapter's rows that carry their region ids, e.g. `t.districtId`. */
export interface RegionColumns {
  districtId: string;
  streetId: string;
  communityId: string;
  propertyAreaId: string;
}

/** What a chapter supplies: its rows (with its own filters, not the region ones), where their region ids are, and its counters. */
export interface RegionCounterSource<K extends string> {
  /** a fresh query over the chapter's rows; called once per statistic or list */
  rows: () => SelectQueryBuilder<ObjectLiteral>;
  columns: RegionColumns;
  counters: CounterSet<K>;
}

/** A region filter checked against the actor's scope and against itself (DistrictScope.regionFilter), and the level of the rows it shows. */
export interface RegionDrill extends RegionFilter {
  level: RegionStatsLevel;
}

/** One number of a table: the row's region (absent: the 合计 row) and the counter's key. */
export interface RegionCell {
  regionId?: number;
  counter: string;
}

const GROUP_COLUMN: Record<RegionStatsLevel, keyof RegionColumns> = {
  DISTRICT: 'districtId',
  STREET: 'streetId',
  COMMUNITY: 'communityId',
  PROPERTY_AREA: 'propertyAreaId',
};

interface ChildRegion {
  id: number;
  name: string;
}

/**
 * Region drill-down statistics for every statistics chapter: the filter district → street →
 * community, checked against the actor's scope; the chapter's counters grouped by the child level
 * (one grouped query and one region query), zero rows for regions without data and a 合计 row;
 * and the rows behind any number, from the same counter definition.
 */
@Injectable()
export class RegionDrilldownService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
  ) {}

  /**
   * Checks a requested filter with the scoped door's regionFilter (OUT_OF_DISTRICT outside the
   * actor's scope, 400 naming the field when inconsistent); with none, an actor starts at the top
   * of its own scope.
   */
  async resolve(actor: Actor, filter: RegionStatsFilter): Promise<RegionDrill> {
    const { districtId, streetId, communityId } = await this.scope.regionFilter(actor, filter);
    const level: RegionStatsLevel = communityId !== null ? 'PROPERTY_AREA' : streetId !== null ? 'COMMUNITY' : districtId !== null ? 'STREET' : 'DISTRICT';
    return { level, districtId, streetId, communityId };
  }

  /** The table: one item per child region of the filter (zero counts included) and the 合计 row. */
  async statistics<K extends string, D extends object = object>(
    drill: RegionDrill,
    source: RegionCounterSource<K>,
    derive: (counts: Counts<K>) => D = () => ({}) as D,
  ): Promise<RegionStats<Counts<K> & D>> {
    const group = source.columns[GROUP_COLUMN[drill.level]];
    const rows = await selectCounters(this.childRows(drill, source).select(group, 'regionId'), source.counters).groupBy(group).getRawMany<Record<string, unknown>>();
    const byRegion = new Map(rows.map((row) => [Number(row.regionId), row]));
    const children = await this.children(drill);
    const counts = children.map((region) => readCounts(byRegion.get(region.id), source.counters));
    const items: Array<RegionStatsItem<Counts<K> & D>> = children.map((region, index) => ({
      regionId: region.id,
      regionName: region.name,
      level: drill.level,
      ...counts[index],
      ...derive(counts[index]),
    }));
    const total = addCounts(counts, source.counters);
    return { level: drill.level, total: { ...total, ...derive(total) }, items };
  }

  /**
   * The rows behind one number: the rows of the cell's region that the counter counts; for the
   * 合计 row, those of all the table's regions. Counts and lists both start from childRows, so the
   * 合计 list leaves out what the 合计 does not add up (rows without a region of the child level, or
   * with one that is not a child of the filter).
   */
  async cellQuery<K extends string>(drill: RegionDrill, source: RegionCounterSource<K>, cell: RegionCell): Promise<SelectQueryBuilder<ObjectLiteral>> {
    if (!Object.prototype.hasOwnProperty.call(source.counters, cell.counter)) {
      throw AppException.invalidField('counter', `counter必须是 ${Object.keys(source.counters).join(' / ')} 之一`);
    }
    const qb = this.childRows(drill, source);
    if (cell.regionId !== undefined) {
      if (!(await this.isChild(drill, cell.regionId))) throw AppException.invalidField('regionId', '该区域不在当前统计表中');
      qb.andWhere(`${source.columns[GROUP_COLUMN[drill.level]]} = :cellRegionId`, { cellRegionId: cell.regionId });
    }
    return whereCounter(qb, source.counters[cell.counter as K]);
  }

  /** A page of the rows behind one number; `fetch` selects and maps the rows of the paged query. */
  async cellPage<K extends string, T>(
    drill: RegionDrill,
    source: RegionCounterSource<K>,
    cell: RegionCell,
    window: PageWindow,
    fetch: (qb: SelectQueryBuilder<ObjectLiteral>) => Promise<T[]>,
  ): Promise<Page<T>> {
    const qb = await this.cellQuery(drill, source, cell);
    const total = await qb.clone().getCount();
    const items = await fetch(qb.offset(window.skip).limit(window.take));
    return toPage(items, total, window);
  }

  /** Restricts any query over rows with region columns to a drill's filter (e.g. for a chapter's other statistics). */
  applyFilter<T extends ObjectLiteral>(drill: RegionDrill, qb: SelectQueryBuilder<T>, columns: Pick<RegionColumns, 'districtId' | 'streetId' | 'communityId'>): SelectQueryBuilder<T> {
    if (drill.districtId !== null) qb.andWhere(`${columns.districtId} = :drillDistrictId`, { drillDistrictId: drill.districtId });
    if (drill.streetId !== null) qb.andWhere(`${columns.streetId} = :drillStreetId`, { drillStreetId: drill.streetId });
    if (drill.communityId !== null) qb.andWhere(`${columns.communityId} = :drillCommunityId`, { drillCommunityId: drill.communityId });
    return qb;
  }

  /**
   * The chapter's rows the table is made of: inside the filter, and in one of its child regions (by
   * the group column). Every number of the table, 合计 included, and every list behind one are
   * taken from these rows and nothing else.
   */
  private childRows<K extends string>(drill: RegionDrill, source: RegionCounterSource<K>): SelectQueryBuilder<ObjectLiteral> {
    const qb = this.applyFilter(drill, source.rows(), source.columns);
    const group = source.columns[GROUP_COLUMN[drill.level]];
    const children = qb.subQuery();
    if (drill.level === 'PROPERTY_AREA') {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the ids of the child regions of a drill that resolve() has checked against the actor's scope
      children.select('drillChild.id').from(PropertyArea, 'drillChild').where('drillChild.communityId = :drillChildCommunityId');
      qb.setParameter('drillChildCommunityId', drill.communityId);
    } else {
      const where = this.childWhere(drill);
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the ids of the child regions of a drill that resolve() has checked against the actor's scope
      children.select('drillChild.id').from(Region, 'drillChild').where('drillChild.level = :drillChildLevel');
      qb.setParameter('drillChildLevel', where.level);
      if (where.parentId !== undefined) {
        children.andWhere('drillChild.parentId = :drillChildParentId');
        qb.setParameter('drillChildParentId', where.parentId);
      }
    }
    return qb.andWhere(`${group} IN ${children.getQuery()}`);
  }

  /** The child regions of a filter, in the order of the region tree. */
  private async children(drill: RegionDrill): Promise<ChildRegion[]> {
    if (drill.level === 'PROPERTY_AREA') {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- children of a drill that resolve() has checked against the actor's scope
      return this.dataSource.getRepository(PropertyArea).find({ select: { id: true, name: true }, where: { communityId: drill.communityId! }, order: { id: 'ASC' } });
    }
    // eslint-disable-next-line szpm/no-raw-scoped-access -- children of a drill that resolve() has checked against the actor's scope
    return this.dataSource.getRepository(Region).find({ select: { id: true, name: true }, where: this.childWhere(drill), order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  private async isChild(drill: RegionDrill, regionId: number): Promise<boolean> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- children of a drill that resolve() has checked against the actor's scope
    if (drill.level === 'PROPERTY_AREA') return this.dataSource.getRepository(PropertyArea).exists({ where: { id: regionId, communityId: drill.communityId! } });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- children of a drill that resolve() has checked against the actor's scope
    return this.dataSource.getRepository(Region).exists({ where: { id: regionId, ...this.childWhere(drill) } });
  }

  private childWhere(drill: RegionDrill): { level: RegionLevel; parentId?: number } {
    switch (drill.level) {
      case 'DISTRICT':
        return { level: RegionLevel.DISTRICT };
      case 'STREET':
        return { level: RegionLevel.STREET, parentId: drill.districtId! };
      default:
        return { level: RegionLevel.COMMUNITY, parentId: drill.streetId! };
    }
  }
}
