import {
  DecisionCategory,
  DecisionThreshold,
  HouseBallot,
  PARTICIPATION_QUORUM,
  SIMPLE_MAJORITY,
  SUPER_MAJORITY,
  ScopeUnit,
  ThresholdComparison,
  TopicTally,
  VoteChoice,
  VoteTallyError,
  VoteTallyErrorCode,
  buildVoteScope,
  categoryThreshold,
  exactRatio,
  formatAreaHundredths,
  meetsThreshold,
  participationBp,
  parseAreaHundredths,
  tallyTopic,
} from './vote-tally';

const A = VoteChoice.AGREE;
const D = VoteChoice.DISAGREE;
const X = VoteChoice.ABSTAIN;

/** One unit of a test scope: its area in m² ("100.00"), its owner (default: an owner of its own), its ballot. */
interface Row {
  m2: string;
  owner?: string | null;
  developer?: boolean;
  vote?: VoteChoice;
}

function unitsOf(rows: Row[]): ScopeUnit[] {
  return rows.map((row, i) => ({
    houseId: i + 1,
    ownerKey: row.owner === undefined ? `owner-${i + 1}` : row.owner,
    isDeveloperUnsold: row.developer ?? false,
    areaHundredths: parseAreaHundredths(row.m2),
  }));
}

function ballotsOf(rows: Row[]): HouseBallot[] {
  return rows.flatMap((row, i) => (row.vote ? [{ houseId: i + 1, choice: row.vote }] : []));
}

function tally(rows: Row[], category = DecisionCategory.HIRE_COMPANY): TopicTally {
  return tallyTopic(buildVoteScope(unitsOf(rows)), category, ballotsOf(rows));
}

/** n rows of the same area and ballot, each its own owner */
const many = (n: number, m2: string, vote?: VoteChoice): Row[] => Array.from({ length: n }, () => ({ m2, vote }));

function expectTallyError(run: () => unknown, code: VoteTallyErrorCode, houseId?: number) {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(VoteTallyError);
  expect(thrown).toMatchObject({ code, houseId });
  expect((thrown as Error).message).toMatch(/[\u4e00-\u9fa5]/);
}

describe('vote tally: participation quorum (2/3 area and 2/3 persons, bound included)', () => {
  it.each<[string, Row[], boolean, string, string]>([
    ['exactly 2/3 of area and of persons', [...many(2, '100.00', A), ...many(1, '100.00')], true, '2/3', '2/3'],
    ['area one hundredth below 2/3, persons exactly 2/3', [{ m2: '100.00', vote: A }, { m2: '99.99', vote: A }, { m2: '100.01' }], false, '19999/30000', '2/3'],
    ['area exactly 2/3, persons 3/4', [{ m2: '50.00', vote: A }, { m2: '50.00', vote: A }, { m2: '100.00', vote: A }, { m2: '100.00' }], true, '2/3', '3/4'],
    ['area one hundredth below 2/3, persons 3/4 (area fails alone)', [{ m2: '49.99', vote: A }, { m2: '50.00', vote: A }, { m2: '100.00', vote: A }, { m2: '100.01' }], false, '19999/30000', '3/4'],
    ['persons exactly 2/3 (6 of 9), area 600/630', [...many(6, '100.00', A), ...many(3, '10.00')], true, '20/21', '2/3'],
    ['persons one below 2/3 (5 of 9), area 500/630 (persons fail alone)', [...many(5, '100.00', A), ...many(1, '100.00'), ...many(3, '10.00')], false, '50/63', '5/9'],
    ['nobody votes', many(3, '100.00'), false, '0/1', '0/1'],
    ['everybody votes', many(3, '100.00', D), true, '1/1', '1/1'],
  ])('%s', (_, rows, quorum, areaFraction, personsFraction) => {
    const result = tally(rows);
    expect(result.quorumReached).toBe(quorum);
    expect(result.participationArea.fraction).toBe(areaFraction);
    expect(result.participationPersons.fraction).toBe(personsFraction);
  });

  it('never passes a topic without the quorum, even when every voter agrees', () => {
    const result = tally([{ m2: '100.00', vote: A }, { m2: '99.99', vote: A }, { m2: '100.01' }], DecisionCategory.ELECT_COMMITTEE);
    expect(result.agreeArea.fraction).toBe('1/1');
    expect(result.agreePersons.fraction).toBe('1/1');
    expect(result.quorumReached).toBe(false);
    expect(result.passed).toBe(false);
  });

  it('reports the bases, the participants and the non-voters', () => {
    const result = tally([{ m2: '50.00', vote: A }, { m2: '50.00', vote: X }, { m2: '100.00', vote: D }, { m2: '100.00' }]);
    expect(result.total).toEqual({ area: 30000n, persons: 4 });
    expect(result.participating).toEqual({ area: 20000n, persons: 3 });
    expect(result.notVoting).toEqual({ area: 10000n, persons: 1 });
    expect(result.agree).toEqual({ area: 5000n, persons: 1 });
    expect(result.disagree).toEqual({ area: 10000n, persons: 1 });
    expect(result.abstain).toEqual({ area: 5000n, persons: 1 });
    expect(result.participationArea).toEqual({ numerator: 20000n, denominator: 30000n, fraction: '2/3', percent: 66.67 });
    expect(result.participationPersons).toEqual({ numerator: 3n, denominator: 4n, fraction: '3/4', percent: 75 });
    expect(result.agreeArea).toEqual({ numerator: 5000n, denominator: 20000n, fraction: '1/4', percent: 25 });
    expect(result.agreePersons).toEqual({ numerator: 1n, denominator: 3n, fraction: '1/3', percent: 33.33 });
  });
});

