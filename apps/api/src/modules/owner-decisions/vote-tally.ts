/**
 * Chapter 10, 业主决策情况: the pure counting rules of one voting topic (表决议题).
 *
 * 民法典 art. 278 (2021): a matter is decided only when the owners taking part (参与表决) hold at least
 * 2/3 of the exclusive area AND are at least 2/3 of the persons; then items (六)–(八) (筹集维修资金,
 * 改建重建, 改变共有部分用途/经营) need at least 3/4 of the participating area AND persons to agree, every
 * other item more than half (过半数) of both. "以上" includes the bound, "过半数" excludes it (art. 1259).
 * 最高法《建筑物区分所有权解释》 art. 8–9: area is the units' exclusive area; persons are one per unit,
 * except that the developer's unsold (or sold but undelivered) units together are one person and one
 * buyer of several units is one person.
 *
 * Areas are integer hundredths of a square metre held as bigint; every threshold is compared by
 * cross-multiplication, never through a floating-point ratio (2/3 has no exact double).
 */

// the categories and choices are the contract's (the mini-program and portal show them); re-exported for the tally's callers
import { DecisionCategory, VoteChoice } from '@szpm/contract';

export { DECISION_CATEGORY_LABELS, DecisionCategory, VOTE_CHOICE_LABELS, VoteChoice } from '@szpm/contract';

export enum ThresholdComparison {
  /** "以上": the bound itself is enough */
  AT_LEAST = 'AT_LEAST',
  /** "过半数" / "超过": the bound itself is not enough */
  MORE_THAN = 'MORE_THAN',
}

/** A share of a base that a count must reach: numerator/denominator of the base, inclusive or not. */
export interface DecisionThreshold {
  comparison: ThresholdComparison;
  numerator: number;
  denominator: number;
  /** the law's words, for display */
  label: string;
}

/** 参与表决: area and persons each at least 2/3 of the scope's. */
export const PARTICIPATION_QUORUM: DecisionThreshold = Object.freeze({
  comparison: ThresholdComparison.AT_LEAST,
  numerator: 2,
  denominator: 3,
  label: '三分之二以上',
});

/** Items (六)–(八): at least 3/4 of the participating area and persons agree. */
export const SUPER_MAJORITY: DecisionThreshold = Object.freeze({
  comparison: ThresholdComparison.AT_LEAST,
  numerator: 3,
  denominator: 4,
  label: '四分之三以上',
});

/** Every other item: more than half of the participating area and persons agree. */
export const SIMPLE_MAJORITY: DecisionThreshold = Object.freeze({
  comparison: ThresholdComparison.MORE_THAN,
  numerator: 1,
  denominator: 2,
  label: '过半数',
});

const SUPER_MAJORITY_CATEGORIES: ReadonlySet<DecisionCategory> = new Set([
  DecisionCategory.RAISE_FUND,
  DecisionCategory.REBUILD,
  DecisionCategory.COMMON_PART_USE,
]);

const CATEGORIES: ReadonlySet<string> = new Set(Object.values(DecisionCategory));
const CHOICES: ReadonlySet<string> = new Set(Object.values(VoteChoice));

export enum VoteTallyErrorCode {
  EMPTY_SCOPE = 'OWNER_DECISION_EMPTY_SCOPE',
  DUPLICATE_UNIT = 'OWNER_DECISION_DUPLICATE_UNIT',
  INVALID_AREA = 'OWNER_DECISION_INVALID_AREA',
  OWNER_KEY_MISSING = 'OWNER_DECISION_OWNER_KEY_MISSING',
  DUPLICATE_BALLOT = 'OWNER_DECISION_DUPLICATE_BALLOT',
  BALLOT_OUTSIDE_SCOPE = 'OWNER_DECISION_BALLOT_OUTSIDE_SCOPE',
  UNKNOWN_CHOICE = 'OWNER_DECISION_UNKNOWN_CHOICE',
  UNKNOWN_CATEGORY = 'OWNER_DECISION_UNKNOWN_CATEGORY',
}

