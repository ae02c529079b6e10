import { Injectable } from '@nestjs/common';
import {
  EvaluationRecordView,
  EvaluationTarget,
  OwnerEvaluationErrorCode,
  OwnerEvaluationForm,
  OwnerEvaluationView,
  Page,
  Role,
} from '@szpm/contract';
import { DataSource, EntityManager, In, IsNull, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { Account } from '../../access/entities/account.entity';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { isDuplicateKey } from '../../common/sql/duplicate-key';
import { OwnersService } from '../owners/owners.service';
import { houseLabel } from '../owners/owners.service';
import { PropertyAreasService } from '../property-areas/areas/property-areas.service';
import { House } from '../regions/entities/house.entity';
import { OwnersCommittee } from '../regions/entities/owners-committee.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { PropertyCompany } from '../regions/entities/property-company.entity';
import { ReplyListQueryDto, SubmitOwnerEvaluationDto } from './dto/owner-evaluation.dto';
import { DiscontentReasonEntity, EvaluationItemEntity, OwnerEvaluation, OwnerEvaluationAnswer } from './entities';
import { isLowStar, overallStars, scoreHundredths, shanghaiMonth } from './evaluation-score';
import { tallyEvaluation, tallyReply } from './evaluation-tally';
import { answerViews, EvaluationNames, ownerEvaluationView, recordView } from './evaluation-views';
import { OwnerEvaluationException } from './owner-evaluations.exception';

/**
 * 业主评价 (manual ch. 1 and 9): a bound owner rates a house's property service (or owners'
 * committee) once a month, item by item; the evaluated side (the area's project manager or company,
 * the committee) replies once. Every evaluation and reply moves the area's monthly sums in the same
 * transaction, which the statistics and rankings read.
 */
@Injectable()
export class OwnerEvaluationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly owners: OwnersService,
    private readonly areas: PropertyAreasService,
  ) {}

  async form(identityId: number, houseId: number, target: EvaluationTarget): Promise<OwnerEvaluationForm> {
    const { area } = await this.owners.boundHouse(identityId, houseId);
    if (target === EvaluationTarget.COMMITTEE && area.ownersCommitteeId === null) throw new OwnerEvaluationException(OwnerEvaluationErrorCode.NO_COMMITTEE);
    const month = shanghaiMonth(new Date());
    const [items, reasons, submitted] = await Promise.all([
      this.dataSource.getRepository(EvaluationItemEntity).find({ where: { target, active: true }, order: { sortOrder: 'ASC', id: 'ASC' } }),
      this.dataSource.getRepository(DiscontentReasonEntity).find({ where: { target, active: true }, order: { sortOrder: 'ASC', id: 'ASC' } }),
      // eslint-disable-next-line szpm/no-raw-scoped-access -- this month's evaluation of a house the owner has bound (boundHouse above)
      this.dataSource.getRepository(OwnerEvaluation).findOne({ where: { houseId, target, month } }),
    ]);
    return {
      houseId,
      target,
      month,
      submitted: submitted ? (await this.ownerViews([submitted]))[0] : null,
      items: items.map((i) => ({ id: i.id, target: i.target, name: i.name, weight: i.weight })),
      reasons: reasons.map((r) => ({ id: r.id, target: r.target, name: r.name })),
    };
  }

  async submit(identityId: number, dto: SubmitOwnerEvaluationDto): Promise<OwnerEvaluationView> {
    const { binding, area } = await this.owners.boundHouse(identityId, dto.houseId);
    if (dto.target === EvaluationTarget.COMMITTEE && area.ownersCommitteeId === null) throw new OwnerEvaluationException(OwnerEvaluationErrorCode.NO_COMMITTEE);
    const answers = await this.checkedAnswers(dto);
    const month = shanghaiMonth(new Date());
    const score = scoreHundredths(answers);
    let id: number;
    try {
      id = await this.dataSource.transaction(async (manager) => {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- this month's evaluation of a house the owner has bound
        if (await manager.exists(OwnerEvaluation, { where: { houseId: dto.houseId, target: dto.target, month } })) throw new OwnerEvaluationException(OwnerEvaluationErrorCode.ALREADY_EVALUATED);
        const evaluation = await this.insertEvaluation(manager, {
          target: dto.target,
          month,
          propertyAreaId: area.id,
          districtId: area.districtId,
          streetId: area.streetId,
          communityId: area.communityId,
          companyId: dto.target === EvaluationTarget.PROPERTY ? area.companyId : null,
          committeeId: dto.target === EvaluationTarget.COMMITTEE ? area.ownersCommitteeId : null,
          houseId: dto.houseId,
          ownerId: binding.ownerId,
          identityId,
          ownerName: binding.ownerName,
          scoreHundredths: score,
          stars: overallStars(answers),
          lowStar: answers.some((a) => isLowStar(a.star)),
          comment: dto.comment || null,
          anonymous: dto.anonymous ?? false,
          submittedAt: new Date(),
        });
        const rows = answers.map((a) => ({ evaluationId: evaluation.id, itemId: a.itemId, itemName: a.itemName, weight: a.weight, star: a.star, reasonIds: a.reasonIds.join(','), otherReason: a.otherReason }));
        await manager.insert(OwnerEvaluationAnswer, rows);
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the same house's earlier evaluations this year (评价户数 of a year counts a house once)
        const earlierThisYear = await manager.createQueryBuilder(OwnerEvaluation, 'e').where('e.houseId = :houseId AND e.target = :target AND e.month >= :yearStart AND e.month < :month', { houseId: dto.houseId, target: dto.target, yearStart: `${month.slice(0, 4)}-01`, month }).getExists();
        await tallyEvaluation(manager, evaluation, { firstInYear: !earlierThisYear, reasonIds: answers.flatMap((a) => a.reasonIds), hasOther: answers.some((a) => a.otherReason !== null) });
        return evaluation.id;
      });
    } catch (error) {
      // two submissions at once: the unique index keeps one
      if (error instanceof QueryFailedError && isDuplicateKey(error)) throw new OwnerEvaluationException(OwnerEvaluationErrorCode.ALREADY_EVALUATED);
      throw error;
    }
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the evaluation the owner has just written
    return (await this.ownerViews([await this.dataSource.getRepository(OwnerEvaluation).findOneByOrFail({ id })]))[0];
  }

  /** The owner's own evaluations, newest first, with the replies. */
  async mine(identityId: number, query: { page?: number; pageSize?: number }): Promise<Page<OwnerEvaluationView>> {
    const window = pageWindow(query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the evaluations the owner's own identity submitted
    const [rows, total] = await this.dataSource.getRepository(OwnerEvaluation).findAndCount({ where: { identityId }, order: { id: 'DESC' }, skip: window.skip, take: window.take });
    return toPage(await this.ownerViews(rows), total, window);
  }

  /** 业主评价回复: the evaluations of the counterpart's own areas (anonymous ones without the owner), unreplied first by default. */
  async replyList(actor: Actor, query: ReplyListQueryDto): Promise<Page<EvaluationRecordView>> {
    const qb = this.counterpartEvaluations(actor);
    const status = query.status ?? 'UNREPLIED';
    if (status === 'UNREPLIED') qb.andWhere('e.repliedAt IS NULL');
    if (status === 'REPLIED') qb.andWhere('e.repliedAt IS NOT NULL');
    if (query.month) qb.andWhere('e.month = :month', { month: query.month });
    const window = pageWindow(query);
    const [rows, total] = await qb.orderBy('e.lowStar', 'DESC').addOrderBy('e.id', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    return toPage(await this.recordViews(rows, 'counterpart'), total, window);
  }

  async reply(actor: Actor, id: number, content: string): Promise<EvaluationRecordView> {
    await this.dataSource.transaction(async (manager) => {
      const evaluation = await this.counterpartEvaluations(actor, manager).andWhere('e.id = :id', { id }).getOne();
      if (!evaluation) {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- tells an unknown id from another's evaluation; nothing of it is returned
        if (!(await manager.exists(OwnerEvaluation, { where: { id } }))) throw AppException.notFound('业主评价');
        throw new OwnerEvaluationException(OwnerEvaluationErrorCode.NOT_YOURS);
      }
      // only the first reply of two at once finds it unreplied
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the reply to an evaluation of the counterpart's own area (checked above)
      const claimed = await manager.update(OwnerEvaluation, { id, repliedAt: IsNull() }, { reply: content, repliedAt: new Date(), repliedById: actor.accountId });
      if (!claimed.affected) throw new OwnerEvaluationException(OwnerEvaluationErrorCode.ALREADY_REPLIED);
      await tallyReply(manager, evaluation);
    });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the evaluation the counterpart has just replied to
    return (await this.recordViews([await this.dataSource.getRepository(OwnerEvaluation).findOneByOrFail({ id })], 'counterpart'))[0];
  }

  /**
   * What the counterpart replies to: property evaluations of the project manager's or company's
   * areas, committee evaluations of the committee's area.
   */
  private counterpartEvaluations(actor: Actor, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<OwnerEvaluation> {
    const own = this.areas.counterpartAreas(actor).select('a.id');
    const target = actor.role === Role.OWNERS_COMMITTEE ? EvaluationTarget.COMMITTEE : EvaluationTarget.PROPERTY;
    return (
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a counterpart reads the evaluations of its own unit's areas (the subquery below is the restriction)
      manager
        .createQueryBuilder(OwnerEvaluation, 'e')
        .where(`e.propertyAreaId IN (${own.getQuery()})`)
        .andWhere('e.target = :ownTarget', { ownTarget: target })
        .setParameters(own.getParameters())
    );
  }

  /** Each answer once for every active item of the target; a low star with a catalogue reason or 其他. */
  private async checkedAnswers(dto: SubmitOwnerEvaluationDto) {
    const [items, reasons] = await Promise.all([
      this.dataSource.getRepository(EvaluationItemEntity).find({ where: { target: dto.target, active: true } }),
      this.dataSource.getRepository(DiscontentReasonEntity).find({ where: { target: dto.target, active: true } }),
    ]);
    const itemById = new Map(items.map((i) => [i.id, i]));
    const given = new Set(dto.answers.map((a) => a.itemId));
    if (given.size !== dto.answers.length || given.size !== items.length || dto.answers.some((a) => !itemById.has(a.itemId))) {
      throw new OwnerEvaluationException(OwnerEvaluationErrorCode.ITEMS_INCOMPLETE, { details: { expectedItemIds: items.map((i) => i.id) } });
    }
    const reasonIds = new Set(reasons.map((r) => r.id));
    return dto.answers.map((a, index) => {
      const chosen = [...new Set(a.reasonIds ?? [])];
      const otherReason = a.otherReason ? a.otherReason : null;
      if (chosen.some((id) => !reasonIds.has(id))) throw new OwnerEvaluationException(OwnerEvaluationErrorCode.REASON_UNKNOWN, { field: `answers.${index}.reasonIds` });
      if (isLowStar(a.star) && !chosen.length && !otherReason) throw new OwnerEvaluationException(OwnerEvaluationErrorCode.REASON_REQUIRED, { field: `answers.${index}.reasonIds` });
      const item = itemById.get(a.itemId)!;
      // reasons belong to a low star only: a higher star's are dropped
      return { itemId: item.id, itemName: item.name, weight: item.weight, star: a.star, reasonIds: isLowStar(a.star) ? chosen : [], otherReason: isLowStar(a.star) ? otherReason : null };
    });
  }

  private async insertEvaluation(manager: EntityManager, values: Omit<OwnerEvaluation, 'id' | 'reply' | 'repliedAt' | 'repliedById'>): Promise<OwnerEvaluation> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a new evaluation of a house the owner has bound (its region columns are the area's)
    const result = await manager.insert(OwnerEvaluation, values);
    return { ...values, id: Number(result.identifiers[0].id), reply: null, repliedAt: null, repliedById: null };
  }

  private async ownerViews(rows: OwnerEvaluation[]): Promise<OwnerEvaluationView[]> {
    const { answers, reasons, names } = await this.namesOf(rows);
    return rows.map((e) => ownerEvaluationView(e, answerViews(answers.get(e.id) ?? [], reasons), names(e)));
  }

  /** Views of evaluations the caller has admitted, for officers or for the evaluated side. */
  async recordViews(rows: OwnerEvaluation[], reader: 'officer' | 'counterpart'): Promise<EvaluationRecordView[]> {
    const { answers, reasons, names } = await this.namesOf(rows);
    return rows.map((e) => recordView(e, answerViews(answers.get(e.id) ?? [], reasons), names(e), reader));
  }

  private async namesOf(rows: OwnerEvaluation[]): Promise<{ answers: Map<number, OwnerEvaluationAnswer[]>; reasons: Map<number, string>; names: (e: OwnerEvaluation) => EvaluationNames }> {
    const manager = this.dataSource.manager;
    const ids = (pick: (e: OwnerEvaluation) => number | null) => [...new Set(rows.map(pick).filter((id): id is number => id !== null))];
    const none = Promise.resolve([]);
    const [answerRows, reasonRows, areas, houses, companies, committees, repliers] = await Promise.all([
      rows.length ? manager.find(OwnerEvaluationAnswer, { where: { evaluationId: In(rows.map((e) => e.id)) }, order: { id: 'ASC' } }) : none,
      manager.find(DiscontentReasonEntity),
      // eslint-disable-next-line szpm/no-raw-scoped-access -- names of the areas of evaluations the caller has admitted
      ids((e) => e.propertyAreaId).length ? manager.find(PropertyArea, { where: { id: In(ids((e) => e.propertyAreaId)) }, select: { id: true, name: true } }) : none,
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the houses of evaluations the caller has admitted
      ids((e) => e.houseId).length ? manager.find(House, { where: { id: In(ids((e) => e.houseId)) }, select: { id: true, building: true, unitNo: true, roomNo: true } }) : none,
      ids((e) => e.companyId).length ? manager.find(PropertyCompany, { where: { id: In(ids((e) => e.companyId)) }, select: { id: true, name: true } }) : none,
      // eslint-disable-next-line szpm/no-raw-scoped-access -- names of the committees of evaluations the caller has admitted
      ids((e) => e.committeeId).length ? manager.find(OwnersCommittee, { where: { id: In(ids((e) => e.committeeId)) }, select: { id: true, name: true } }) : none,
      // eslint-disable-next-line szpm/no-raw-scoped-access -- names of the accounts that replied to evaluations the caller has admitted
      ids((e) => e.repliedById).length ? manager.find(Account, { where: { id: In(ids((e) => e.repliedById)) }, select: { id: true, name: true } }) : none,
    ]);
    const answers = new Map<number, OwnerEvaluationAnswer[]>();
    for (const a of answerRows as OwnerEvaluationAnswer[]) answers.set(a.evaluationId, [...(answers.get(a.evaluationId) ?? []), a]);
    const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
    const areaById = byId(areas as PropertyArea[]);
    const houseById = byId(houses as House[]);
    const companyById = byId(companies as PropertyCompany[]);
    const committeeById = byId(committees as OwnersCommittee[]);
    const replierById = byId(repliers as Account[]);
    return {
      answers,
      reasons: new Map((reasonRows as DiscontentReasonEntity[]).map((r) => [r.id, r.name])),
      names: (e) => {
        const house = houseById.get(e.houseId);
        return {
          propertyAreaName: areaById.get(e.propertyAreaId)?.name ?? '',
          houseLabel: house ? houseLabel(house) : '',
          companyName: e.companyId !== null ? (companyById.get(e.companyId)?.name ?? null) : null,
          committeeName: e.committeeId !== null ? (committeeById.get(e.committeeId)?.name ?? null) : null,
          repliedByName: e.repliedById !== null ? (replierById.get(e.repliedById)?.name ?? null) : null,
        };
      },
    };
  }
}
