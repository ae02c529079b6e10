import { Injectable } from '@nestjs/common';
import { Page, SafetyAreaCandidate } from '@szpm/contract';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { escapeLike } from '../../../common/sql/like';
import { PropertyArea } from '../../regions/entities/property-area.entity';
import { joinAreaContext, selectAreaContext, toAreaContext } from '../../regions/statistics/area-context';
import { AreaCandidateQueryDto } from '../dto/inspection.dto';

/**
 * The property areas an officer may choose when launching an inspection (发起安全检查 → 指定物业项目):
 * the areas of the district the launch would go to, narrowed by street, community or name.
 */
@Injectable()
export class AreaCandidatesService {
  constructor(private readonly scope: DistrictScope) {}

  async list(actor: Actor, query: AreaCandidateQueryDto): Promise<Page<SafetyAreaCandidate>> {
    // the same district rule as the launch: a district officer's own, the one a city account names
    const districtId = this.scope.districtFilter(actor, query.districtId);
    const filter = await this.scope.regionFilter(actor, { districtId: districtId ?? undefined, streetId: query.streetId, communityId: query.communityId });
    const window = pageWindow(query);
    const qb = joinAreaContext(this.scope.repository(actor, PropertyArea, '物业项目').query('a'), { area: 'a' });
    if (filter.districtId !== null) qb.andWhere('a.districtId = :districtId', { districtId: filter.districtId });
    if (filter.streetId !== null) qb.andWhere('a.streetId = :streetId', { streetId: filter.streetId });
    if (filter.communityId !== null) qb.andWhere('a.communityId = :communityId', { communityId: filter.communityId });
    if (query.search) qb.andWhere("(a.name LIKE :search ESCAPE '!' OR a.code LIKE :search ESCAPE '!')", { search: `%${escapeLike(query.search)}%` });
    const total = await qb.getCount();
    const rows = await selectAreaContext(qb.select(['a.id AS id', 'a.districtId AS districtId']))
      .orderBy('a.id', 'ASC')
      .offset(window.skip)
      .limit(window.take)
      .getRawMany<Record<string, unknown>>();
    return toPage(
      rows.map((r) => ({ propertyAreaId: Number(r.id), districtId: Number(r.districtId), ...toAreaContext(r) })),
      total,
      window,
    );
  }
}