export const VOTE_TALLY_ERROR_MESSAGES: Record<VoteTallyErrorCode, string> = {
  [VoteTallyErrorCode.EMPTY_SCOPE]: '投票范围内没有专有部分，无法计票',
  [VoteTallyErrorCode.DUPLICATE_UNIT]: '投票范围内同一房屋出现了多次',
  [VoteTallyErrorCode.INVALID_AREA]: '专有部分面积必须是大于零、最多两位小数的数值',
  [VoteTallyErrorCode.OWNER_KEY_MISSING]: '已售房屋缺少业主标识，无法计算业主人数',
  [VoteTallyErrorCode.DUPLICATE_BALLOT]: '同一房屋在同一议题下有多张选票',
  [VoteTallyErrorCode.BALLOT_OUTSIDE_SCOPE]: '选票所属房屋不在本次投票范围内',
  [VoteTallyErrorCode.UNKNOWN_CHOICE]: '选票的表决意见无法识别',
  [VoteTallyErrorCode.UNKNOWN_CATEGORY]: '表决议题类别无法识别',
};

/**
 * A caller's mistake in what it hands to the tally (the tally never guesses around it). Plain Error
 * until the module's contract file and exception class exist; `houseId` names the offending house.
 */
export class VoteTallyError extends Error {
  constructor(
    readonly code: VoteTallyErrorCode,
    readonly houseId?: number,
  ) {
    super(houseId === undefined ? VOTE_TALLY_ERROR_MESSAGES[code] : `${VOTE_TALLY_ERROR_MESSAGES[code]}（房屋 ${houseId}）`);
    this.name = 'VoteTallyError';
  }
}

/** One exclusive unit (专有部分) of the vote's scope (投票范围: the area or the listed buildings). */
export interface ScopeUnit {
  houseId: number;
  /**
   * The owner person of the unit (e.g. the owner's identity number): units with the same key are one
   * person. May be null only for the developer's units, which are one person together anyway; a
   * developer unit that carries a key also joins every other unit of that key.
   */
  ownerKey: string | null;
  /** 建设单位尚未出卖，或已出卖但尚未交付 */
  isDeveloperUnsold: boolean;
  /** exclusive area in hundredths of a square metre (registered, else surveyed, else contract: SPC art. 8) */
  areaHundredths: bigint | number;
}

export interface HouseBallot {
  houseId: number;
  choice: VoteChoice;
}

/**
 * A checked scope with its 总面积 and 总人数, built once and reused for every topic of a vote. Its
 * unit tables are for `tallyTopic` only (arrays by unit position, so that a million units tally fast).
 */
export interface VoteScope {
  readonly totalArea: bigint;
  readonly totalPersons: number;
  /** house id → position of the unit in the tables below */
  readonly positionOf: ReadonlyMap<number, number>;
  readonly areaAt: readonly bigint[];
  /** the unit's person, numbered from 0 */
  readonly personAt: Int32Array;
  /** persons holding more than one unit of the scope (the only ones whose ballots can disagree) */
  readonly multiUnitPersons: ReadonlySet<number>;
}

export interface AreaAndPersons {
  /** hundredths of a square metre */
  area: bigint;
  persons: number;
}

/** An exact share for display: the pair, the reduced fraction, and a percentage (two decimals, display only). */
export interface ExactRatio {
  numerator: bigint;
  denominator: bigint;
  /** reduced, e.g. "2/3"; "0/1" for none of a base, "0/0" when the base is empty */
  fraction: string;
  /** numerator / denominator × 100 rounded half up to two decimals; 0 when either is 0 (the house rate rule) */
  percent: number;
}

export interface TopicTally {
  category: DecisionCategory;
  passThreshold: DecisionThreshold;
  /** the scope: every exclusive unit, voted or not (the participation base) */
  total: AreaAndPersons;
  participating: AreaAndPersons;
  notVoting: AreaAndPersons;
  agree: AreaAndPersons;
  disagree: AreaAndPersons;
  abstain: AreaAndPersons;
  /** participating / total */
  participationArea: ExactRatio;
  participationPersons: ExactRatio;
  /** agree / participating (the pass base) */
  agreeArea: ExactRatio;
  agreePersons: ExactRatio;
  quorumReached: boolean;
  /** only ever true when the quorum is reached */
  passed: boolean;
}

