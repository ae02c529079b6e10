import { Injectable, StreamableFile } from '@nestjs/common';
import { Page, SafetyCellItem, SafetyCheckOutcome, SafetyCompletionCounter, SafetyCompletionCounts, SafetyFacilityStatsItem, SafetyRegionStats, SafetyTargetStatus } from '@szpm/contract';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { xlsxDownload } from '../../../common/excel/xlsx-export';
import { AppException } from '../../../common/errors/app.exception';
import { pageWindow } from '../../../common/http/pagination.dto';
import { startOfShanghaiDay } from '../../../common/http/shanghai-time';
import { joinAreaContext, selectAreaContext } from '../../regions/statistics/area-context';
import { RegionCounterSource, RegionDrill, RegionDrilldownService } from '../../regions/statistics/region-drilldown.service';
import { RegionStatsColumn, regionStatsSheet } from '../../regions/statistics/region-stats-xlsx';
import { completionCounters, withCompletionRate } from '../completion';
import { OverviewQueryDto, SafetyCellQueryDto } from '../dto/inspection.dto';
import { SafetyInspection } from '../entities/safety-inspection.entity';
import { SafetyInspectionItem } from '../entities/safety-inspection-item.entity';
import { SafetyInspectionResult } from '../entities/safety-inspection-result.entity';
import { SafetyInspectionTarget } from '../entities/safety-inspection-target.entity';
import { INSPECTION_LABEL, toAreaItem } from './inspections.service';

type Raw = Record<string, unknown>;

const REGION_COLUMNS = { districtId: 't.districtId', streetId: 't.streetId', communityId: 't.communityId', propertyAreaId: 't.propertyAreaId' };

/** The completion table as exported: exactly the columns of the statistics page. */
const COMPLETION_COLUMNS: Array<RegionStatsColumn<SafetyCompletionCounts>> = [
  { header: '应检查项目', value: (c) => c.targets },
  { header: '已提交', value: (c) => c.submitted },
  { header: '未提交', value: (c) => c.outstanding },
  { header: '逾期未提交', value: (c) => c.overdue },
  { header: '发现问题', value: (c) => c.problems },
  { header: '有问题项目', value: (c) => c.areasWithProblems },
  { header: '完成率(%)', value: (c) => c.completionRate },
];

/**
 * 查看全部统计: completion over one inspection or every inspection launched in a period, drilled
 * down district → street → community → property area on the region kit (a city account starts at
 * the districts, a district officer at the district's streets), the areas behind every number, the
 * table as xlsx, and 设施设备统计 from the submitted results.
 */