describe('vote tally: 3/4 items (筹集维修资金, 改建重建, 改变共有部分用途), bound included', () => {
  it.each<[string, Row[], boolean]>([
    ['exactly 3/4 of area and of persons', [...many(3, '100.00', A), ...many(1, '100.00', D)], true],
    ['area one hundredth below 3/4, persons exactly 3/4', [{ m2: '100.00', vote: A }, { m2: '100.00', vote: A }, { m2: '99.99', vote: A }, { m2: '100.01', vote: D }], false],
    ['area exactly 3/4 (300.00 of 400.00), persons 3/4', [{ m2: '100.00', vote: A }, { m2: '100.00', vote: A }, { m2: '100.00', vote: A }, { m2: '100.00', vote: X }], true],
    ['persons exactly 3/4 (6 of 8), area 600/620', [...many(6, '100.00', A), ...many(2, '10.00', D)], true],
    ['persons one below 3/4 (5 of 8), area 500/530 (persons fail alone)', [...many(5, '100.00', A), ...many(3, '10.00', D)], false],
    ['persons 3/4 (3 of 4) but area 2/3 (area fails alone)', [...many(3, '50.00', A), { m2: '75.00', vote: D }], false],
  ])('%s', (_, rows, passed) => {
    for (const category of [DecisionCategory.RAISE_FUND, DecisionCategory.REBUILD, DecisionCategory.COMMON_PART_USE]) {
      const result = tally(rows, category);
      expect(result.quorumReached).toBe(true);
      expect(result.passThreshold).toBe(SUPER_MAJORITY);
      expect(result.passed).toBe(passed);
    }
  });
});

