import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CampaignKind,
  MESSAGE_LINKS,
  Page,
  SAFETY_CHECK_KIND_LABELS,
  SAFETY_INSPECTION_SUBJECT_TYPE,
  SAFETY_TARGET_STATUS_LABELS,
  SafetyAreaStatsItem,
  SafetyCheckKind,
  SafetyCompanyStatsItem,
  SafetyInspectionDetail,
  SafetyInspectionErrorCode,
  SafetyInspectionListItem,
  SafetyTargetForm,
  SafetyTargetStatus,
  SafetyUrgeResult,
} from '@szpm/contract';
import { DataSource, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { AppException } from '../../../common/errors/app.exception';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { shanghaiDate } from '../../../common/http/shanghai-time';
import { toIso } from '../../notifications/inbox.service';
import { NotificationsService } from '../../notifications/notifications.service';
import { bureauName, RecipientResolver } from '../../notifications/reminders/recipient-resolver';
import { RemindersService } from '../../notifications/reminders/reminders.service';
import { PropertyArea } from '../../regions/entities/property-area.entity';
import { PropertyCompany } from '../../regions/entities/property-company.entity';
import { Region } from '../../regions/entities/region.entity';
import { joinAreaContext, selectAreaContext } from '../../regions/statistics/area-context';
import { escapeLike } from '../../../common/sql/like';
import { isOverdue, selectCompletion, toCompletion } from '../completion';
import { AreaStatsQueryDto, CompanyStatsQueryDto, InspectionListQueryDto, LaunchInspectionDto, UrgeInspectionDto } from '../dto/inspection.dto';
import { SafetyInspection } from '../entities/safety-inspection.entity';
import { SafetyInspectionItem } from '../entities/safety-inspection-item.entity';
import { SafetyInspectionTarget } from '../entities/safety-inspection-target.entity';
import { TargetFormsService } from '../results/target-forms.service';
import { SafetyInspectionException } from '../safety-inspections.exception';
import { TemplatesService } from '../templates/templates.service';
import { insertRows } from '../../../common/sql/insert-rows';

export const INSPECTION_LABEL = '安全检查';

type Raw = Record<string, unknown>;

/**
 * The officers' side of chapter 16: launch an inspection from a template (a copy of its items),
 * the launched inspections with their completion, statistics by property area and by company,
 * one area's results, and 催办 of the areas that have not submitted.
 */
@Injectable()
export class InspectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly templates: TemplatesService,
    private readonly forms: TargetFormsService,
    private readonly notifications: NotificationsService,
    private readonly reminders: RemindersService,
    private readonly recipients: RecipientResolver,
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names the district of an inspection the door returned (or districtFilter resolved)
    @InjectRepository(Region) private readonly regions: Repository<Region>,
  ) {}

  inspections(actor: Actor, manager?: EntityManager) {
    return this.scope.repository(actor, SafetyInspection, INSPECTION_LABEL, manager);
  }

  async launch(actor: Actor, dto: LaunchInspectionDto): Promise<SafetyInspectionDetail> {
    const districtId = this.scope.districtFilter(actor, dto.districtId);
    if (districtId === null) throw new SafetyInspectionException(SafetyInspectionErrorCode.DISTRICT_REQUIRED);
    if (dto.deadline < shanghaiDate(new Date())) throw new SafetyInspectionException(SafetyInspectionErrorCode.DEADLINE_IN_PAST);
    const areas = await this.targetAreas(actor, districtId, dto.propertyAreaIds);
    if (!areas.length) throw new SafetyInspectionException(SafetyInspectionErrorCode.NO_TARGETS);
    const district = await this.regions.findOneBy({ id: districtId });

    const id = await this.dataSource.transaction(async (manager) => {
      const { template, indicators } = await this.templates.readable(actor, dto.templateId, manager);
      const items = indicators.flatMap(({ indicator, subItems }, indicatorIndex) =>
        subItems.map((s, i) => ({ indicatorName: indicator.name, indicatorOrder: indicatorIndex + 1, content: s.content, facility: s.facility, sortOrder: i + 1 })),
      );
      const title = dto.title ?? template.name;
      const inspection = await manager.save(
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the new inspection in the district districtFilter resolved for the actor
        manager.create(SafetyInspection, {
          districtId,
          templateId: template.id,
          templateName: template.name,
          templateVersion: template.version,
          kind: template.kind,
          title,
          instructions: dto.instructions ?? '',
          deadline: dto.deadline,
          launchedById: actor.accountId,
          launchedByName: actor.name,
          campaignId: null,
          targetCount: areas.length,
          itemCount: items.length,
        }),
      );
      await insertRows(manager, SafetyInspectionItem, items.map((item) => ({ ...item, inspectionId: inspection.id })));
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the targets of the new inspection: areas targetAreas() selected through the door
      await insertRows(
        manager,
        SafetyInspectionTarget,
        areas.map((a) => ({
          inspectionId: inspection.id,
          districtId: a.districtId,
          streetId: a.streetId,
          communityId: a.communityId,
          propertyAreaId: a.id,
          companyId: a.companyId,
          projectManagerId: a.projectManagerId,
          status: SafetyTargetStatus.PENDING,
        })),
      );
      const recipientIds = (await this.recipients.projectManagerAccounts(areas.map((a) => a.projectManagerId))).map((a) => a.id);
      if (recipientIds.length) {
        const kindLabel = SAFETY_CHECK_KIND_LABELS[template.kind as SafetyCheckKind];
        const campaign = await this.notifications.createCampaign(manager, {
          kind: CampaignKind.NOTICE,
          sender: { id: actor.accountId, name: actor.name },
          districtId,
          title: `安全检查：${[...title].slice(0, 120).join('')}`,
          content: `${bureauName(district?.name)}发起${kindLabel}“${title}”，请于${dto.deadline}前逐项填报检查结果并提交。${dto.instructions ?? ''}`.trim(),
          link: MESSAGE_LINKS.safetyTasks(inspection.id),
          subject: { type: SAFETY_INSPECTION_SUBJECT_TYPE, id: inspection.id },
          recipientIds,
        });
        // eslint-disable-next-line szpm/no-raw-scoped-access -- links the inspection created just above to its campaign
        await manager.update(SafetyInspection, { id: inspection.id }, { campaignId: campaign.id });
      }
      return inspection.id;
    });
    return this.detail(actor, id);
  }

  async list(actor: Actor, query: InspectionListQueryDto): Promise<Page<SafetyInspectionListItem>> {
    const window = pageWindow(query);
    const scoped = this.inspections(actor);
    const qb = scoped.query('i');
    const districtId = scoped.resolveDistrictFilter(query.districtId);
    if (districtId !== null) qb.andWhere('i.districtId = :districtId', { districtId });
    if (query.kind) qb.andWhere('i.kind = :kind', { kind: query.kind });
    if (query.search) qb.andWhere("i.title LIKE :search ESCAPE '!'", { search: `%${escapeLike(query.search)}%` });
    const [rows, total] = await qb.orderBy('i.id', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    return toPage(await this.listItems(rows), total, window);
  }

  async detail(actor: Actor, id: number): Promise<SafetyInspectionDetail> {
    const inspection = await this.inspections(actor).findById(id);
    const [item] = await this.listItems([inspection]);
    const items = await this.forms.items(this.dataSource.manager, id);
    const indicators: SafetyInspectionDetail['indicators'] = [];
    for (const it of items) {
      let group = indicators[indicators.length - 1];
      if (!group || group.name !== it.indicatorName) indicators.push((group = { name: it.indicatorName, items: [] }));
      group.items.push({ id: it.id, content: it.content, facility: it.facility });
    }
    return { ...item, instructions: inspection.instructions, indicators };
  }

  /** 按物业项目统计: each area's status, counts and who runs it. */
  async areas(actor: Actor, id: number, query: AreaStatsQueryDto): Promise<Page<SafetyAreaStatsItem>> {
    const inspection = await this.inspections(actor).findById(id);
    const window = pageWindow(query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- targets of an inspection the door has just returned
    const qb = joinAreaContext(this.dataSource.getRepository(SafetyInspectionTarget).createQueryBuilder('t'), { from: 't' }).where('t.inspectionId = :id', { id });
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.done === true) qb.andWhere('t.status = :submitted', { submitted: SafetyTargetStatus.SUBMITTED });
    if (query.done === false) qb.andWhere('t.status <> :submitted', { submitted: SafetyTargetStatus.SUBMITTED });
    if (query.hasProblems === true) qb.andWhere('t.status = :submittedOnly AND t.failCount > 0', { submittedOnly: SafetyTargetStatus.SUBMITTED });
    if (query.hasProblems === false) qb.andWhere('t.failCount = 0');
    if (query.streetId) qb.andWhere('t.streetId = :streetId', { streetId: query.streetId });
    if (query.communityId) qb.andWhere('t.communityId = :communityId', { communityId: query.communityId });
    if (query.companyId) qb.andWhere('t.companyId = :companyId', { companyId: query.companyId });
    if (query.search) qb.andWhere("a.name LIKE :search ESCAPE '!'", { search: `%${escapeLike(query.search)}%` });
    const total = await qb.getCount();
    const rows = await this.selectAreaRows(qb).orderBy('t.id', 'ASC').offset(window.skip).limit(window.take).getRawMany<Raw>();
    return toPage(
      rows.map((r) => toAreaItem(r, inspection.deadline)),
      total,
      window,
    );
  }

  selectAreaRows(qb: SelectQueryBuilder<SafetyInspectionTarget>): SelectQueryBuilder<SafetyInspectionTarget> {
    return selectAreaContext(qb.select(['t.id AS targetId', 't.propertyAreaId AS propertyAreaId', 't.companyId AS companyId', 't.status AS status']))
      .addSelect(['t.passCount AS passCount', 't.failCount AS failCount', 't.notApplicableCount AS notApplicableCount', 't.submittedAt AS submittedAt', 't.submittedByName AS submittedByName']);
  }

  /** 按物业服务企业统计: completion of each company's areas (areas without a company together). */
  async companies(actor: Actor, id: number, query: CompanyStatsQueryDto): Promise<Page<SafetyCompanyStatsItem>> {
    await this.inspections(actor).findById(id);
    const window = pageWindow(query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- targets of an inspection the door has just returned
    const base = this.dataSource
      .getRepository(SafetyInspectionTarget)
      .createQueryBuilder('t')
      .innerJoin(SafetyInspection, 'i', 'i.id = t.inspectionId')
      .leftJoin(PropertyCompany, 'pc', 'pc.id = t.companyId')
      .where('t.inspectionId = :id', { id });
    if (query.search) base.andWhere("pc.name LIKE :search ESCAPE '!'", { search: `%${escapeLike(query.search)}%` });
    const totalRow = await base.clone().select('COUNT(DISTINCT COALESCE(t.companyId, 0))', 'n').getRawOne<{ n: number | string }>();
    const rows = await selectCompletion(base.clone().select('t.companyId', 'companyId').addSelect('MAX(pc.name)', 'companyName'))
      .addSelect('SUM(CASE WHEN t.status <> :submitted THEN 1 ELSE 0 END)', 'outstandingCount')
      .groupBy('t.companyId')
      .orderBy('outstandingCount', 'DESC')
      .addOrderBy('t.companyId', 'ASC')
      .offset(window.skip)
      .limit(window.take)
      .getRawMany<Raw>();
    return toPage(
      rows.map((r) => ({
        companyId: r.companyId === null || r.companyId === undefined ? null : Number(r.companyId),
        companyName: (r.companyName as string | null) ?? '未登记物业服务企业',
        ...toCompletion(r),
      })),
      Number(totalRow?.n ?? 0),
      window,
    );
  }

  /** One area's results, as its project manager filled them. */
  async targetForm(actor: Actor, id: number, targetId: number): Promise<SafetyTargetForm> {
    await this.targetOf(actor, id, targetId);
    return this.forms.form(targetId);
  }

  async openPhoto(actor: Actor, id: number, targetId: number, attachmentId: number) {
    await this.targetOf(actor, id, targetId);
    return this.forms.openPhoto(targetId, attachmentId);
  }

  /** 催办: the project managers of the areas that have not submitted (optionally of one company or some areas). */
  async urge(actor: Actor, id: number, dto: UrgeInspectionDto): Promise<SafetyUrgeResult> {
    const inspection = await this.inspections(actor).findById(id);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- targets of an inspection the door has just returned
    const qb = this.dataSource
      .getRepository(SafetyInspectionTarget)
      .createQueryBuilder('t')
      .select(['t.id', 't.projectManagerId'])
      .where('t.inspectionId = :id', { id })
      .andWhere('t.status <> :submitted', { submitted: SafetyTargetStatus.SUBMITTED });
    if (dto.companyId) qb.andWhere('t.companyId = :companyId', { companyId: dto.companyId });
    if (dto.propertyAreaIds) qb.andWhere('t.propertyAreaId IN (:...areaIds)', { areaIds: dto.propertyAreaIds });
    const outstanding = await qb.getMany();
    const accounts = await this.recipients.projectManagerAccounts(outstanding.map((t) => t.projectManagerId));
    const reachable = new Set(accounts.map((a) => a.unitId));
    const district = await this.regions.findOneBy({ id: inspection.districtId });
    const result = await this.reminders.remind({
      sender: { id: actor.accountId, name: actor.name },
      districtId: inspection.districtId,
      subject: { type: SAFETY_INSPECTION_SUBJECT_TYPE, id: inspection.id },
      recipients: {
        accountIds: accounts.map((a) => a.id),
        withoutAccount: outstanding.filter((t) => t.projectManagerId === null || !reachable.has(t.projectManagerId)).length,
      },
      title: `催办：${[...inspection.title].slice(0, 120).join('')}`,
      content: `${bureauName(district?.name)}提醒您：安全检查“${inspection.title}”尚未提交，截止日期${inspection.deadline}，请尽快逐项填报并提交。`,
      link: MESSAGE_LINKS.safetyTasks(inspection.id),
      nothingToUrgeMessage: '所选项目均已完成安全检查，无需催办',
    });
    return { ...result, outstandingWithoutAccount: result.withoutAccount };
  }

  /** The areas an inspection goes to: the chosen ones, or every area of the district. */
  private async targetAreas(actor: Actor, districtId: number, ids: number[] | undefined): Promise<PropertyArea[]> {
    const scoped = this.scope.repository(actor, PropertyArea, '物业项目');
    if (ids) {
      const found = await scoped.findAllByIds(ids, { missing: (missing) => AppException.invalidField('propertyAreaIds', `物业项目${missing.slice(0, 10).join('、')}不存在`) });
      const outside = found.find((area) => area.districtId !== districtId);
      if (outside) throw AppException.invalidField('propertyAreaIds', `物业项目${outside.id}不在所选行政区内`);
      return found.sort((a, b) => a.id - b.id);
    }
    return scoped
      .query('a')
      .select(['a.id', 'a.districtId', 'a.streetId', 'a.communityId', 'a.companyId', 'a.projectManagerId'])
      .andWhere('a.districtId = :districtId', { districtId })
      .orderBy('a.id', 'ASC')
      .getMany();
  }

  private async targetOf(actor: Actor, id: number, targetId: number): Promise<SafetyInspectionTarget> {
    await this.inspections(actor).findById(id);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a target of an inspection the door has just returned
    const target = await this.dataSource.getRepository(SafetyInspectionTarget).findOne({ where: { id: targetId, inspectionId: id } });
    if (!target) throw AppException.notFound('检查项目');
    return target;
  }

  private async listItems(inspections: SafetyInspection[]): Promise<SafetyInspectionListItem[]> {
    if (!inspections.length) return [];
    const ids = inspections.map((i) => i.id);
    const rows = await selectCompletion(
      // eslint-disable-next-line szpm/no-raw-scoped-access -- completion counts of inspections the door has just listed
      this.dataSource
        .getRepository(SafetyInspectionTarget)
        .createQueryBuilder('t')
        .innerJoin(SafetyInspection, 'i', 'i.id = t.inspectionId')
        .select('t.inspectionId', 'inspectionId')
        .where('t.inspectionId IN (:...ids)', { ids }),
    )
      .groupBy('t.inspectionId')
      .getRawMany<Raw>();
    const districts = await this.regions.findBy({ id: In([...new Set(inspections.map((i) => i.districtId))]) });
    return inspections.map((i) => ({
      id: i.id,
      title: i.title,
      kind: i.kind,
      kindLabel: SAFETY_CHECK_KIND_LABELS[i.kind as SafetyCheckKind],
      districtId: i.districtId,
      districtName: districts.find((d) => d.id === i.districtId)?.name ?? '',
      templateId: i.templateId,
      templateName: i.templateName,
      templateVersion: i.templateVersion,
      deadline: i.deadline,
      launchedByName: i.launchedByName,
      createdAt: i.createdAt.toISOString(),
      ...toCompletion(rows.find((r) => Number(r.inspectionId) === i.id)),
    }));
  }
}

export function toAreaItem(r: Raw, deadline: string): SafetyAreaStatsItem {
  const status = r.status as SafetyTargetStatus;
  return {
    targetId: Number(r.targetId),
    propertyAreaId: Number(r.propertyAreaId),
    propertyAreaName: String(r.propertyAreaName),
    streetName: (r.streetName as string | null) ?? '',
    communityName: (r.communityName as string | null) ?? '',
    companyId: r.companyId === null || r.companyId === undefined ? null : Number(r.companyId),
    companyName: (r.companyName as string | null) ?? null,
    projectManagerName: (r.projectManagerName as string | null) ?? null,
    status,
    statusLabel: SAFETY_TARGET_STATUS_LABELS[status],
    overdue: isOverdue(deadline, status),
    passCount: Number(r.passCount),
    failCount: Number(r.failCount),
    notApplicableCount: Number(r.notApplicableCount),
    submittedAt: toIso(r.submittedAt),
  };
}