@Injectable()
export class SafetyStatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly drilldown: RegionDrilldownService,
  ) {}

  async regions(actor: Actor, query: OverviewQueryDto): Promise<SafetyRegionStats> {
    const drill = await this.narrow(actor, query);
    return this.drilldown.statistics(drill, this.completionSource(query), withCompletionRate);
  }

  /** The inspected areas behind one number of the region table; the count and the list share one counter definition. */
  async cells(actor: Actor, query: SafetyCellQueryDto): Promise<Page<SafetyCellItem>> {
    const drill = await this.narrow(actor, query);
    const source = this.completionSource(query, true);
    return this.drilldown.cellPage(drill, source, { regionId: query.regionId, counter: query.counter }, pageWindow(query), async (qb) => {
      const rows = await selectAreaContext(
        qb.select(['t.id AS targetId', 't.propertyAreaId AS propertyAreaId', 't.companyId AS companyId', 't.status AS status', 'i.id AS inspectionId', 'i.title AS inspectionTitle', 'i.deadline AS deadline'])
          .addSelect(['t.passCount AS passCount', 't.failCount AS failCount', 't.notApplicableCount AS notApplicableCount', 't.submittedAt AS submittedAt']),
      )
        .orderBy('t.id', 'ASC')
        .getRawMany<Raw>();
      return rows.map((r) => ({ ...toAreaItem(r, String(r.deadline)), inspectionId: Number(r.inspectionId), inspectionTitle: String(r.inspectionTitle) }));
    });
  }

  /** The region table on screen (same filters, 合计 row included) as a streamed workbook. */
  async exportRegions(actor: Actor, query: OverviewQueryDto): Promise<StreamableFile> {
    const stats = await this.regions(actor, query);
    const title = '安全检查完成情况统计';
    return xlsxDownload(`${title}.xlsx`, { title, sheets: [regionStatsSheet('完成情况统计', stats, COMPLETION_COLUMNS)] });
  }

  async facilities(actor: Actor, query: OverviewQueryDto): Promise<SafetyFacilityStatsItem[]> {
    const drill = await this.narrow(actor, query);
    const rows = await this.drilldown
      .applyFilter(drill, this.targets(query), REGION_COLUMNS)
      .innerJoin(SafetyInspectionResult, 'r', 'r.targetId = t.id')
      .innerJoin(SafetyInspectionItem, 'it', 'it.id = r.itemId')
      .andWhere('t.status = :submitted', { submitted: SafetyTargetStatus.SUBMITTED })
      .andWhere('it.facility IS NOT NULL')
      .select('it.facility', 'facility')
      .addSelect('COUNT(DISTINCT t.id)', 'areas')
      .addSelect('SUM(CASE WHEN r.outcome = :pass THEN 1 ELSE 0 END)', 'pass')
      .addSelect('SUM(CASE WHEN r.outcome = :fail THEN 1 ELSE 0 END)', 'fail')
      .addSelect('SUM(CASE WHEN r.outcome = :na THEN 1 ELSE 0 END)', 'notApplicable')
      .addSelect('COUNT(DISTINCT CASE WHEN r.outcome = :fail THEN t.id END)', 'areasWithProblems')
      .setParameters({ pass: SafetyCheckOutcome.PASS, fail: SafetyCheckOutcome.FAIL, na: SafetyCheckOutcome.NOT_APPLICABLE })
      .groupBy('it.facility')
      .getRawMany<Raw>();
    return rows
      .map((r) => ({
        facility: String(r.facility),
        areas: Number(r.areas),
        pass: Number(r.pass ?? 0),
        fail: Number(r.fail ?? 0),
        notApplicable: Number(r.notApplicable ?? 0),
        areasWithProblems: Number(r.areasWithProblems ?? 0),
      }))
      .sort((a, b) => b.fail - a.fail || b.areas - a.areas || a.facility.localeCompare(b.facility, 'zh'));
  }

  /**
   * The region filter checked by the kit; naming an inspection narrows to its district (a city
   * account asking about one inspection starts at that district's streets).
   */
  private async narrow(actor: Actor, query: OverviewQueryDto): Promise<RegionDrill> {
    const filter = { districtId: query.districtId, streetId: query.streetId, communityId: query.communityId };
    const drill = await this.drilldown.resolve(actor, filter);
    if (query.inspectionId === undefined) return drill;
    const inspection = await this.scope.repository(actor, SafetyInspection, INSPECTION_LABEL).findById(query.inspectionId);
    if (drill.districtId !== null && inspection.districtId !== drill.districtId) throw AppException.invalidField('inspectionId', '该安全检查不属于所选行政区');
    return drill.districtId === null ? this.drilldown.resolve(actor, { ...filter, districtId: inspection.districtId }) : drill;
  }

  /** The completion counters over the targets the query selects; with the area context for cell lists. */
  private completionSource(query: OverviewQueryDto, withAreaContext = false): RegionCounterSource<SafetyCompletionCounter> {
    return {
      rows: () => (withAreaContext ? joinAreaContext(this.targets(query), { from: 't' }) : this.targets(query)),
      columns: REGION_COLUMNS,
      counters: completionCounters(),
    };
  }

  private targets(query: OverviewQueryDto): SelectQueryBuilder<ObjectLiteral> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the regions kit's applyFilter confines these rows to the drill narrow() checked against the actor's scope
    const qb: SelectQueryBuilder<ObjectLiteral> = this.dataSource.getRepository(SafetyInspectionTarget).createQueryBuilder('t').innerJoin(SafetyInspection, 'i', 'i.id = t.inspectionId');
    if (query.inspectionId !== undefined) qb.andWhere('t.inspectionId = :inspectionId', { inspectionId: query.inspectionId });
    if (query.kind) qb.andWhere('i.kind = :kind', { kind: query.kind });
    if (query.from) qb.andWhere('i.createdAt >= :from', { from: startOfShanghaiDay(query.from) });
    if (query.to) qb.andWhere('i.createdAt < :to', { to: new Date(startOfShanghaiDay(query.to).getTime() + 24 * 3600_000) });
    return qb;
  }
}
