import { competitionRanks, isLowStar, meanScore, monthsBefore, overallStars, scoreHundredths, shanghaiMonth } from './evaluation-score';

describe('owner evaluation scoring', () => {
  it('scores all five stars as 100 and all one star as 20', () => {
    expect(scoreHundredths([{ weight: 1, star: 5 }, { weight: 1, star: 5 }])).toBe(10000);
    expect(scoreHundredths([{ weight: 2, star: 1 }, { weight: 3, star: 1 }])).toBe(2000);
  });

  it('weighs the stars by the item weights', () => {
    // (3×5 + 1×1) / 4 = 4 stars → 80 points
    expect(scoreHundredths([{ weight: 3, star: 5 }, { weight: 1, star: 1 }])).toBe(8000);
    // equal weights: (5 + 4 + 4) / 3 = 4.333… stars → 86.67
    expect(scoreHundredths([{ weight: 1, star: 5 }, { weight: 1, star: 4 }, { weight: 1, star: 4 }])).toBe(8667);
  });

  it('refuses a record without weight', () => {
    expect(() => scoreHundredths([])).toThrow();
    expect(() => scoreHundredths([{ weight: 0, star: 5 }])).toThrow();
  });

  it('rounds the overall stars half up', () => {
    expect(overallStars([{ weight: 1, star: 5 }, { weight: 1, star: 4 }])).toBe(5); // 4.5
    expect(overallStars([{ weight: 1, star: 4 }, { weight: 1, star: 4 }, { weight: 1, star: 5 }])).toBe(4); // 4.33
    expect(overallStars([{ weight: 1, star: 1 }])).toBe(1);
  });

  it('calls three stars or fewer low', () => {
    expect([1, 2, 3, 4, 5].map(isLowStar)).toEqual([true, true, true, false, false]);
  });

  it('means hundredths to two decimals and gives 0 without records', () => {
    expect(meanScore(10000 + 8667, 2)).toBe(93.34);
    expect(meanScore(0, 0)).toBe(0);
  });

  it('reads months in Shanghai time and counts back across years', () => {
    expect(shanghaiMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(shanghaiMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(monthsBefore('2026-03', 5)).toBe('2025-10');
    expect(monthsBefore('2026-01', 0)).toBe('2026-01');
    expect(monthsBefore('2026-01', 1)).toBe('2025-12');
  });

  it('shares a rank between equal scores', () => {
    expect(competitionRanks([95, 90, 90, 80])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([])).toEqual([]);
  });
});
