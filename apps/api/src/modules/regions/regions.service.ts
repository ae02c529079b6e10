import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RegionNode } from '@szpm/contract';
import { Repository } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { PropertyArea } from './entities/property-area.entity';
import { Region, RegionLevel } from './entities/region.entity';

/** The region tree (district → street → community), with property-area counts for drill-down. */
@Injectable()
export class RegionsService {
  constructor(
    private readonly scope: DistrictScope,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- area counts within the district of a parent region the door has just returned
    @InjectRepository(PropertyArea) private readonly areas: Repository<PropertyArea>,
  ) {}

  /** The tree the actor may see: the whole city for city accounts, their own district otherwise. */
  async tree(actor: Actor, depth: RegionLevel = RegionLevel.COMMUNITY): Promise<RegionNode[]> {
    const regions = this.scope.repository(actor, Region, '行政区域');
    const levels = depth === RegionLevel.DISTRICT ? [RegionLevel.DISTRICT] : depth === RegionLevel.STREET ? [RegionLevel.DISTRICT, RegionLevel.STREET] : Object.values(RegionLevel);
    const rows = await regions.query('r').andWhere('r.level IN (:...levels)', { levels }).orderBy('r.sortOrder').addOrderBy('r.id').getMany();
    const counts = await this.areaCounts(regions.districtId);
    const nodes = new Map<number, RegionNode>();
    for (const r of rows) nodes.set(r.id, { id: r.id, name: r.name, level: r.level, propertyAreaCount: counts.get(r.id) ?? 0, children: r.level === depth ? undefined : [] });
    const roots: RegionNode[] = [];
    for (const r of rows) {
      const node = nodes.get(r.id)!;
      const parent = r.parentId !== null ? nodes.get(r.parentId) : undefined;
      if (parent) parent.children!.push(node);
      else roots.push(node);
    }
    return roots;
  }

  /** One region's direct children with their property-area counts (the next drill-down step). */
  async children(actor: Actor, regionId: number): Promise<RegionNode[]> {
    const regions = this.scope.repository(actor, Region, '行政区域');
    const parent = await regions.findById(regionId);
    if (parent.level === RegionLevel.COMMUNITY) throw AppException.invalidField('id', '社区没有下级区域');
    const rows = await regions.query('r').andWhere('r.parentId = :id', { id: regionId }).orderBy('r.sortOrder').addOrderBy('r.id').getMany();
    const counts = await this.areaCounts(parent.districtId);
    return rows.map((r) => ({ id: r.id, name: r.name, level: r.level, propertyAreaCount: counts.get(r.id) ?? 0 }));
  }

  private async areaCounts(districtId: number | null): Promise<Map<number, number>> {
    const counts = new Map<number, number>();
    for (const column of ['districtId', 'streetId', 'communityId'] as const) {
      const qb = this.areas.createQueryBuilder('a').select(`a.${column}`, 'id').addSelect('COUNT(*)', 'n').groupBy(`a.${column}`);
      if (districtId !== null) qb.where('a.districtId = :districtId', { districtId });
      for (const row of await qb.getRawMany<{ id: number; n: string | number }>()) counts.set(Number(row.id), Number(row.n));
    }
    return counts;
  }
}
