import { BallotSource, VoteState } from '@szpm/contract';
import { ballotWrite, dueStep, nextStepAt, scopeUnits } from './vote-rules';
import { buildVoteScope } from './vote-tally';

const at = (iso: string) => new Date(iso);

describe('vote steps', () => {
  const vote = { beginAt: at('2026-03-01T00:00:00Z'), endAt: at('2026-03-10T00:00:00Z'), publicityAt: null };

  it('opens at the begin, closes at the end, completes after the publicity days', () => {
    expect(dueStep({ ...vote, state: VoteState.PUBLISHED }, at('2026-02-28T23:59:59Z'), 7)).toBeNull();
    expect(dueStep({ ...vote, state: VoteState.PUBLISHED }, at('2026-03-01T00:00:00Z'), 7)).toBe(VoteState.VOTING);
    expect(dueStep({ ...vote, state: VoteState.VOTING }, at('2026-03-09T23:00:00Z'), 7)).toBeNull();
    expect(dueStep({ ...vote, state: VoteState.VOTING }, at('2026-03-10T00:00:00Z'), 7)).toBe(VoteState.PUBLICITY);
    const publicity = { ...vote, state: VoteState.PUBLICITY, publicityAt: at('2026-03-10T00:05:00Z') };
    expect(nextStepAt(publicity, 7)).toEqual(at('2026-03-17T00:05:00Z'));
    expect(dueStep(publicity, at('2026-03-17T00:04:59Z'), 7)).toBeNull();
    expect(dueStep(publicity, at('2026-03-17T00:05:00Z'), 7)).toBe(VoteState.COMPLETED);
  });

  it('has no timed step in draft, submitted or completed', () => {
    for (const state of [VoteState.DRAFT, VoteState.SUBMITTED, VoteState.COMPLETED]) {
      expect(nextStepAt({ ...vote, state }, 7)).toBeNull();
      expect(dueStep({ ...vote, state }, at('2030-01-01T00:00:00Z'), 7)).toBeNull();
    }
  });
});

describe('ballotWrite: the electronic vote prevails', () => {
  it('replaces paper by electronic, never electronic by paper, and refuses a second of the same channel', () => {
    expect(ballotWrite(null, BallotSource.ELECTRONIC)).toBe('insert');
    expect(ballotWrite(null, BallotSource.PAPER)).toBe('insert');
    expect(ballotWrite(BallotSource.PAPER, BallotSource.ELECTRONIC)).toBe('replace');
    expect(ballotWrite(BallotSource.ELECTRONIC, BallotSource.PAPER)).toBe('skip');
    expect(ballotWrite(BallotSource.ELECTRONIC, BallotSource.ELECTRONIC)).toBe('refuse');
    expect(ballotWrite(BallotSource.PAPER, BallotSource.PAPER)).toBe('refuse');
  });
});

describe('scopeUnits', () => {
  it('takes the registered area, joins one ID number into one person and counts unregistered or unsold houses with the developer', () => {
    const units = scopeUnits(
      [
        { id: 1, buildingArea: 89.5, floorArea: 80, saleStatus: '已售' },
        { id: 2, buildingArea: null, floorArea: 100.25, saleStatus: '已售' },
        { id: 3, buildingArea: 70, floorArea: 70, saleStatus: '未售' },
        { id: 4, buildingArea: 60, floorArea: 60, saleStatus: '已售' },
        { id: 5, buildingArea: 50, floorArea: 50, saleStatus: null },
      ],
      new Map([
        [1, '440301199001011234'],
        [2, '440301199001011234 '],
        [3, '440301198001015678'],
        [5, '440301197001019999'],
      ]),
    );
    expect(units.map((u) => u.areaHundredths)).toEqual([8950, 10025, 7000, 6000, 5000]);
    expect(units.map((u) => u.isDeveloperUnsold)).toEqual([false, false, true, true, false]);
    const scope = buildVoteScope(units);
    // houses 1 and 2 are one buyer; 3 (未售) and 4 (no registered owner) are the developer; 5 is one more
    expect(scope.totalPersons).toBe(3);
    expect(scope.totalArea).toBe(36975n);
  });
});