describe('vote tally: every other item needs more than half (过半数 excludes the half)', () => {
  it.each<[string, Row[], boolean]>([
    ['exactly half of area and of persons', [...many(2, '100.00', A), ...many(2, '100.00', D)], false],
    ['area half plus one hundredth, persons 2/3', [{ m2: '100.01', vote: A }, { m2: '50.00', vote: A }, { m2: '149.99', vote: D }], true],
    ['area exactly half, persons 2/3 (area fails alone)', [{ m2: '100.00', vote: A }, { m2: '50.00', vote: A }, { m2: '150.00', vote: D }], false],
    ['persons exactly half (2 of 4), area 200/220 (persons fail alone)', [...many(2, '100.00', A), ...many(2, '10.00', D)], false],
    ['persons one above half (3 of 5), area 300/320', [...many(3, '100.00', A), ...many(2, '10.00', D)], true],
  ])('%s', (_, rows, passed) => {
    for (const category of [DecisionCategory.RULES, DecisionCategory.COVENANT, DecisionCategory.ELECT_COMMITTEE, DecisionCategory.HIRE_COMPANY, DecisionCategory.USE_FUND, DecisionCategory.BUDGET_REPORT, DecisionCategory.FEES, DecisionCategory.OTHER]) {
      const result = tally(rows, category);
      expect(result.quorumReached).toBe(true);
      expect(result.passThreshold).toBe(SIMPLE_MAJORITY);
      expect(result.passed).toBe(passed);
    }
  });

  it('passes 使用维修资金 at 2/3 agreement where 筹集维修资金 fails (the 2021 split of the fund items)', () => {
    const rows = [...many(2, '100.00', A), ...many(1, '100.00', D)];
    expect(tally(rows, DecisionCategory.USE_FUND).passed).toBe(true);
    expect(tally(rows, DecisionCategory.RAISE_FUND).passed).toBe(false);
  });
});

describe('vote tally: abstentions take part without agreeing', () => {
  it('counts an abstention in the pass base, so it can sink a topic', () => {
    const withAbstention = tally([...many(2, '100.00', A), { m2: '100.00', vote: D }, { m2: '100.00', vote: X }]);
    expect(withAbstention.participating).toEqual({ area: 40000n, persons: 4 });
    expect(withAbstention.abstain).toEqual({ area: 10000n, persons: 1 });
    expect(withAbstention.agreePersons.fraction).toBe('1/2');
    expect(withAbstention.passed).toBe(false);

    // the same owners, the abstainer staying away: 3 of 4 take part (≥ 2/3) and 2 of 3 agree
    const withoutAbstention = tally([...many(2, '100.00', A), { m2: '100.00', vote: D }, { m2: '100.00' }]);
    expect(withoutAbstention.quorumReached).toBe(true);
    expect(withoutAbstention.passed).toBe(true);
  });

  it('counts an abstention towards the quorum', () => {
    const rows = [...many(3, '100.00', A), { m2: '100.00', vote: X }, ...many(2, '100.00')];
    const result = tally(rows);
    expect(result.participationPersons.fraction).toBe('2/3');
    expect(result.quorumReached).toBe(true);
    expect(result.passed).toBe(true);
    const abstainerAway = tally([...many(3, '100.00', A), ...many(3, '100.00')]);
    expect(abstainerAway.quorumReached).toBe(false);
  });
});

