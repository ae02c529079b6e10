import { VoteScope } from '@szpm/contract';
import { deriveMeetingRates, deriveTopicRates, deriveUsageRates } from './vote-statistics.service';
import { VoteUnitsService } from './vote-units.service';

describe('vote statistics rates', () => {
  it('rates the quorum over the counted meetings and passes over the topics, 0 on an empty base', () => {
    const meetings = { meetings: 5, voting: 2, publicity: 1, completed: 2, delayed: 1, quorumReached: 2, counted: 3, participationAreaBp: 0, participationPersonsBp: 0 };
    expect(deriveMeetingRates(meetings).quorumRate).toBe(66.67);
    expect(deriveMeetingRates({ ...meetings, voting: 2, publicity: 0, completed: 0, quorumReached: 0, counted: 0 }).quorumRate).toBe(0);
    expect(deriveTopicRates({ topics: 3, passed: 1, failed: 2 }).passRate).toBe(33.33);
    expect(deriveTopicRates({ topics: 0, passed: 0, failed: 0 }).passRate).toBe(0);
    expect(deriveUsageRates({ areas: 8, usedAreas: 1, votesThisYear: 3, houseTotal: 600, boundHouses: 150, boundOwners: 140 })).toMatchObject({ usageRate: 12.5, bindingRate: 25 });
    expect(deriveUsageRates({ areas: 0, usedAreas: 0, votesThisYear: 0, houseTotal: 0, boundHouses: 0, boundOwners: 0 })).toMatchObject({ usageRate: 0, bindingRate: 0 });
  });
});

describe('会议统计 mean participation', () => {
  it('means the counted meetings’ basis points as a percentage with two decimals', () => {
    // 66.66 % + 80 % + 50.01 % over three meetings
    const c = { meetings: 4, voting: 1, publicity: 1, completed: 2, delayed: 0, quorumReached: 1, counted: 3, participationAreaBp: 6666 + 8000 + 5001, participationPersonsBp: 10_000 + 0 + 1 };
    expect(deriveMeetingRates(c)).toMatchObject({ meanParticipationArea: 65.56, meanParticipationPersons: 33.34 });
    expect(deriveMeetingRates({ ...c, counted: 0, participationAreaBp: 0, participationPersonsBp: 0 })).toMatchObject({ meanParticipationArea: 0, meanParticipationPersons: 0 });
  });
});

describe('VoteUnitsService.inScope', () => {
  const area = { propertyAreaId: 7, scope: VoteScope.AREA, buildingIds: [] };
  const buildings = { propertyAreaId: 7, scope: VoteScope.BUILDINGS, buildingIds: [3, 5] };

  it('takes every house of the area for an AREA scope and only the listed buildings for a BUILDINGS scope', () => {
    expect(VoteUnitsService.inScope(area, { propertyAreaId: 7, buildingId: null })).toBe(true);
    expect(VoteUnitsService.inScope(area, { propertyAreaId: 8, buildingId: 3 })).toBe(false);
    expect(VoteUnitsService.inScope(buildings, { propertyAreaId: 7, buildingId: 5 })).toBe(true);
    expect(VoteUnitsService.inScope(buildings, { propertyAreaId: 7, buildingId: 4 })).toBe(false);
    expect(VoteUnitsService.inScope(buildings, { propertyAreaId: 7, buildingId: null })).toBe(false);
    expect(VoteUnitsService.inScope(buildings, { propertyAreaId: 9, buildingId: 3 })).toBe(false);
  });
});
