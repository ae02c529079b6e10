import { BallotSource, VoteState } from '@szpm/contract';
import { ScopeUnit } from './vote-tally';

const DAY_MS = 24 * 3600_000;

export interface TimedVote {
  state: VoteState;
  beginAt: Date;
  endAt: Date;
  publicityAt: Date | null;
}

/** When the vote's next timed step is due (voting opens, voting ends, publicity ends), or null when none follows. */
export function nextStepAt(vote: TimedVote, publicityDays: number): Date | null {
  switch (vote.state) {
    case VoteState.PUBLISHED:
      return vote.beginAt;
    case VoteState.VOTING:
      return vote.endAt;
    case VoteState.PUBLICITY:
      return new Date((vote.publicityAt ?? vote.endAt).getTime() + publicityDays * DAY_MS);
    default:
      return null;
  }
}

/** The state the vote moves to now, or null when nothing is due. One step at a time: each step has its own work (freeze totals, tally). */
export function dueStep(vote: TimedVote, now: Date, publicityDays: number): VoteState | null {
  const at = nextStepAt(vote, publicityDays);
  if (at === null || at.getTime() > now.getTime()) return null;
  if (vote.state === VoteState.PUBLISHED) return VoteState.VOTING;
  if (vote.state === VoteState.VOTING) return VoteState.PUBLICITY;
  return VoteState.COMPLETED;
}

export type BallotWrite = 'insert' | 'replace' | 'skip' | 'refuse';

/**
 * What a new ballot does to the house's ballot on the same topic: the electronic vote prevails
 * (domain notes 10c), so an electronic ballot replaces a paper one and a paper ballot never replaces
 * an electronic one (it is skipped, not an error: the paper was handed in too). A second ballot of the
 * same channel is refused: a house votes once per topic.
 */
export function ballotWrite(existing: BallotSource | null, incoming: BallotSource): BallotWrite {
  if (existing === null) return 'insert';
  if (existing === incoming) return 'refuse';
  return incoming === BallotSource.ELECTRONIC ? 'replace' : 'skip';
}

export interface ScopeHouse {
  id: number;
  /** 建筑面积 ㎡ (the registered area when known) */
  buildingArea: number | null;
  /** the registry's area ㎡ (always present) */
  floorArea: number;
  saleStatus: string | null;
}

/** The house registry's sale states that mean the developer still holds the house. */
const DEVELOPER_SALE_STATES: ReadonlySet<string> = new Set(['未售', '自持']);

/**
 * The vote's units for the tally. Area: the registered 建筑面积, else the registry's area (SPC art. 8:
 * registered, else surveyed), in hundredths. Owner key: the ID number of the house's registered owner
 * (owners registry, `owners.houseId`); one ID number on several houses is one person (SPC art. 9).
 * The developer's units: houses the registry marks 未售 / 自持, and houses without a registered owner —
 * a sold house nobody is registered for has not been delivered to a known buyer, which SPC art. 9
 * counts with the developer as one person.
 */
export function scopeUnits(houses: ScopeHouse[], ownerIdNumberOf: ReadonlyMap<number, string>): ScopeUnit[] {
  return houses.map((house) => {
    const ownerKey = ownerIdNumberOf.get(house.id)?.trim().toUpperCase() || null;
    const area = house.buildingArea !== null && house.buildingArea > 0 ? house.buildingArea : house.floorArea;
    return {
      houseId: house.id,
      ownerKey,
      isDeveloperUnsold: ownerKey === null || (house.saleStatus !== null && DEVELOPER_SALE_STATES.has(house.saleStatus)),
      areaHundredths: Math.round(area * 100),
    };
  });
}

/** 投票编号: TP + the area id + the vote id (unique because the vote id is). */
export function voteNumber(propertyAreaId: number, voteId: number): string {
  return `TP${String(propertyAreaId).padStart(6, '0')}${String(voteId).padStart(8, '0')}`;
}
