import { Injectable } from '@nestjs/common';
import { BallotSource, OwnerDecisionErrorCode, Page, PaperBallotsResult, Role, VoteConvener, VoteDetail, VoteListItem, VoteScope, VoteState } from '@szpm/contract';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { isDuplicateKey } from '../../common/sql/duplicate-key';
import { rowLock } from '../../common/sql/row-lock';
import { PropertyAreasService } from '../property-areas/areas/property-areas.service';
import { Building } from '../property-areas/entities/building.entity';
import { House } from '../regions/entities/house.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { CheckVoteDto, CreateVoteDto, ExtendVoteDto, PaperBallotsDto, UpdateVoteDto, VoteListQueryDto } from './dto/owner-decision.dto';
import { OwnerVote, OwnerVoteBallot, OwnerVoteTopic } from './entities';
import { OwnerDecisionException } from './owner-decisions.exception';
import { VoteClockService } from './vote-clock.service';
import { ballotWrite, voteNumber } from './vote-rules';
import { VoteUnitsService } from './vote-units.service';
import { voteDetail, voteListItem } from './vote-views';

const VOTE_LABEL = '业主投票';
const C = OwnerDecisionErrorCode;

/** Conveners who are not an account of their own: their votes are entered by the area's committee account. */
const COMMITTEE_CONVENERS: ReadonlySet<VoteConvener> = new Set([VoteConvener.COMMITTEE, VoteConvener.PREPARATORY_GROUP, VoteConvener.RE_ELECTION_GROUP]);

/**
 * 业主决策 (chapter 10) for conveners and officers: a convener of the area (its owners' committee
 * account, or an officer of its street office) drafts a vote; the street office checks a committee's
 * vote before it is published (its own vote is published at once); the clock opens and closes voting;
 * conveners enter paper ballots and may extend voting once.
 */