describe('vote tally: persons (最高法解释 art. 9)', () => {
  it("counts the developer's unsold units as one person", () => {
    const rows: Row[] = [...many(6, '80.00').map((r) => ({ ...r, owner: null, developer: true, vote: A })), ...many(4, '80.00', A)];
    const result = tally(rows);
    expect(result.total).toEqual({ area: 80000n, persons: 5 });
    expect(result.participating).toEqual({ area: 80000n, persons: 5 });
    expect(result.agree.persons).toBe(5);
  });

  it('lets the developer carry the area quorum but not the persons quorum', () => {
    const rows: Row[] = [...many(7, '100.00').map((r) => ({ ...r, owner: null, developer: true, vote: A })), ...many(3, '100.00')];
    const result = tally(rows);
    expect(result.participationArea.fraction).toBe('7/10');
    expect(result.participationPersons.fraction).toBe('1/4');
    expect(result.quorumReached).toBe(false);
  });

  it("joins a unit held under the developer's own key to the developer's person", () => {
    const rows: Row[] = [
      { m2: '90.00', owner: 'dev-corp', developer: true },
      { m2: '90.00', owner: null, developer: true },
      { m2: '90.00', owner: 'dev-corp' },
      { m2: '90.00', owner: 'buyer' },
    ];
    expect(buildVoteScope(unitsOf(rows)).totalPersons).toBe(2);
  });

  it('counts a buyer of several units as one person, with all their area', () => {
    const rows: Row[] = [
      { m2: '100.00', owner: 'li', vote: A },
      { m2: '100.00', owner: 'li', vote: A },
      { m2: '100.00', owner: 'li', vote: A },
      { m2: '100.00', owner: 'wang', vote: D },
      { m2: '100.00', owner: 'zhao' },
    ];
    const result = tally(rows);
    expect(result.total).toEqual({ area: 50000n, persons: 3 });
    expect(result.participating).toEqual({ area: 40000n, persons: 2 });
    expect(result.agree).toEqual({ area: 30000n, persons: 1 });
    expect(result.quorumReached).toBe(true);
    // 3/4 of the area agrees, but only one of two persons: not 过半数
    expect(result.passed).toBe(false);
  });

  it.each<[string, Row[], { agree: number; disagree: number; abstain: number }]>([
    ['most of their balloted area agrees: agrees', [{ m2: '100.00', owner: 'li', vote: A }, { m2: '100.00', owner: 'li', vote: A }, { m2: '100.00', owner: 'li', vote: D }], { agree: 1, disagree: 0, abstain: 0 }],
    ['a larger unit outweighs two smaller ones', [{ m2: '150.01', owner: 'li', vote: D }, { m2: '75.00', owner: 'li', vote: A }, { m2: '75.00', owner: 'li', vote: A }], { agree: 0, disagree: 1, abstain: 0 }],
    ['an even split of area: abstains', [{ m2: '100.00', owner: 'li', vote: A }, { m2: '100.00', owner: 'li', vote: D }], { agree: 0, disagree: 0, abstain: 1 }],
    ['no choice above half (40/30/30): abstains', [{ m2: '40.00', owner: 'li', vote: A }, { m2: '30.00', owner: 'li', vote: D }, { m2: '30.00', owner: 'li', vote: X }], { agree: 0, disagree: 0, abstain: 1 }],
    ['an unballoted unit does not weigh in', [{ m2: '10.00', owner: 'li', vote: A }, { m2: '500.00', owner: 'li' }], { agree: 1, disagree: 0, abstain: 0 }],
  ])('a multi-unit owner who ballots their units differently: %s', (_, rows, persons) => {
    const result = tally(rows);
    expect(result.participating.persons).toBe(1);
    expect({ agree: result.agree.persons, disagree: result.disagree.persons, abstain: result.abstain.persons }).toEqual(persons);
    // area always counts per house ballot
    const balloted = ballotsOf(rows);
    const areaOf = (choice: VoteChoice) => balloted.filter((b) => b.choice === choice).reduce((sum, b) => sum + parseAreaHundredths(rows[b.houseId - 1].m2), 0n);
    expect(result.agree.area).toBe(areaOf(A));
    expect(result.disagree.area).toBe(areaOf(D));
    expect(result.abstain.area).toBe(areaOf(X));
  });

  it('applies the same rule to the developer voting its units differently', () => {
    const rows: Row[] = [
      ...many(3, '100.00').map((r) => ({ ...r, owner: null, developer: true, vote: A })),
      ...many(2, '100.00').map((r) => ({ ...r, owner: null, developer: true, vote: D })),
      { m2: '100.00', vote: D },
    ];
    const result = tally(rows);
    expect(result.participating.persons).toBe(2);
    expect(result.agree).toEqual({ area: 30000n, persons: 1 });
    expect(result.disagree).toEqual({ area: 30000n, persons: 1 });
  });
});

