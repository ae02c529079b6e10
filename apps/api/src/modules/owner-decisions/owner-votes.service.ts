import { Injectable } from '@nestjs/common';
import { BallotSource, OwnerDecisionErrorCode, OwnerVoteView, VoteListItem, VoteState } from '@szpm/contract';
import { DataSource, In } from 'typeorm';
import { AppException } from '../../common/errors/app.exception';
import { isDuplicateKey } from '../../common/sql/duplicate-key';
import { OwnerHouseBinding } from '../owners/entities';
import { OwnersService } from '../owners/owners.service';
import { House } from '../regions/entities/house.entity';
import { CastBallotDto } from './dto/owner-decision.dto';
import { OwnerVote, OwnerVoteBallot, OwnerVoteTopic } from './entities';
import { OwnerDecisionException } from './owner-decisions.exception';
import { checkChoices, lockOpenVote, OwnerDecisionsService } from './owner-decisions.service';
import { ballotWrite } from './vote-rules';
import { VoteUnitsService } from './vote-units.service';
import { voteDetail, voteListItem } from './vote-views';

const C = OwnerDecisionErrorCode;
/** What owners see: a vote once published (drafts and votes under the street's check are the convener's). */
const OWNER_VISIBLE_STATES = [VoteState.PUBLISHED, VoteState.VOTING, VoteState.PUBLICITY, VoteState.COMPLETED];

type OwnHouse = Pick<House, 'id' | 'propertyAreaId' | 'buildingId'>;

/** 业主端投票: the votes of the owner's bound houses, and the electronic ballot. */
@Injectable()
export class OwnerVotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly owners: OwnersService,
    private readonly decisions: OwnerDecisionsService,
  ) {}

  /** The votes whose scope holds one of the owner's bound houses, newest first. */
  async list(identityId: number): Promise<VoteListItem[]> {
    const houses = await this.ownHouses(identityId);
    if (!houses.length) return [];
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the votes of the areas of the owner's own bound houses; filtered by scope below
    const votes = await this.dataSource.getRepository(OwnerVote).find({ where: { propertyAreaId: In([...new Set(houses.map((h) => h.propertyAreaId))]), state: In(OWNER_VISIBLE_STATES) }, order: { id: 'DESC' } });
    const visible = votes.filter((v) => houses.some((h) => VoteUnitsService.inScope(v, h)));
    const names = await this.decisions.areaNames(visible.map((v) => v.propertyAreaId));
    return visible.map((v) => voteListItem(v, names.get(v.propertyAreaId) ?? ''));
  }

  /** One vote with the topics, results from 询异 on, and the ballots of the owner's houses in its scope. */
  async detail(identityId: number, id: number): Promise<OwnerVoteView> {
    const houses = await this.ownHouses(identityId);
    const { vote, inScope } = await this.visibleVote(id, houses);
    const topics = await this.dataSource.getRepository(OwnerVoteTopic).find({ where: { voteId: id }, order: { seq: 'ASC' } });
    const ballots = inScope.length ? await this.dataSource.getRepository(OwnerVoteBallot).find({ where: { voteId: id, houseId: In(inScope.map((h) => h.id)) }, order: { topicId: 'ASC' } }) : [];
    const name = (await this.decisions.areaNames([vote.propertyAreaId])).get(vote.propertyAreaId) ?? '';
    return {
      ...voteDetail(vote, name, topics),
      houses: inScope.map((h) => ({ houseId: h.id, ballots: ballots.filter((b) => b.houseId === h.id).map((b) => ({ topicId: b.topicId, choice: b.choice, source: b.source })) })),
    };
  }

  /**
   * 电子投票: a bound house inside the scope, while voting and before the end; once per house and
   * topic (a paper ballot of the same house and topic is replaced: the electronic vote prevails). One
   * transaction; two at once cannot both land (the unique index on topic and house), and none lands
   * after the tally (the vote's row lock).
   */
  async cast(identityId: number, id: number, dto: CastBallotDto): Promise<OwnerVoteView> {
    const { house } = await this.owners.boundHouse(identityId, dto.houseId);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a vote the owner ballots on; the owner's house is checked against its scope below
    const vote = await this.dataSource.getRepository(OwnerVote).findOne({ where: { id } });
    if (!vote || !OWNER_VISIBLE_STATES.includes(vote.state)) throw AppException.notFound('业主投票');
    if (!VoteUnitsService.inScope(vote, house)) throw new OwnerDecisionException(C.HOUSE_OUTSIDE_SCOPE);
    const now = new Date();
    if (vote.state !== VoteState.VOTING || now.getTime() >= vote.endAt.getTime()) throw new OwnerDecisionException(C.VOTING_CLOSED);
    const topicIds = new Set((await this.dataSource.getRepository(OwnerVoteTopic).find({ where: { voteId: id }, select: { id: true } })).map((t) => t.id));
    checkChoices(dto.choices, topicIds, 'choices');
    try {
      await this.dataSource.transaction(async (manager) => {
        await lockOpenVote(manager, id);
        const existing = await manager.find(OwnerVoteBallot, { where: { voteId: id, houseId: dto.houseId } });
        const byTopic = new Map(existing.map((b) => [b.topicId, b]));
        for (const { topicId, choice } of dto.choices) {
          const before = byTopic.get(topicId) ?? null;
          const write = ballotWrite(before?.source ?? null, BallotSource.ELECTRONIC);
          if (write === 'refuse') throw new OwnerDecisionException(C.ALREADY_VOTED, { details: { topicId } });
          const values = { choice, source: BallotSource.ELECTRONIC, identityId, enteredById: null, paperNo: null, votedAt: now };
          if (write === 'replace') {
            // only the paper ballot read above is replaced: an electronic one that landed meanwhile stays
            const replaced = await manager.update(OwnerVoteBallot, { id: before!.id, source: BallotSource.PAPER }, values);
            if (!replaced.affected) throw new OwnerDecisionException(C.ALREADY_VOTED, { details: { topicId } });
          } else {
            await manager.insert(OwnerVoteBallot, { voteId: id, topicId, houseId: dto.houseId, ...values });
          }
        }
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new OwnerDecisionException(C.ALREADY_VOTED);
      throw error;
    }
    return this.detail(identityId, id);
  }

  private async ownHouses(identityId: number): Promise<OwnHouse[]> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the owner's own bindings, by the identity of the owner's token
    const bindings = await this.dataSource.getRepository(OwnerHouseBinding).find({ where: { identityId }, select: { houseId: true } });
    if (!bindings.length) return [];
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the houses of the owner's own bindings
    return this.dataSource.getRepository(House).find({ where: { id: In(bindings.map((b) => b.houseId)) }, select: { id: true, propertyAreaId: true, buildingId: true } });
  }

  private async visibleVote(id: number, houses: OwnHouse[]): Promise<{ vote: OwnerVote; inScope: OwnHouse[] }> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- a vote an owner asks for; shown only when one of the owner's houses is in its scope
    const vote = await this.dataSource.getRepository(OwnerVote).findOne({ where: { id } });
    const inScope = vote ? houses.filter((h) => VoteUnitsService.inScope(vote, h)) : [];
    if (!vote || !OWNER_VISIBLE_STATES.includes(vote.state) || !inScope.length) throw AppException.notFound('业主投票');
    return { vote, inScope };
  }
}