// an owner key is never empty once trimmed, so the empty key cannot meet an owner's
const DEVELOPER_PERSON = '';

/** The threshold of agreement a topic of the category needs (民法典 278 ¶3). */
export function categoryThreshold(category: DecisionCategory): DecisionThreshold {
  if (!CATEGORIES.has(category)) throw new VoteTallyError(VoteTallyErrorCode.UNKNOWN_CATEGORY);
  return SUPER_MAJORITY_CATEGORIES.has(category) ? SUPER_MAJORITY : SIMPLE_MAJORITY;
}

/**
 * part reaches the threshold of whole, by cross-multiplication. An empty base reaches nothing: 0 of 0
 * would otherwise be "3/4 以上".
 */
export function meetsThreshold(part: bigint, whole: bigint, threshold: DecisionThreshold): boolean {
  if (whole <= 0n) return false;
  const scaledPart = part * BigInt(threshold.denominator);
  const scaledBound = whole * BigInt(threshold.numerator);
  return threshold.comparison === ThresholdComparison.AT_LEAST ? scaledPart >= scaledBound : scaledPart > scaledBound;
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

export function exactRatio(numerator: bigint, denominator: bigint): ExactRatio {
  if (denominator === 0n) return { numerator, denominator, fraction: '0/0', percent: 0 };
  const divisor = gcd(numerator, denominator);
  // half up on non-negative integers: floor((2·n·10000 + d) / 2d)
  const percentHundredths = (numerator * 20000n + denominator) / (2n * denominator);
  return {
    numerator,
    denominator,
    fraction: `${numerator / divisor}/${denominator / divisor}`,
    percent: numerator === 0n ? 0 : Number(percentHundredths) / 100,
  };
}

/** "123.45" (a DECIMAL column as the driver returns it) → 12345n; more than two non-zero decimals is refused. */
export function parseAreaHundredths(text: string): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new VoteTallyError(VoteTallyErrorCode.INVALID_AREA);
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) throw new VoteTallyError(VoteTallyErrorCode.INVALID_AREA);
  return BigInt(match[1]) * 100n + BigInt(decimals.padEnd(2, '0'));
}