describe('vote tally: exact at scale', () => {
  it('decides a million-unit scope on one hundredth and one person', () => {
    const size = 999_999; // divisible by 3: 2/3 is exactly 666,666 persons
    const units: ScopeUnit[] = Array.from({ length: size }, (_, i) => ({ houseId: i + 1, ownerKey: `o${i + 1}`, isDeveloperUnsold: false, areaHundredths: 8937n }));
    const scope = buildVoteScope(units);
    expect(scope.totalArea).toBe(8_936_991_063n);
    expect(scope.totalPersons).toBe(size);

    const ballots = (voters: number, agreeing: number): HouseBallot[] =>
      Array.from({ length: voters }, (_, i) => ({ houseId: i + 1, choice: i < agreeing ? A : D }));

    const atQuorum = tallyTopic(scope, DecisionCategory.HIRE_COMPANY, ballots(666_666, 333_334));
    expect(atQuorum.participationArea.fraction).toBe('2/3');
    expect(atQuorum.participationPersons.fraction).toBe('2/3');
    expect(atQuorum.quorumReached).toBe(true);
    expect(atQuorum.passed).toBe(true);
    expect(tallyTopic(scope, DecisionCategory.HIRE_COMPANY, ballots(666_666, 333_333)).passed).toBe(false);
    expect(tallyTopic(scope, DecisionCategory.HIRE_COMPANY, ballots(666_665, 666_665)).quorumReached).toBe(false);

    // move one hundredth from a voter to a non-voter: the total stays, the participating area is one short
    units[0] = { ...units[0], areaHundredths: 8936n };
    units[size - 1] = { ...units[size - 1], areaHundredths: 8938n };
    const shifted = tallyTopic(buildVoteScope(units), DecisionCategory.HIRE_COMPANY, ballots(666_666, 666_666));
    expect(shifted.total.area).toBe(8_936_991_063n);
    expect(shifted.participating.area).toBe(5_957_994_041n);
    expect(shifted.participationPersons.fraction).toBe('2/3');
    expect(shifted.quorumReached).toBe(false);
  });

  it('holds where a floating-point ratio would round onto the bound', () => {
    const units: ScopeUnit[] = [
      { houseId: 1, ownerKey: 'a', isDeveloperUnsold: false, areaHundredths: 10n ** 17n },
      { houseId: 2, ownerKey: 'b', isDeveloperUnsold: false, areaHundredths: 10n ** 17n - 1n },
      { houseId: 3, ownerKey: 'c', isDeveloperUnsold: false, areaHundredths: 10n ** 17n },
    ];
    const result = tallyTopic(buildVoteScope(units), DecisionCategory.OTHER, [{ houseId: 1, choice: A }, { houseId: 2, choice: A }]);
    // 3 × (2·10^17 − 1) < 2 × (3·10^17 − 1), yet the doubles say the share is 2/3
    expect(Number(result.participating.area) / Number(result.total.area) >= 2 / 3).toBe(true);
    expect(result.quorumReached).toBe(false);
  });
});

