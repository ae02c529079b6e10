import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AREA_CHANGE_FORM_TYPE, AREA_REVIEWED_FORM_TYPES, AreaCaseListItem, AreaCasePage, AreaCaseView } from '@szpm/contract';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { AppException } from '../../../common/errors/app.exception';
import { escapeLike } from '../../../common/sql/like';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { Region } from '../../regions/entities/region.entity';
import { WorkflowCase } from '../../workflow/entities/workflow-case.entity';
import { returnedCaseIds, selectSummaryColumns, whereCreatedBetween } from '../../workflow/workflow-case-query';
import { WorkflowRegistry } from '../../workflow/workflow-registry';
import { toCaseSummary } from '../../workflow/workflow-view';
import { AreaCaseQueryDto, MyAreaCaseQueryDto } from './dto/area-change.dto';
import { PropertyAreaCase } from './entities/property-area-case.entity';

/**
 * 审批列表 and 查看申请记录 (and the counterpart's 我的申请): the engine's cases of the three area
 * forms with the area each is about. The cases come through the scoped door of workflow_cases and
 * the engine's own list pieces (summary columns, date range, returned flags, summaries); the area,
 * street and community come from property_area_cases.
 */
@Injectable()
export class AreaCasesService {
  constructor(
    private readonly scope: DistrictScope,
    private readonly registry: WorkflowRegistry,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- reads only the places of cases already selected through the scoped door, by their ids
    @InjectRepository(PropertyAreaCase) private readonly places: Repository<PropertyAreaCase>,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- reads only the names of the streets and communities of those places
    @InjectRepository(Region) private readonly regions: Repository<Region>,
  ) {}

  async list(actor: Actor, query: AreaCaseQueryDto): Promise<AreaCasePage> {
    const viewTypes = query.view === AreaCaseView.SUBMITTED ? [AREA_CHANGE_FORM_TYPE] : [...AREA_REVIEWED_FORM_TYPES];
    if (query.formType !== undefined && !viewTypes.includes(query.formType)) throw AppException.invalidField('formType', `该列表只有${viewTypes.join('、')}`);
    const formTypes = query.formType !== undefined ? [query.formType] : viewTypes;
    const window = pageWindow(query);
    const scoped = this.scope.repository(actor, WorkflowCase, '业务单');
    const districtId = scoped.resolveDistrictFilter(query.districtId);
    const region = await this.scope.regionFilter(actor, { districtId: query.districtId, streetId: query.streetId, communityId: query.communityId });

    const qb = selectSummaryColumns(scoped.query('c'), 'c');
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the place of each case the scoped door admits (same district by construction)
    qb.innerJoin(PropertyAreaCase, 'pac', 'pac.caseId = c.id');
    qb.andWhere('c.formType IN (:...formTypes)', { formTypes });
    if (districtId !== null) qb.andWhere('c.districtId = :districtId', { districtId });
    if (region.streetId !== null) qb.andWhere('pac.streetId = :streetId', { streetId: region.streetId });
    if (region.communityId !== null) qb.andWhere('pac.communityId = :communityId', { communityId: region.communityId });
    if (query.propertyAreaId !== undefined) qb.andWhere('pac.propertyAreaId = :propertyAreaId', { propertyAreaId: query.propertyAreaId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.search) qb.andWhere("pac.areaName LIKE :search ESCAPE '!'", { search: `%${escapeLike(query.search)}%` });
    whereCreatedBetween(qb, 'c', query.createdFrom, query.createdTo);
    return this.page(qb, window);
  }

  /** 我的申请: the registrations and manager changes the caller's unit filed. */
  async mine(actor: Actor, query: MyAreaCaseQueryDto): Promise<AreaCasePage> {
    const window = pageWindow(query);
    const qb = selectSummaryColumns(
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a counterpart reads the applications its own unit filed (the condition right below)
      this.places.manager.getRepository(WorkflowCase).createQueryBuilder('c'),
      'c',
    )
      .where('c.formType IN (:...formTypes)', { formTypes: [...AREA_REVIEWED_FORM_TYPES] })
      .andWhere(
        actor.unitId !== null && actor.unitCategory !== null
          ? '(c.initiatorId = :me OR (c.initiatorUnitCategory = :unitCategory AND c.initiatorUnitId = :unitId))'
          : 'c.initiatorId = :me',
        { me: actor.accountId, unitCategory: actor.unitCategory, unitId: actor.unitId },
      );
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    return this.page(qb, window);
  }

  private async page(qb: SelectQueryBuilder<WorkflowCase>, window: ReturnType<typeof pageWindow>): Promise<AreaCasePage> {
    const [rows, total] = await qb.orderBy('c.createdAt', 'DESC').addOrderBy('c.id', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    const ids = rows.map((row) => row.id);
    const returned = await returnedCaseIds(this.places.manager, ids);
    const places = new Map((ids.length ? await this.places.find({ where: { caseId: In(ids) } }) : []).map((p) => [p.caseId, p]));
    const regionIds = [...places.values()].flatMap((p) => [p.streetId, p.communityId]).filter((id): id is number => id !== null);
    const names = new Map((regionIds.length ? await this.regions.find({ select: { id: true, name: true }, where: { id: In([...new Set(regionIds)]) } }) : []).map((r) => [r.id, r.name]));
    const items: AreaCaseListItem[] = rows.map((row) => {
      const place = places.get(row.id);
      return {
        ...toCaseSummary(row, this.registry.find(row.formType), returned.has(row.id)),
        propertyAreaId: place?.propertyAreaId ?? null,
        areaName: place?.areaName ?? row.subjectName ?? '',
        streetId: place?.streetId ?? null,
        streetName: place?.streetId != null ? (names.get(place.streetId) ?? null) : null,
        communityId: place?.communityId ?? null,
        communityName: place?.communityId != null ? (names.get(place.communityId) ?? null) : null,
      };
    });
    return toPage(items, total, window);
  }
}