/** 12345n → "123.45" */
export function formatAreaHundredths(hundredths: bigint): string {
  const sign = hundredths < 0n ? '-' : '';
  const magnitude = hundredths < 0n ? -hundredths : hundredths;
  return `${sign}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}

function unitArea(unit: ScopeUnit): bigint {
  const { areaHundredths: area } = unit;
  if (typeof area === 'number' && !Number.isSafeInteger(area)) throw new VoteTallyError(VoteTallyErrorCode.INVALID_AREA, unit.houseId);
  if (typeof area !== 'number' && typeof area !== 'bigint') throw new VoteTallyError(VoteTallyErrorCode.INVALID_AREA, unit.houseId);
  const exact = BigInt(area);
  // a unit without area would let 0 of 0 reach any share
  if (exact <= 0n) throw new VoteTallyError(VoteTallyErrorCode.INVALID_AREA, unit.houseId);
  return exact;
}

/** Checks the scope's units and groups them into persons (SPC art. 9). */
export function buildVoteScope(units: Iterable<ScopeUnit>): VoteScope {
  const list = Array.from(units);
  if (list.length === 0) throw new VoteTallyError(VoteTallyErrorCode.EMPTY_SCOPE);
  // the developer is one person, also with any unit it holds under its own key
  const developerKeys = new Set<string>();
  for (const unit of list) {
    if (unit.isDeveloperUnsold && unit.ownerKey !== null && unit.ownerKey.trim() !== '') developerKeys.add(unit.ownerKey.trim());
  }
  const positionOf = new Map<number, number>();
  const areaAt: bigint[] = new Array<bigint>(list.length);
  const personAt = new Int32Array(list.length);
  const personNumber = new Map<string, number>();
  const multiUnitPersons = new Set<number>();
  let totalArea = 0n;
  list.forEach((unit, position) => {
    if (positionOf.has(unit.houseId)) throw new VoteTallyError(VoteTallyErrorCode.DUPLICATE_UNIT, unit.houseId);
    const area = unitArea(unit);
    const ownerKey = unit.ownerKey?.trim() ?? '';
    if (!unit.isDeveloperUnsold && ownerKey === '') throw new VoteTallyError(VoteTallyErrorCode.OWNER_KEY_MISSING, unit.houseId);
    const personKey = unit.isDeveloperUnsold || developerKeys.has(ownerKey) ? DEVELOPER_PERSON : ownerKey;
    let person = personNumber.get(personKey);
    if (person === undefined) {
      person = personNumber.size;
      personNumber.set(personKey, person);
    } else {
      multiUnitPersons.add(person);
    }
    positionOf.set(unit.houseId, position);
    areaAt[position] = area;
    personAt[position] = person;
    totalArea += area;
  });
  return { totalArea, totalPersons: personNumber.size, positionOf, areaAt, personAt, multiUnitPersons };
}

/** A person's balloted area per choice (most persons hold one unit, some several). */
interface PersonBallots {
  [VoteChoice.AGREE]: bigint;
  [VoteChoice.DISAGREE]: bigint;
  [VoteChoice.ABSTAIN]: bigint;
}

/**
 * The choice a person counts with in the persons tally. Area always counts per house ballot; a person
 * with several units (a buyer of several, the developer) may ballot them differently, and the notes
 * and the SPC interpretation are silent on that. Rule: the person counts with the choice holding more
 * than half of the area they balloted (their own 过半数, mirroring the law's measure); with no such
 * choice (an even split, a three-way split) they took part without a clear will and count as abstaining,
 * which is neither agreement nor disagreement. Their units without a ballot do not weigh in: they did
 * not vote.
 */
function personChoice(ballots: PersonBallots): VoteChoice {
  const balloted = ballots[VoteChoice.AGREE] + ballots[VoteChoice.DISAGREE] + ballots[VoteChoice.ABSTAIN];
  for (const choice of [VoteChoice.AGREE, VoteChoice.DISAGREE, VoteChoice.ABSTAIN]) {
    if (meetsThreshold(ballots[choice], balloted, SIMPLE_MAJORITY)) return choice;
  }
  return VoteChoice.ABSTAIN;
}

/**
 * Counts one topic: ballots are one per house at most (the caller settles paper against electronic
 * votes first); a house without a ballot did not take part. Abstentions take part without agreeing.
 */
export function tallyTopic(scope: VoteScope, category: DecisionCategory, ballots: Iterable<HouseBallot>): TopicTally {
  const passThreshold = categoryThreshold(category);
  const area: Record<VoteChoice, bigint> = { [VoteChoice.AGREE]: 0n, [VoteChoice.DISAGREE]: 0n, [VoteChoice.ABSTAIN]: 0n };
  const persons: Record<VoteChoice, number> = { [VoteChoice.AGREE]: 0, [VoteChoice.DISAGREE]: 0, [VoteChoice.ABSTAIN]: 0 };
  const multiUnitBallots = new Map<number, PersonBallots>();
  const balloted = new Uint8Array(scope.areaAt.length);
  let singleUnitVoters = 0;
  for (const ballot of ballots) {
    const position = scope.positionOf.get(ballot.houseId);
    if (position === undefined) throw new VoteTallyError(VoteTallyErrorCode.BALLOT_OUTSIDE_SCOPE, ballot.houseId);
    if (balloted[position]) throw new VoteTallyError(VoteTallyErrorCode.DUPLICATE_BALLOT, ballot.houseId);
    if (!CHOICES.has(ballot.choice)) throw new VoteTallyError(VoteTallyErrorCode.UNKNOWN_CHOICE, ballot.houseId);
    balloted[position] = 1;
    const houseArea = scope.areaAt[position];
    area[ballot.choice] += houseArea;
    const person = scope.personAt[position];
    if (!scope.multiUnitPersons.has(person)) {
      persons[ballot.choice] += 1;
      singleUnitVoters += 1;
      continue;
    }
    let ofPerson = multiUnitBallots.get(person);
    if (!ofPerson) {
      ofPerson = { [VoteChoice.AGREE]: 0n, [VoteChoice.DISAGREE]: 0n, [VoteChoice.ABSTAIN]: 0n };
      multiUnitBallots.set(person, ofPerson);
    }
    ofPerson[ballot.choice] += houseArea;
  }
  for (const ofPerson of multiUnitBallots.values()) persons[personChoice(ofPerson)] += 1;

  const total: AreaAndPersons = { area: scope.totalArea, persons: scope.totalPersons };
  const participating: AreaAndPersons = {
    area: area[VoteChoice.AGREE] + area[VoteChoice.DISAGREE] + area[VoteChoice.ABSTAIN],
    persons: singleUnitVoters + multiUnitBallots.size,
  };
  const quorumReached =
    meetsThreshold(participating.area, total.area, PARTICIPATION_QUORUM) &&
    meetsThreshold(BigInt(participating.persons), BigInt(total.persons), PARTICIPATION_QUORUM);
  const passed =
    quorumReached &&
    meetsThreshold(area[VoteChoice.AGREE], participating.area, passThreshold) &&
    meetsThreshold(BigInt(persons[VoteChoice.AGREE]), BigInt(participating.persons), passThreshold);

  const of = (choice: VoteChoice): AreaAndPersons => ({ area: area[choice], persons: persons[choice] });
  return {
    category,
    passThreshold,
    total,
    participating,
    notVoting: { area: total.area - participating.area, persons: total.persons - participating.persons },
    agree: of(VoteChoice.AGREE),
    disagree: of(VoteChoice.DISAGREE),
    abstain: of(VoteChoice.ABSTAIN),
    participationArea: exactRatio(participating.area, total.area),
    participationPersons: exactRatio(BigInt(participating.persons), BigInt(total.persons)),
    agreeArea: exactRatio(area[VoteChoice.AGREE], participating.area),
    agreePersons: exactRatio(BigInt(persons[VoteChoice.AGREE]), BigInt(participating.persons)),
    quorumReached,
    passed,
  };
}

/** A participation in basis points of the scope's total area and persons, rounded down (a statistic, never a threshold). */
export function participationBp(participating: AreaAndPersons, scope: { totalArea: bigint; totalPersons: number }): { areaBp: number; personsBp: number } {
  const bp = (part: bigint, whole: bigint) => (whole > 0n ? Number((part * 10_000n) / whole) : 0);
  return { areaBp: bp(participating.area, scope.totalArea), personsBp: bp(BigInt(participating.persons), BigInt(scope.totalPersons)) };
}

/** A topic's stored result (owner_vote_topics' result columns), decimal strings for the bigint areas. */
export function topicResultColumns(tally: TopicTally): {
  quorumReached: boolean;
  passed: boolean;
  participatingAreaHundredths: string;
  participatingPersons: number;
  agreeAreaHundredths: string;
  agreePersons: number;
} {
  return {
    quorumReached: tally.quorumReached,
    passed: tally.passed,
    participatingAreaHundredths: tally.participating.area.toString(),
    participatingPersons: tally.participating.persons,
    agreeAreaHundredths: tally.agree.area.toString(),
    agreePersons: tally.agree.persons,
  };
}

/** A meeting's participation is its best-attended topic's: whoever ballots on any topic took part. */
export function meetingParticipationBp(tallies: readonly TopicTally[], scope: { totalArea: bigint; totalPersons: number }): { areaBp: number; personsBp: number } {
  const shares = tallies.map((tally) => participationBp(tally.participating, scope));
  return { areaBp: Math.max(0, ...shares.map((s) => s.areaBp)), personsBp: Math.max(0, ...shares.map((s) => s.personsBp)) };
}