describe('vote tally: thresholds', () => {
  it.each<[DecisionCategory, DecisionThreshold]>([
    [DecisionCategory.RULES, SIMPLE_MAJORITY],
    [DecisionCategory.COVENANT, SIMPLE_MAJORITY],
    [DecisionCategory.ELECT_COMMITTEE, SIMPLE_MAJORITY],
    [DecisionCategory.HIRE_COMPANY, SIMPLE_MAJORITY],
    [DecisionCategory.USE_FUND, SIMPLE_MAJORITY],
    [DecisionCategory.RAISE_FUND, SUPER_MAJORITY],
    [DecisionCategory.REBUILD, SUPER_MAJORITY],
    [DecisionCategory.COMMON_PART_USE, SUPER_MAJORITY],
    [DecisionCategory.BUDGET_REPORT, SIMPLE_MAJORITY],
    [DecisionCategory.FEES, SIMPLE_MAJORITY],
    [DecisionCategory.OTHER, SIMPLE_MAJORITY],
  ])('%s needs %j', (category, threshold) => {
    expect(categoryThreshold(category)).toBe(threshold);
  });

  it('covers every category in the table above', () => {
    expect(Object.values(DecisionCategory)).toHaveLength(11);
  });

  it('words and compares the three bounds', () => {
    expect(PARTICIPATION_QUORUM).toMatchObject({ comparison: ThresholdComparison.AT_LEAST, numerator: 2, denominator: 3, label: '三分之二以上' });
    expect(SUPER_MAJORITY).toMatchObject({ comparison: ThresholdComparison.AT_LEAST, numerator: 3, denominator: 4, label: '四分之三以上' });
    expect(SIMPLE_MAJORITY).toMatchObject({ comparison: ThresholdComparison.MORE_THAN, numerator: 1, denominator: 2, label: '过半数' });
    expect(meetsThreshold(2n, 3n, PARTICIPATION_QUORUM)).toBe(true);
    expect(meetsThreshold(1999n, 3000n, PARTICIPATION_QUORUM)).toBe(false);
    expect(meetsThreshold(1n, 2n, SIMPLE_MAJORITY)).toBe(false);
    expect(meetsThreshold(1001n, 2000n, SIMPLE_MAJORITY)).toBe(true);
  });

  it('lets an empty base reach nothing', () => {
    expect(meetsThreshold(0n, 0n, SUPER_MAJORITY)).toBe(false);
    expect(meetsThreshold(0n, 0n, PARTICIPATION_QUORUM)).toBe(false);
  });
});

describe('vote tally: ratios and areas for display', () => {
  it.each<[bigint, bigint, string, number]>([
    [20000n, 30000n, '2/3', 66.67],
    [1n, 3n, '1/3', 33.33],
    [1n, 8n, '1/8', 12.5],
    [1n, 20000n, '1/20000', 0.01], // 0.005 % rounds half up
    [1n, 200001n, '1/200001', 0], // 0.00499… % rounds down
    [5n, 5n, '1/1', 100],
    [0n, 5n, '0/1', 0],
    [0n, 0n, '0/0', 0],
  ])('%s / %s is %s, %s %%', (numerator, denominator, fraction, percent) => {
    expect(exactRatio(numerator, denominator)).toEqual({ numerator, denominator, fraction, percent });
  });

  it.each<[string, bigint]>([
    ['123.45', 12345n],
    ['123.4', 12340n],
    ['123', 12300n],
    ['123.450', 12345n],
    [' 0.01 ', 1n],
    ['98765432109876543.21', 9876543210987654321n],
  ])('reads %j as %s hundredths', (text, hundredths) => {
    expect(parseAreaHundredths(text)).toBe(hundredths);
  });

  it.each(['123.456', '-1.00', '1e3', 'abc', '', '.5', '1,000.00'])('refuses the area %j', (text) => {
    expectTallyError(() => parseAreaHundredths(text), VoteTallyErrorCode.INVALID_AREA);
  });

  it('writes hundredths as square metres', () => {
    expect(formatAreaHundredths(12345n)).toBe('123.45');
    expect(formatAreaHundredths(5n)).toBe('0.05');
    expect(formatAreaHundredths(0n)).toBe('0.00');
    expect(formatAreaHundredths(9876543210987654321n)).toBe('98765432109876543.21');
  });

  it('takes areas as safe integers as well as bigints', () => {
    const scope = buildVoteScope([
      { houseId: 1, ownerKey: 'a', isDeveloperUnsold: false, areaHundredths: 8937 },
      { houseId: 2, ownerKey: 'b', isDeveloperUnsold: false, areaHundredths: 8937n },
    ]);
    expect(scope.totalArea).toBe(17874n);
  });
});

