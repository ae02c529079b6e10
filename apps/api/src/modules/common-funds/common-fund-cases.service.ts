import { Inject, Injectable } from '@nestjs/common';
import { CommonErrorCode, CommonFundAccountStatus, CommonFundCase as CommonFundCaseView, CommonFundCaseStage, CommonFundErrorCode, Page } from '@szpm/contract';
import { Brackets, DataSource, EntityManager, In, IsNull, Not, QueryFailedError } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { shanghaiDate, startOfShanghaiDay } from '../../common/http/shanghai-time';
import { AppConfig, APP_CONFIG } from '../../config/app-config';
import { JobQueue } from '../../queue/job-queue';
import { JOBS } from '../../queue/jobs';
import { addDays } from '../property-areas/facilities/facility-due';
import { PropertyAreaProfile } from '../property-areas/entities/property-area-profile.entity';
import { OwnersCommittee } from '../regions/entities/owners-committee.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { accountTrigger, AreaFundFacts, isOpeningOverdue, isRectifyExpired, openingDueDate, shouldOpenSql } from './common-fund-rules';
import { CommonFundException } from './common-funds.exception';
import { toCaseView } from './common-fund-views';
import { CommonFundAccount, CommonFundCase, CommonFundCaseEventRow } from './entities';
import { CommonFundCaseQueryDto, PenaltyDto, RectifyOrderDto } from './dto/common-fund.dto';

export const CASE_LABEL = '逾期未开户督办';

/** The delayed job of one case's rectification deadline: one per case and deadline. */
export const rectifyJobId = (caseId: number, deadline: string) => `common-funds.rectify-${caseId}-${deadline}`;

/** The end of a deadline day (Shanghai): the moment the deadline has passed. */
export function deadlineEnd(deadline: string): Date {
  return startOfShanghaiDay(addDays(deadline, 1));
}

/** The longest delay handed to the queue; a later deadline is found by the sweep. */
const MAX_DELAY_MS = 24 * 24 * 3600_000;

type Officer = { id: number; name: string } | null;

/**
 * 逾期未开户督办: an area that should have an account and has no normal one `overdueDays` after its
 * trigger becomes a case (the sweep opens it); an officer orders rectification (a deadline, a
 * delayed job at its end backed by the sweep), records a penalty once the deadline has passed; a
 * normal account closes the case at any stage. Every step is one timeline event.
 */