@Injectable()
export class OwnerDecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly areas: PropertyAreasService,
    private readonly clock: VoteClockService,
    private readonly units: VoteUnitsService,
  ) {}

  async create(actor: Actor, dto: CreateVoteDto): Promise<VoteDetail> {
    const area = await this.convenerArea(actor, dto.propertyAreaId);
    const fields = await this.checkedFields(actor, area, dto);
    const id = await this.dataSource.transaction(async (manager) => {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a new vote of an area the convener was admitted to (its region columns are the area's)
      const inserted = await manager.insert(OwnerVote, {
        ...fields,
        // replaced below by the number built from the id
        voteNo: `TMP-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`,
        propertyAreaId: area.id,
        districtId: area.districtId,
        streetId: area.streetId,
        communityId: area.communityId,
        state: VoteState.DRAFT,
        delayed: false,
        createdById: actor.accountId,
      });
      const voteId = Number(inserted.identifiers[0].id);
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the vote inserted above
      await manager.update(OwnerVote, { id: voteId }, { voteNo: voteNumber(area.id, voteId) });
      await manager.insert(OwnerVoteTopic, dto.topics.map((t, i) => ({ voteId, seq: i + 1, content: t.content, category: t.category })));
      return voteId;
    });
    return this.detailOf(id);
  }

  /** Edits a draft (also one the street office returned): fields and topics are replaced. */
  async update(actor: Actor, id: number, dto: UpdateVoteDto): Promise<VoteDetail> {
    const { vote, area } = await this.convenerVote(actor, id);
    if (vote.state !== VoteState.DRAFT) throw new OwnerDecisionException(C.WRONG_STATE, { message: '只有草稿状态的投票可以编辑' });
    const fields = await this.checkedFields(actor, area, dto);
    await this.dataSource.transaction(async (manager) => {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- a draft of an area the convener was admitted to (convenerVote above)
      const edited = await manager.update(OwnerVote, { id, state: VoteState.DRAFT }, fields);
      if (!edited.affected) throw new OwnerDecisionException(C.WRONG_STATE, { message: '只有草稿状态的投票可以编辑' });
      await manager.delete(OwnerVoteTopic, { voteId: id });
      await manager.insert(OwnerVoteTopic, dto.topics.map((t, i) => ({ voteId: id, seq: i + 1, content: t.content, category: t.category })));
    });
    return this.detailOf(id);
  }

  /** 提交: a committee's vote waits for the street office; the street office's own vote is published at once. */
  async submit(actor: Actor, id: number): Promise<VoteDetail> {
    const { vote } = await this.convenerVote(actor, id);
    // a scope the tally cannot count is refused now, not when voting should open
    await this.units.scope(this.dataSource.manager, vote);
    const next = vote.convener === VoteConvener.STREET_OFFICE ? VoteState.PUBLISHED : VoteState.SUBMITTED;
    const checked = next === VoteState.PUBLISHED ? { checkedById: actor.accountId, checkedAt: new Date() } : {};
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a vote of an area the convener was admitted to (convenerVote above)
    const moved = await this.dataSource.getRepository(OwnerVote).update({ id, state: VoteState.DRAFT }, { state: next, checkNote: null, ...checked });
    if (!moved.affected) throw new OwnerDecisionException(C.WRONG_STATE, { message: '只有草稿状态的投票可以提交' });
    if (next === VoteState.PUBLISHED) await this.clock.schedule({ ...vote, state: next });
    return this.detailOf(id);
  }

  /** 街道核实: the street office of the vote's area publishes it or returns it to the convener with a note. */
  async check(actor: Actor, id: number, dto: CheckVoteDto): Promise<VoteDetail> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the vote an officer names; only its own street's office goes on (checked right below)
    const vote = await this.dataSource.getRepository(OwnerVote).findOne({ where: { id } });
    if (!vote) throw AppException.notFound(VOTE_LABEL);
    if (actor.role !== Role.STREET_OFFICER || actor.streetId !== vote.streetId) throw new OwnerDecisionException(C.NOT_CHECKER);
    if (!dto.approve && !dto.note) throw new OwnerDecisionException(C.NOTE_REQUIRED);
    const next = dto.approve ? VoteState.PUBLISHED : VoteState.DRAFT;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a vote of the officer's own street (scopedVote and the street check above)
    const moved = await this.dataSource.getRepository(OwnerVote).update(
      { id, state: VoteState.SUBMITTED },
      { state: next, checkedById: actor.accountId, checkedAt: new Date(), checkNote: dto.note || null },
    );
    if (!moved.affected) throw new OwnerDecisionException(C.WRONG_STATE, { message: '只有待街道核实的投票可以核实' });
    if (next === VoteState.PUBLISHED) await this.clock.schedule({ ...vote, state: next });
    return this.detailOf(id);
  }

  /** 延期: once, while voting, to a later end; the old end is kept. */
  async extend(actor: Actor, id: number, dto: ExtendVoteDto): Promise<VoteDetail> {
    const { vote } = await this.convenerVote(actor, id);
    if (vote.state !== VoteState.VOTING) throw new OwnerDecisionException(C.WRONG_STATE, { message: '只有正在表决的投票可以延期' });
    if (vote.delayed) throw new OwnerDecisionException(C.ALREADY_EXTENDED);
    // past its end the vote is being counted: an extension then would reopen a closed vote
    if (Date.now() >= vote.endAt.getTime()) throw new OwnerDecisionException(C.VOTING_CLOSED);
    const endAt = new Date(dto.endAt);
    if (endAt.getTime() <= vote.endAt.getTime()) throw new OwnerDecisionException(C.EXTENSION_NOT_LATER);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a vote of an area the convener was admitted to; the condition lets one of two extensions at once through
    const moved = await this.dataSource.getRepository(OwnerVote).update({ id, state: VoteState.VOTING, delayed: false }, { delayed: true, delayReason: dto.reason, oldEndAt: vote.endAt, endAt });
    if (!moved.affected) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the same vote, to say why the extension did not land
      const now = await this.dataSource.getRepository(OwnerVote).findOneByOrFail({ id });
      throw now.delayed ? new OwnerDecisionException(C.ALREADY_EXTENDED) : new OwnerDecisionException(C.WRONG_STATE, { message: '只有正在表决的投票可以延期' });
    }
    await this.clock.schedule({ ...vote, endAt });
    return this.detailOf(id);
  }

  /**
   * 纸质选票录入: all rows or none. A row naming a house outside the scope, a house twice, or topics
   * not of the vote is refused naming the row; a paper ballot where the house already has a paper
   * ballot is refused (409, naming the row), where it has an electronic one it is skipped (the
   * electronic vote prevails).
   */
  async paperBallots(actor: Actor, id: number, dto: PaperBallotsDto): Promise<PaperBallotsResult> {
    const { vote } = await this.convenerVote(actor, id);
    // the tally counts the ballots present at the end: a paper ballot entered later would never count
    if (vote.state !== VoteState.VOTING || Date.now() >= vote.endAt.getTime()) throw new OwnerDecisionException(C.VOTING_CLOSED);
    const topicIds = new Set((await this.dataSource.getRepository(OwnerVoteTopic).find({ where: { voteId: id }, select: { id: true } })).map((t) => t.id));
    const houseIds = [...new Set(dto.rows.map((r) => r.houseId))];
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the houses named by paper ballots of a vote the convener was admitted to; checked against its scope below
    const houses = await this.dataSource.getRepository(House).find({ where: { id: In(houseIds) }, select: { id: true, propertyAreaId: true, buildingId: true } });
    const houseById = new Map(houses.map((h) => [h.id, h]));
    const seen = new Set<number>();
    dto.rows.forEach((row, index) => {
      const house = houseById.get(row.houseId);
      if (!house || !VoteUnitsService.inScope(vote, house)) throw new OwnerDecisionException(C.PAPER_ROW_OUTSIDE_SCOPE, { field: `rows.${index}.houseId`, message: `第${index + 1}行：纸质选票所填房屋不在本次投票范围内` });
      if (seen.has(row.houseId)) throw new OwnerDecisionException(C.PAPER_ROW_DUPLICATE, { field: `rows.${index}.houseId`, message: `第${index + 1}行：同一房屋在本批纸质选票中出现了多次` });
      seen.add(row.houseId);
      checkChoices(row.choices, topicIds, `rows.${index}.choices`);
    });
    try {
      return await this.dataSource.transaction(async (manager) => {
        await lockOpenVote(manager, id);
        const existing = await manager.find(OwnerVoteBallot, { where: { voteId: id, houseId: In(houseIds) }, select: { topicId: true, houseId: true, source: true } });
        const sourceOf = new Map(existing.map((b) => [`${b.topicId}:${b.houseId}`, b.source]));
        const now = new Date();
        const rows: Array<Partial<OwnerVoteBallot>> = [];
        let skippedElectronic = 0;
        dto.rows.forEach((row, index) => {
          for (const choice of row.choices) {
            const write = ballotWrite(sourceOf.get(`${choice.topicId}:${row.houseId}`) ?? null, BallotSource.PAPER);
            if (write === 'refuse') throw new OwnerDecisionException(C.ALREADY_VOTED, { message: `第${index + 1}行：该房屋已就该议题录入过纸质选票`, details: { row: index, houseId: row.houseId, topicId: choice.topicId } });
            if (write === 'skip') skippedElectronic += 1;
            else rows.push({ voteId: id, topicId: choice.topicId, houseId: row.houseId, choice: choice.choice, source: BallotSource.PAPER, identityId: null, enteredById: actor.accountId, paperNo: row.paperNo, votedAt: now });
          }
        });
        await insertInChunks(manager, rows);
        return { written: rows.length, skippedElectronic };
      });
    } catch (error) {
      // an owner's electronic ballot landed between the read and the insert: the batch is refused whole
      if (isDuplicateKey(error)) throw new OwnerDecisionException(C.ALREADY_VOTED, { message: '录入期间有房屋已投票，请刷新后重新录入' });
      throw error;
    }
  }

  /** 业主决策 list for officers (their district or street): 编号, 小区, 议题, 范围, 起止时间, 状态. */
  async list(actor: Actor, query: VoteListQueryDto): Promise<Page<VoteListItem>> {
    const qb = this.scope.repository(actor, OwnerVote, VOTE_LABEL).query('v');
    if (query.state) qb.andWhere('v.state = :state', { state: query.state });
    if (query.propertyAreaId) qb.andWhere('v.propertyAreaId = :areaId', { areaId: query.propertyAreaId });
    if (query.category) {
      const topics = qb.subQuery().select('1').from(OwnerVoteTopic, 't').where('t.voteId = v.id AND t.category = :category').getQuery();
      qb.andWhere(`EXISTS ${topics}`, { category: query.category });
    }
    const window = pageWindow(query);
    const [rows, total] = await qb.orderBy('v.id', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    const names = await this.areaNames(rows.map((v) => v.propertyAreaId));
    return toPage(rows.map((v) => voteListItem(v, names.get(v.propertyAreaId) ?? '')), total, window);
  }

  /**
   * 我发起的投票 of an owners' committee account: every vote of its own areas, drafts included (the
   * committee holds no module grant; its areas are its scope, as in chapter 5's counterpart lists).
   */
  async convened(actor: Actor, query: VoteListQueryDto): Promise<Page<VoteListItem>> {
    const areaIds = (await this.areas.counterpartAreas(actor).select('a.id', 'id').getRawMany<{ id: unknown }>()).map((r) => Number(r.id));
    const window = pageWindow(query);
    if (!areaIds.length) return toPage([], 0, window);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the votes of the committee's own areas (counterpartAreas above)
    const qb = this.dataSource.getRepository(OwnerVote).createQueryBuilder('v').where('v.propertyAreaId IN (:...areaIds)', { areaIds });
    if (query.state) qb.andWhere('v.state = :state', { state: query.state });
    if (query.propertyAreaId) qb.andWhere('v.propertyAreaId = :areaId', { areaId: query.propertyAreaId });
    const [rows, total] = await qb.orderBy('v.id', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
    const names = await this.areaNames(rows.map((v) => v.propertyAreaId));
    return toPage(rows.map((v) => voteListItem(v, names.get(v.propertyAreaId) ?? '')), total, window);
  }

  /** A vote of the committee's own area, whatever its state. */
  async convenedDetail(actor: Actor, id: number): Promise<VoteDetail> {
    await this.convenerVote(actor, id);
    return this.detailOf(id);
  }

  async detail(actor: Actor, id: number): Promise<VoteDetail> {
    await this.scopedVote(actor, id);
    return this.detailOf(id);
  }

  /** A vote, its topics and (from 询异 on) results, for a caller already admitted to it. */
  async detailOf(id: number, manager: EntityManager = this.dataSource.manager): Promise<VoteDetail> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a vote the caller was admitted to
    const vote = await manager.findOneOrFail(OwnerVote, { where: { id } });
    const topics = await manager.find(OwnerVoteTopic, { where: { voteId: id }, order: { seq: 'ASC' } });
    return voteDetail(vote, (await this.areaNames([vote.propertyAreaId])).get(vote.propertyAreaId) ?? '', topics);
  }

  async areaNames(ids: number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- names of the areas of votes the caller was admitted to
    const areas = await this.dataSource.getRepository(PropertyArea).find({ where: { id: In([...new Set(ids)]) }, select: { id: true, name: true } });
    return new Map(areas.map((a) => [a.id, a.name]));
  }

  private async scopedVote(actor: Actor, id: number): Promise<OwnerVote> {
    return this.scope.repository(actor, OwnerVote, VOTE_LABEL).findById(id);
  }

  /**
   * The area, when the actor may convene its owners: the owners' committee account of that area's
   * committee, or an officer of the area's street office. Anyone else is refused naming the problem.
   */
  private async convenerArea(actor: Actor, areaId: number): Promise<PropertyArea> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the area a convener names; admitted or refused right below
    const area = await this.dataSource.getRepository(PropertyArea).findOne({ where: { id: areaId } });
    if (!area) throw AppException.notFound('物业区域');
    if (actor.role === Role.OWNERS_COMMITTEE && actor.unitId !== null) {
      if (await this.areas.counterpartAreas(actor).andWhere('a.id = :areaId', { areaId }).getExists()) return area;
      throw new OwnerDecisionException(C.NOT_CONVENER, { message: '该账号不是本小区的业主委员会，不能发起或编辑本小区的投票' });
    }
    if (actor.role === Role.STREET_OFFICER) {
      if (actor.streetId === area.streetId) return area;
      throw new OwnerDecisionException(C.NOT_CONVENER, { message: '该小区不在本街道，街道办只能发起或编辑本街道小区的投票' });
    }
    throw new OwnerDecisionException(C.NOT_CONVENER);
  }

  private async convenerVote(actor: Actor, id: number): Promise<{ vote: OwnerVote; area: PropertyArea }> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the vote a convener names; its area is checked right below (convenerArea)
    const vote = await this.dataSource.getRepository(OwnerVote).findOne({ where: { id } });
    if (!vote) throw AppException.notFound(VOTE_LABEL);
    return { vote, area: await this.convenerArea(actor, vote.propertyAreaId) };
  }

  /** The checked fields of a draft: the convener matches the account, the end follows the start, topics, the scope's buildings. */
  private async checkedFields(actor: Actor, area: PropertyArea, dto: UpdateVoteDto) {
    const street = actor.role === Role.STREET_OFFICER;
    if (street !== (dto.convener === VoteConvener.STREET_OFFICE) || (!street && !COMMITTEE_CONVENERS.has(dto.convener))) throw new OwnerDecisionException(C.CONVENER_MISMATCH);
    const beginAt = new Date(dto.beginAt);
    const endAt = new Date(dto.endAt);
    if (endAt.getTime() <= beginAt.getTime()) throw new OwnerDecisionException(C.END_BEFORE_BEGIN);
    if (!dto.topics.length) throw new OwnerDecisionException(C.NO_TOPICS);
    let buildingIds: number[] = [];
    if (dto.scope === VoteScope.BUILDINGS) {
      buildingIds = [...new Set(dto.buildingIds ?? [])].sort((a, b) => a - b);
      if (!buildingIds.length) throw new OwnerDecisionException(C.BUILDINGS_REQUIRED);
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the buildings named for an area the convener was admitted to
      const found = await this.dataSource.getRepository(Building).count({ where: { id: In(buildingIds), propertyAreaId: area.id } });
      if (found !== buildingIds.length) throw new OwnerDecisionException(C.BUILDING_NOT_OF_AREA);
    }
    return { title: dto.title, meetingType: dto.meetingType, convener: dto.convener, scope: dto.scope, buildingIds, beginAt, endAt };
  }
}