describe('vote tally: refuses what the caller should have settled', () => {
  const unit = (houseId: number, overrides: Partial<ScopeUnit> = {}): ScopeUnit => ({ houseId, ownerKey: `o${houseId}`, isDeveloperUnsold: false, areaHundredths: 10000n, ...overrides });
  const scope = buildVoteScope([unit(1), unit(2), unit(3)]);

  it('refuses a second ballot of a house', () => {
    expectTallyError(() => tallyTopic(scope, DecisionCategory.OTHER, [{ houseId: 2, choice: A }, { houseId: 2, choice: D }]), VoteTallyErrorCode.DUPLICATE_BALLOT, 2);
    // also when both ballots say the same
    expectTallyError(() => tallyTopic(scope, DecisionCategory.OTHER, [{ houseId: 2, choice: A }, { houseId: 2, choice: A }]), VoteTallyErrorCode.DUPLICATE_BALLOT, 2);
  });

  it('refuses a ballot of a house outside the scope', () => {
    expectTallyError(() => tallyTopic(scope, DecisionCategory.OTHER, [{ houseId: 1, choice: A }, { houseId: 4, choice: A }]), VoteTallyErrorCode.BALLOT_OUTSIDE_SCOPE, 4);
  });

  it('refuses a choice it does not know (从众 is not counted here)', () => {
    expectTallyError(() => tallyTopic(scope, DecisionCategory.OTHER, [{ houseId: 1, choice: 'FOLLOW' as VoteChoice }]), VoteTallyErrorCode.UNKNOWN_CHOICE, 1);
  });

  it('refuses a category it does not know', () => {
    expectTallyError(() => tallyTopic(scope, 'MISC' as DecisionCategory, []), VoteTallyErrorCode.UNKNOWN_CATEGORY);
  });

  it('refuses an empty scope and a house listed twice', () => {
    expectTallyError(() => buildVoteScope([]), VoteTallyErrorCode.EMPTY_SCOPE);
    expectTallyError(() => buildVoteScope([unit(1), unit(2), unit(1)]), VoteTallyErrorCode.DUPLICATE_UNIT, 1);
  });

  it.each<[string, bigint | number]>([
    ['zero', 0n],
    ['negative', -100n],
    ['a fraction of a hundredth', 100.5],
    ['beyond the safe integers as a number', 2 ** 53],
    ['not a number', Number.NaN],
  ])('refuses an area that is %s', (_, areaHundredths) => {
    expectTallyError(() => buildVoteScope([unit(1), unit(2, { areaHundredths })]), VoteTallyErrorCode.INVALID_AREA, 2);
  });

  it('refuses a sold unit without an owner, and takes a developer unit without one', () => {
    expectTallyError(() => buildVoteScope([unit(1), unit(2, { ownerKey: null })]), VoteTallyErrorCode.OWNER_KEY_MISSING, 2);
    expectTallyError(() => buildVoteScope([unit(1), unit(2, { ownerKey: '  ' })]), VoteTallyErrorCode.OWNER_KEY_MISSING, 2);
    expect(buildVoteScope([unit(1), unit(2, { ownerKey: null, isDeveloperUnsold: true })]).totalPersons).toBe(2);
  });
});

describe('vote tally: participation in basis points (会议统计 平均参与率)', () => {
  it('rounds down, so exactly 2/3 shows as 66.66 %, and an empty scope as 0', () => {
    expect(participationBp({ area: 2n, persons: 2 }, { totalArea: 3n, totalPersons: 3 })).toEqual({ areaBp: 6666, personsBp: 6666 });
    expect(participationBp({ area: 300n, persons: 1 }, { totalArea: 300n, totalPersons: 4 })).toEqual({ areaBp: 10_000, personsBp: 2500 });
    expect(participationBp({ area: 0n, persons: 0 }, { totalArea: 0n, totalPersons: 0 })).toEqual({ areaBp: 0, personsBp: 0 });
  });

  it('stays exact for areas beyond 2^53 hundredths', () => {
    const total = 2n ** 60n;
    expect(participationBp({ area: total / 2n + 1n, persons: 1 }, { totalArea: total, totalPersons: 2 }).areaBp).toBe(5000);
  });
});
