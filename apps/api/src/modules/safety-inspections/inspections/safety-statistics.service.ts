import { Injectable } from '@nestjs/common';
import { SafetyCheckOutcome, SafetyFacilityStatsItem, SafetyRegionStats, SafetyTargetStatus } from '@szpm/contract';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { AppException } from '../../../common/errors/app.exception';
import { startOfShanghaiDay } from '../../../common/http/shanghai-time';
import { Region, RegionLevel } from '../../regions/entities/region.entity';
import { selectCompletion, sumCompletion, toCompletion } from '../completion';
import { OverviewQueryDto } from '../dto/inspection.dto';
import { SafetyInspection } from '../entities/safety-inspection.entity';
import { SafetyInspectionItem } from '../entities/safety-inspection-item.entity';
import { SafetyInspectionResult } from '../entities/safety-inspection-result.entity';
import { SafetyInspectionTarget } from '../entities/safety-inspection-target.entity';
import { INSPECTION_LABEL } from './inspections.service';

type Raw = Record<string, unknown>;

interface Narrowed {
  districtId: number | null;
  streetId: number | null;
  communityId: number | null;
}

/**
 * 查看全部统计: completion over one inspection or every inspection launched in a period, drilled
 * down district → street → community (a city account starts at the districts, a district officer
 * at the district's streets), and 设施设备统计 from the submitted results.
 */
@Injectable()
export class SafetyStatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
  ) {}

  async regions(actor: Actor, query: OverviewQueryDto): Promise<SafetyRegionStats> {
    const where = await this.narrow(actor, query);
    let level: RegionLevel;
    let groupColumn: string;
    let parentId: number | null = null;
    if (where.streetId !== null) [level, groupColumn, parentId] = [RegionLevel.COMMUNITY, 't.communityId', where.streetId];
    else if (where.districtId !== null) [level, groupColumn, parentId] = [RegionLevel.STREET, 't.streetId', where.districtId];
    else [level, groupColumn] = [RegionLevel.DISTRICT, 't.districtId'];
    const rows = await selectCompletion(this.targets(query, where).select(groupColumn, 'regionId')).groupBy(groupColumn).getRawMany<Raw>();
    const regions = (await this.dataSource.getRepository(Region).find({ where: parentId === null ? { level } : { level, parentId }, order: { sortOrder: 'ASC', id: 'ASC' } })).filter(
      (r) => where.communityId === null || r.id === where.communityId,
    );
    const items = regions.map((r) => ({ regionId: r.id, regionName: r.name, level, ...toCompletion(rows.find((row) => Number(row.regionId) === r.id)) }));
    return { level, total: sumCompletion(items), items };
  }

  async facilities(actor: Actor, query: OverviewQueryDto): Promise<SafetyFacilityStatsItem[]> {
    const where = await this.narrow(actor, query);
    const rows = await this.targets(query, where)
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

  /** The district, street and community the numbers cover, each checked against the actor's scope. */
  private async narrow(actor: Actor, query: OverviewQueryDto): Promise<Narrowed> {
    const regions = this.scope.repository(actor, Region, '行政区域');
    const region = async (id: number | undefined, level: RegionLevel, field: string): Promise<Region | null> => {
      if (id === undefined) return null;
      const found = await regions.findById(id);
      if (found.level !== level) throw AppException.invalidField(field, `${field}不是${level === RegionLevel.STREET ? '街道' : '社区'}`);
      return found;
    };
    const community = await region(query.communityId, RegionLevel.COMMUNITY, 'communityId');
    const street = await region(query.streetId, RegionLevel.STREET, 'streetId');
    if (community && street && community.parentId !== street.id) throw AppException.invalidField('communityId', '该社区不属于所选街道');
    let districtId = this.scope.districtFilter(actor, query.districtId);
    const narrower = community ?? street;
    if (narrower) {
      if (districtId !== null && narrower.districtId !== districtId) throw AppException.invalidField(community ? 'communityId' : 'streetId', '不属于所选行政区');
      districtId = narrower.districtId;
    }
    if (query.inspectionId !== undefined) {
      const inspection = await this.scope.repository(actor, SafetyInspection, INSPECTION_LABEL).findById(query.inspectionId);
      if (districtId !== null && inspection.districtId !== districtId) throw AppException.invalidField('inspectionId', '该安全检查不属于所选行政区');
      districtId = inspection.districtId;
    }
    return { districtId, streetId: street?.id ?? community?.streetId ?? null, communityId: community?.id ?? null };
  }

  private targets(query: OverviewQueryDto, where: Narrowed): SelectQueryBuilder<SafetyInspectionTarget> {
    const qb = this.dataSource.getRepository(SafetyInspectionTarget).createQueryBuilder('t').innerJoin(SafetyInspection, 'i', 'i.id = t.inspectionId');
    if (where.districtId !== null) qb.andWhere('t.districtId = :districtId', { districtId: where.districtId });
    if (where.streetId !== null) qb.andWhere('t.streetId = :streetId', { streetId: where.streetId });
    if (where.communityId !== null) qb.andWhere('t.communityId = :communityId', { communityId: where.communityId });
    if (query.inspectionId !== undefined) qb.andWhere('t.inspectionId = :inspectionId', { inspectionId: query.inspectionId });
    if (query.kind) qb.andWhere('i.kind = :kind', { kind: query.kind });
    if (query.from) qb.andWhere('i.createdAt >= :from', { from: startOfShanghaiDay(query.from) });
    if (query.to) qb.andWhere('i.createdAt < :to', { to: new Date(startOfShanghaiDay(query.to).getTime() + 24 * 3600_000) });
    return qb;
  }
}
