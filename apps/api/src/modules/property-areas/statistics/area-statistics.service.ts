import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { Page, PropertyAreaCounters, PropertyAreaListItem, PropertyAreaStats } from '@szpm/contract';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../../access/actor';
import { InvalidatedCache } from '../../../common/cache/invalidated-cache';
import { InvalidationBus } from '../../../common/cache/invalidation-bus';
import { WriteInvalidation } from '../../../common/cache/write-invalidation';
import { AppConfig, APP_CONFIG } from '../../../config/app-config';
import { xlsxDownload } from '../../../common/excel/xlsx-export';
import { pageWindow } from '../../../common/http/pagination.dto';
import { PropertyArea } from '../../regions/entities/property-area.entity';
import { Region } from '../../regions/entities/region.entity';
import { RegionCounterSource, RegionDrill, RegionDrilldownService } from '../../regions/statistics/region-drilldown.service';
import { RegionStatsColumn, regionStatsSheet } from '../../regions/statistics/region-stats-xlsx';
import { toListItem } from '../areas/area-rules';
import { joinListContext, selectListColumns } from '../areas/property-areas.service';
import { AreaCellQueryDto, AreaRegionQueryDto } from '../dto/area-query.dto';
import { PropertyAreaProfile } from '../entities/property-area-profile.entity';
import { areaCounters, PropertyAreaCounter } from './area-counters';

/** The tables' cache topic: an area, its profile or a region written empties it. */
const AREA_STATISTICS_TOPIC = 'property-area-statistics';

const REGION_COLUMNS = { districtId: 'a.districtId', streetId: 'a.streetId', communityId: 'a.communityId', propertyAreaId: 'a.id' };

/** The table as exported: exactly the columns on screen. */
const COLUMNS: Array<RegionStatsColumn<PropertyAreaCounters>> = [
  { header: '项目数', value: (c) => c.projects },
  { header: '总建筑面积（㎡）', width: 18, value: (c) => c.buildArea },
  { header: '总户数', value: (c) => c.households },
  { header: '企业管理', value: (c) => c.companyManaged },
  { header: '自管', value: (c) => c.selfManaged },
  { header: '已成立业委会', width: 14, value: (c) => c.withCommittee },
];

/**
 * 本区项目统计 on the region drill-down kit: a city account starts at the districts, a district
 * officer at the district's streets, a street office at its communities; the areas behind every
 * number; the table as xlsx.
 */
@Injectable()
export class AreaStatisticsService {
  /**
   * The table per drill (level and region filter, checked against the actor's scope by resolve()
   * on every request): a district's table sums some 2,000 areas, and changes only when an area,
   * a profile or the region tree is written.
   */
  private readonly tables: InvalidatedCache<PropertyAreaStats>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly drilldown: RegionDrilldownService,
    @Inject(APP_CONFIG) config: AppConfig,
    bus: InvalidationBus,
    writes: WriteInvalidation,
  ) {
    this.tables = new InvalidatedCache<PropertyAreaStats>(bus, AREA_STATISTICS_TOPIC, { ttlMs: config.caches.listCountSeconds * 1000, maxEntries: 2_000 });
    for (const entity of [PropertyArea, PropertyAreaProfile, Region]) writes.watch(entity, AREA_STATISTICS_TOPIC);
  }

  async statistics(actor: Actor, query: AreaRegionQueryDto): Promise<PropertyAreaStats> {
    const drill = await this.drill(actor, query);
    return this.tables.get(JSON.stringify(drill), () => this.drilldown.statistics(drill, this.source(false)));
  }

  async cells(actor: Actor, query: AreaCellQueryDto): Promise<Page<PropertyAreaListItem>> {
    const drill = await this.drill(actor, query);
    return this.drilldown.cellPage(drill, this.source(true), { regionId: query.regionId, counter: query.counter }, pageWindow(query), async (qb) => {
      const rows = await selectListColumns(qb).orderBy('a.id', 'ASC').getRawMany<Record<string, unknown>>();
      return rows.map(toListItem);
    });
  }

  async export(actor: Actor, query: AreaRegionQueryDto): Promise<StreamableFile> {
    const stats = await this.statistics(actor, query);
    const title = '本区项目统计';
    return xlsxDownload(`${title}.xlsx`, { title, sheets: [regionStatsSheet(title, stats, COLUMNS)] });
  }

  private drill(actor: Actor, query: AreaRegionQueryDto): Promise<RegionDrill> {
    return this.drilldown.resolve(actor, { districtId: query.districtId, streetId: query.streetId, communityId: query.communityId });
  }

  private source(withListContext: boolean): RegionCounterSource<PropertyAreaCounter> {
    return {
      rows: () => {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the regions kit confines these rows to the drill resolve() checked against the actor's scope
        const qb: SelectQueryBuilder<ObjectLiteral> = this.dataSource.getRepository(PropertyArea).createQueryBuilder('a');
        if (withListContext) return joinListContext(qb);
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the profile of the areas the kit confines
        return qb.leftJoin(PropertyAreaProfile, 'pp', 'pp.propertyAreaId = a.id');
      },
      columns: REGION_COLUMNS,
      counters: areaCounters(),
    };
  }
}