/**
 * Inside a ballot's transaction: the vote's row under a shared lock, still voting and before its
 * end. Ballots hold the lock side by side; the close, which claims the row first, waits for them, and
 * a ballot after the claim finds the vote closed: every ballot stored is one the tally counted.
 */
export async function lockOpenVote(manager: EntityManager, id: number): Promise<void> {
  // eslint-disable-next-line szpm/no-raw-scoped-access -- a vote its caller has checked, read again under its lock
  const vote = await manager.findOne(OwnerVote, { where: { id }, select: { id: true, state: true, endAt: true }, ...rowLock(manager, 'pessimistic_read') });
  if (!vote || vote.state !== VoteState.VOTING || Date.now() >= vote.endAt.getTime()) throw new OwnerDecisionException(OwnerDecisionErrorCode.VOTING_CLOSED);
}

/** Choices name topics of the vote, each at most once. */
export function checkChoices(choices: Array<{ topicId: number }>, topicIds: ReadonlySet<number>, field: string): void {
  const named = new Set(choices.map((c) => c.topicId));
  if (named.size !== choices.length || choices.some((c) => !topicIds.has(c.topicId))) throw new OwnerDecisionException(C.TOPICS_INCOMPLETE, { field, details: { topicIds: [...topicIds] } });
}

/** Paper batches reach a few thousand ballots: statements sized for SQLite's bound-parameter limit. */
async function insertInChunks(manager: EntityManager, rows: Array<Partial<OwnerVoteBallot>>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await manager.insert(OwnerVoteBallot, rows.slice(i, i + 500));
}