@Injectable()
export class CommonFundCasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private cases(actor: Actor, manager?: EntityManager) {
    return this.scope.repository(actor, CommonFundCase, CASE_LABEL, manager);
  }

  async list(actor: Actor, query: CommonFundCaseQueryDto): Promise<Page<CommonFundCaseView>> {
    const window = pageWindow(query);
    const filter = await this.scope.regionFilter(actor, query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the names of the areas of cases the door has scoped
    const qb = this.cases(actor).query('k').innerJoin(PropertyArea, 'a', 'a.id = k.propertyAreaId').addSelect('a.name', 'areaName');
    if (filter.districtId !== null) qb.andWhere('k.districtId = :fd', { fd: filter.districtId });
    if (filter.streetId !== null) qb.andWhere('k.streetId = :fs', { fs: filter.streetId });
    if (filter.communityId !== null) qb.andWhere('k.communityId = :fc', { fc: filter.communityId });
    if (query.stage) qb.andWhere('k.stage = :stage', { stage: query.stage });
    if (query.search) qb.andWhere('INSTR(a.name, :search) > 0', { search: query.search });
    const total = await qb.clone().getCount();
    const { entities, raw } = await qb.orderBy('k.id', 'DESC').offset(window.skip).limit(window.take).getRawAndEntities<{ areaName: string }>();
    const events = await this.events(entities.map((c) => c.id));
    return toPage(
      entities.map((c, i) => toCaseView(c, raw[i]?.areaName ?? '', events.get(c.id) ?? [])),
      total,
      window,
    );
  }

  async detail(actor: Actor, id: number): Promise<CommonFundCaseView> {
    const found = await this.find(actor, id);
    return this.view(found);
  }

  /** The cases of one area (already admitted by the caller), newest first, with timelines. */
  async ofArea(areaId: number, areaName: string): Promise<CommonFundCaseView[]> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the cases of an area readableArea() has just admitted the actor to
    const rows = await this.dataSource.getRepository(CommonFundCase).find({ where: { propertyAreaId: areaId }, order: { id: 'DESC' } });
    const events = await this.events(rows.map((c) => c.id));
    return rows.map((c) => toCaseView(c, areaName, events.get(c.id) ?? []));
  }

  /** 责令整改: only an overdue case; the deadline defaults to the order date + the rectification days. */
  async orderRectification(actor: Actor, id: number, body: RectifyOrderDto): Promise<CommonFundCaseView> {
    const deadline = body.deadline ?? addDays(body.orderDate, this.config.commonFunds.rectifyDays);
    if (deadline < body.orderDate) throw new CommonFundException(CommonFundErrorCode.DEADLINE_BEFORE_ORDER);
    const saved = await this.dataSource.transaction(async (manager) => {
      const found = await this.cases(actor, manager).findById(id).catch(notFound);
      if (found.stage !== CommonFundCaseStage.OVERDUE) throw stageRefusal(found.stage, '只有逾期未开户的督办可以责令整改');
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the case the door has just returned, moved only from the stage read (a concurrent step loses)
      const moved = await manager
        .createQueryBuilder()
        .update(CommonFundCase)
        .set({ stage: CommonFundCaseStage.RECTIFY_ORDERED, orderNo: body.orderNo, orderDate: body.orderDate, rectifyDeadline: deadline })
        .where({ id, stage: CommonFundCaseStage.OVERDUE })
        .execute();
      if (!moved.affected) throw stageRefusal(found.stage, '督办阶段已变化，请刷新');
      await this.addEvent(manager, id, CommonFundCaseStage.RECTIFY_ORDERED, officer(actor), `责令整改通知书 ${body.orderNo}，${body.orderDate} 下达，整改期限至 ${deadline}`);
      return { ...found, stage: CommonFundCaseStage.RECTIFY_ORDERED, orderNo: body.orderNo, orderDate: body.orderDate, rectifyDeadline: deadline };
    });
    await this.scheduleDeadline(saved.id, deadline);
    return this.view(saved);
  }

  /** 行政处罚: only once the rectification deadline has passed without an account. */
  async recordPenalty(actor: Actor, id: number, body: PenaltyDto): Promise<CommonFundCaseView> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const found = await this.cases(actor, manager).findById(id).catch(notFound);
      if (found.stage !== CommonFundCaseStage.RECTIFY_EXPIRED) throw stageRefusal(found.stage, '整改期满仍未开户的督办才能记录行政处罚');
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the case the door has just returned, moved only from the stage read
      const moved = await manager
        .createQueryBuilder()
        .update(CommonFundCase)
        .set({ stage: CommonFundCaseStage.PENALISED, penaltyNo: body.decisionNo, penaltyDate: body.decisionDate, penaltyAmount: body.amount })
        .where({ id, stage: CommonFundCaseStage.RECTIFY_EXPIRED })
        .execute();
      if (!moved.affected) throw stageRefusal(found.stage, '督办阶段已变化，请刷新');
      await this.addEvent(manager, id, CommonFundCaseStage.PENALISED, officer(actor), `行政处罚决定书 ${body.decisionNo}，${body.decisionDate}，罚款 ${body.amount.toFixed(2)} 元`);
      return { ...found, stage: CommonFundCaseStage.PENALISED, penaltyNo: body.decisionNo, penaltyDate: body.decisionDate, penaltyAmount: body.amount };
    });
    return this.view(saved);
  }

  /** A normal account of the area closes its open case (inside the caller's transaction). */
  async closeForOpenedAccount(manager: EntityManager, areaId: number, by: Officer, accountNo: string): Promise<void> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the open case of an area whose account the caller has just written through the door
    const open = await manager.getRepository(CommonFundCase).findOne({ where: { openAreaId: areaId } });
    if (!open) return;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the case just read, closed only while still open
    const moved = await manager.getRepository(CommonFundCase).update({ id: open.id, openAreaId: areaId }, { stage: CommonFundCaseStage.CLOSED_OPENED, openAreaId: null, closedAt: new Date() });
    if (moved.affected) await this.addEvent(manager, open.id, CommonFundCaseStage.CLOSED_OPENED, by, `已开设正常账户 ${accountNo}，督办结案（原阶段：${open.stage}）`);
  }

  /** The deadline job: the case moves to RECTIFY_EXPIRED if its deadline has passed; answers whether it did. */
  async expireIfDue(caseId: number, now = new Date()): Promise<boolean> {
    const today = shanghaiDate(now);
    return this.dataSource.transaction(async (manager) => {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the deadline job and the sweep act for no actor, on a case by id
      const found = await manager.getRepository(CommonFundCase).findOne({ where: { id: caseId } });
      if (!found || found.stage !== CommonFundCaseStage.RECTIFY_ORDERED || !isRectifyExpired(found.rectifyDeadline, today)) return false;
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the case just read, moved only from the stage read
      const moved = await manager.getRepository(CommonFundCase).update({ id: caseId, stage: CommonFundCaseStage.RECTIFY_ORDERED }, { stage: CommonFundCaseStage.RECTIFY_EXPIRED });
      if (!moved.affected) return false;
      await this.addEvent(manager, caseId, CommonFundCaseStage.RECTIFY_EXPIRED, null, `整改期限 ${found.rectifyDeadline} 已过，仍未开设共有资金账户`);
      return true;
    });
  }

  /**
   * The sweep behind every deadline (a restart loses no job's work): closes open cases of areas that
   * have a normal account, expires passed rectification deadlines and opens a case for every area
   * that should have an account and is overdue without one.
   */
  async sweep(now = new Date()): Promise<{ opened: number; expired: number; closed: number }> {
    const today = shanghaiDate(now);
    let closed = 0;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the sweep acts for no actor, city-wide
    const openCases = this.dataSource.getRepository(CommonFundCase).createQueryBuilder('k').where('k.openAreaId IS NOT NULL');
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the sweep acts for no actor: normal accounts of areas with an open case
    const withAccount = await openCases
      .innerJoin(CommonFundAccount, 'x', 'x.propertyAreaId = k.propertyAreaId AND x.status = :normal', { normal: CommonFundAccountStatus.NORMAL })
      .select(['k.propertyAreaId AS areaId', 'MIN(x.accountNo) AS accountNo'])
      .groupBy('k.propertyAreaId')
      .getRawMany<{ areaId: number | string; accountNo: string }>();
    for (const row of withAccount) {
      await this.dataSource.transaction(async (manager) => {
        const before = await this.countOpen(manager, Number(row.areaId));
        await this.closeForOpenedAccount(manager, Number(row.areaId), null, row.accountNo);
        closed += before - (await this.countOpen(manager, Number(row.areaId)));
      });
    }
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the sweep acts for no actor: ordered cases whose deadline has passed
    const due = await this.dataSource.getRepository(CommonFundCase).find({ select: { id: true }, where: { stage: CommonFundCaseStage.RECTIFY_ORDERED, rectifyDeadline: Not(IsNull()) } });
    let expired = 0;
    for (const c of due) if (await this.expireIfDue(c.id, now)) expired++;
    let opened = 0;
    for (const area of await this.overdueCandidates()) {
      const trigger = accountTrigger(area);
      if (!isOpeningOverdue(trigger, this.config.commonFunds.overdueDays, today)) continue;
      if (await this.openCase(area, trigger!)) opened++;
    }
    return { opened, expired, closed };
  }

  private async countOpen(manager: EntityManager, areaId: number): Promise<number> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the sweep acts for no actor, on one area
    return manager.getRepository(CommonFundCase).count({ where: { openAreaId: areaId } });
  }

  /** Areas that should have an account, have no normal one and no open case. */
  private async overdueCandidates(): Promise<Array<AreaFundFacts & { id: number; districtId: number; streetId: number; communityId: number }>> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the sweep acts for no actor, city-wide
    const qb = this.dataSource.getRepository(PropertyArea).createQueryBuilder('a');
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the sweep acts for no actor: profiles and committees of the areas it reads
    qb.leftJoin(PropertyAreaProfile, 'pp', 'pp.propertyAreaId = a.id').leftJoin(OwnersCommittee, 'ocm', 'ocm.id = a.ownersCommitteeId');
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the sweep acts for no actor: whether the area has a normal account
    const normal = qb.subQuery().select('1').from(CommonFundAccount, 'x').where('x.propertyAreaId = a.id').andWhere('x.status = :cfNormal').getQuery();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the sweep acts for no actor: whether the area has an open case
    const open = qb.subQuery().select('1').from(CommonFundCase, 'k').where('k.openAreaId = a.id').getQuery();
    const rows = await qb
      .select([
        'a.id AS id',
        'a.districtId AS districtId',
        'a.streetId AS streetId',
        'a.communityId AS communityId',
        'a.otherCityProject AS otherCityProject',
        'a.selfManaged AS selfManaged',
        'a.companyId AS companyId',
        'a.ownersCommitteeId AS ownersCommitteeId',
        'pp.areaType AS areaType',
        'pp.contractStart AS contractStart',
        'ocm.termStart AS committeeTermStart',
      ])
      .where(shouldOpenSql(), { cfAreaTypes: this.config.commonFunds.areaTypes })
      .andWhere(new Brackets((w) => w.where(`NOT EXISTS ${normal}`).andWhere(`NOT EXISTS ${open}`)))
      .setParameter('cfNormal', CommonFundAccountStatus.NORMAL)
      .orderBy('a.id', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id),
      districtId: Number(r.districtId),
      streetId: Number(r.streetId),
      communityId: Number(r.communityId),
      ...areaFacts(r),
    }));
  }

  private async openCase(area: { id: number; districtId: number; streetId: number; communityId: number }, trigger: string): Promise<boolean> {
    const dueDate = openingDueDate(trigger, this.config.commonFunds.overdueDays);
    try {
      await this.dataSource.transaction(async (manager) => {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the sweep acts for no actor; openAreaId is unique, so a second sweep at once fails here and opens nothing
        const saved = await manager.getRepository(CommonFundCase).save({
          districtId: area.districtId,
          streetId: area.streetId,
          communityId: area.communityId,
          propertyAreaId: area.id,
          openAreaId: area.id,
          stage: CommonFundCaseStage.OVERDUE,
          triggerDate: trigger,
          dueDate,
        });
        await this.addEvent(manager, saved.id, CommonFundCaseStage.OVERDUE, null, `应于 ${dueDate} 前开设共有资金账户（自 ${trigger} 起 ${this.config.commonFunds.overdueDays} 日），逾期未开户`);
      });
      return true;
    } catch (error) {
      if (error instanceof QueryFailedError) return false;
      throw error;
    }
  }

  async scheduleDeadline(caseId: number, deadline: string): Promise<void> {
    const delayMs = Math.min(MAX_DELAY_MS, Math.max(0, deadlineEnd(deadline).getTime() - Date.now()));
    await this.queue.add(JOBS.commonFundRectifyDeadline, { caseId }, { jobId: rectifyJobId(caseId, deadline), delayMs, attempts: 5 });
  }

  private async find(actor: Actor, id: number): Promise<CommonFundCase> {
    return this.cases(actor).findById(id).catch(notFound);
  }

  private async view(c: CommonFundCase): Promise<CommonFundCaseView> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the name of the area of a case the door has returned
    const area = await this.dataSource.getRepository(PropertyArea).findOne({ select: { id: true, name: true }, where: { id: c.propertyAreaId } });
    return toCaseView(c, area?.name ?? '', (await this.events([c.id])).get(c.id) ?? []);
  }

  private async events(caseIds: number[]): Promise<Map<number, CommonFundCaseEventRow[]>> {
    const byCase = new Map<number, CommonFundCaseEventRow[]>();
    if (!caseIds.length) return byCase;
    const rows = await this.dataSource.getRepository(CommonFundCaseEventRow).find({ where: { caseId: In(caseIds) }, order: { at: 'ASC', id: 'ASC' } });
    for (const e of rows) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    return byCase;
  }

  private async addEvent(manager: EntityManager, caseId: number, stage: CommonFundCaseStage, by: Officer, note: string): Promise<void> {
    await manager.getRepository(CommonFundCaseEventRow).insert({ caseId, stage, at: new Date(), actorId: by?.id ?? null, actorName: by?.name ?? null, note: [...note].slice(0, 500).join('') });
  }
}

export function areaFacts(r: Record<string, unknown>): AreaFundFacts {
  const bool = (v: unknown) => v === true || Number(v) === 1;
  const idOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    otherCityProject: bool(r.otherCityProject),
    selfManaged: bool(r.selfManaged),
    companyId: idOrNull(r.companyId),
    ownersCommitteeId: idOrNull(r.ownersCommitteeId),
    areaType: (r.areaType as string | null) ?? null,
    contractStart: (r.contractStart as string | null) ?? null,
    committeeTermStart: (r.committeeTermStart as string | null) ?? null,
  };
}

function officer(actor: Actor): Officer {
  return { id: actor.accountId, name: actor.name };
}

function stageRefusal(stage: CommonFundCaseStage, message: string): CommonFundException {
  return new CommonFundException(CommonFundErrorCode.CASE_STAGE_INVALID, { message, details: { stage } });
}

function notFound(error: unknown): never {
  if (error instanceof AppException && error.code === CommonErrorCode.NOT_FOUND) throw new CommonFundException(CommonFundErrorCode.CASE_NOT_FOUND);
  throw error;
}

