import { Injectable } from '@nestjs/common';
import { OwnerDecisionErrorCode, VoteScope } from '@szpm/contract';
import { EntityManager } from 'typeorm';
import { House } from '../regions/entities/house.entity';
import { Owner } from '../regions/entities/owner.entity';
import { OwnerVote } from './entities';
import { OwnerDecisionException } from './owner-decisions.exception';
import { scopeUnits } from './vote-rules';
import { buildVoteScope, VoteScope as TallyScope, VoteTallyError } from './vote-tally';

type ScopeOf = Pick<OwnerVote, 'propertyAreaId' | 'scope' | 'buildingIds'>;

/** The houses of a vote's scope (投票范围) and the tally's checked scope of them. */
@Injectable()
export class VoteUnitsService {
  /** Whether the house is one of the scope's: in the vote's area and, for a BUILDINGS scope, in one of its buildings. */
  static inScope(vote: ScopeOf, house: Pick<House, 'propertyAreaId' | 'buildingId'>): boolean {
    if (house.propertyAreaId !== vote.propertyAreaId) return false;
    return vote.scope === VoteScope.AREA || (house.buildingId !== null && vote.buildingIds.includes(house.buildingId));
  }

  /** The scope's units for the tally; a scope the tally cannot count (no houses, a house without area) is refused with the tally's reason. */
  async scope(manager: EntityManager, vote: ScopeOf): Promise<TallyScope> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the houses of a vote the caller was admitted to (or a job loading by id)
    const houses = manager
      .createQueryBuilder(House, 'h')
      .select(['h.id', 'h.buildingArea', 'h.floorArea', 'h.saleStatus'])
      .where('h.propertyAreaId = :areaId', { areaId: vote.propertyAreaId });
    if (vote.scope === VoteScope.BUILDINGS) houses.andWhere('h.buildingId IN (:...buildingIds)', { buildingIds: vote.buildingIds.length ? vote.buildingIds : [0] });
    const rows = await houses.orderBy('h.id', 'ASC').getMany();
    // the registered owner of each house: the first owners row naming it (co-owners share the house, which is one unit)
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the owners registry of the same area, for the persons count
    const owners = await manager
      .createQueryBuilder(Owner, 'o')
      .select(['o.id', 'o.houseId', 'o.idNumber'])
      .where('o.propertyAreaId = :areaId AND o.houseId IS NOT NULL', { areaId: vote.propertyAreaId })
      .orderBy('o.id', 'ASC')
      .getMany();
    const ownerIdNumberOf = new Map<number, string>();
    for (const owner of owners) if (!ownerIdNumberOf.has(owner.houseId!)) ownerIdNumberOf.set(owner.houseId!, owner.idNumber);
    try {
      return buildVoteScope(scopeUnits(rows.map((h) => ({ id: h.id, buildingArea: h.buildingArea, floorArea: Number(h.floorArea), saleStatus: h.saleStatus })), ownerIdNumberOf));
    } catch (error) {
      if (error instanceof VoteTallyError) throw new OwnerDecisionException(OwnerDecisionErrorCode.SCOPE_NOT_COUNTABLE, { message: `投票范围内的房屋无法计票：${error.message}`, details: { reason: error.code, houseId: error.houseId ?? null } });
      throw error;
    }
  }
}
