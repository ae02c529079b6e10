import { CompanyScoreAggregation, RankingSubject } from '@szpm/contract';
import { AreaMonthSums, cityAverage, inTopEveryMonth, rankSubjects } from './evaluation-ranking';

const area = (propertyAreaId: number, companyId: number | null, records: number, meanHundredths: number): AreaMonthSums => ({ propertyAreaId, companyId, records, scoreHundredthsSum: records * meanHundredths });
const rules = { minSample: 10, companyScore: CompanyScoreAggregation.RECORDS };

describe('owner evaluation ranking', () => {
  const rows = [area(1, 100, 10, 9000), area(2, 100, 40, 7000), area(3, 200, 9, 9900), area(4, 200, 20, 9000), area(5, null, 12, 8000)];

  it('ranks projects with the minimum sample, best first, equal scores sharing a rank', () => {
    const ranked = rankSubjects(rows, RankingSubject.PROJECT, 'desc', rules);
    expect(ranked.map((r) => [r.subjectId, r.rank])).toEqual([
      [4, 1], // 90 with 20 records before 90 with 10
      [1, 1],
      [5, 3],
      [2, 4],
    ]);
    expect(ranked.find((r) => r.subjectId === 3)).toBeUndefined(); // 9 records < 10
  });

  it('ranks from the bottom with asc', () => {
    expect(rankSubjects(rows, RankingSubject.PROJECT, 'asc', rules).map((r) => r.subjectId)).toEqual([2, 5, 4, 1]);
  });

  it('scores a company by its records or by its ranked projects', () => {
    const byRecords = rankSubjects(rows, RankingSubject.COMPANY, 'desc', rules);
    // company 200: (9×9900 + 20×9000) / 29 = 9279; company 100: (10×9000 + 40×7000) / 50 = 7400
    expect(byRecords).toEqual([
      { subjectId: 200, rank: 1, scoreHundredths: 9279, records: 29 },
      { subjectId: 100, rank: 2, scoreHundredths: 7400, records: 50 },
    ]);
    const byProjects = rankSubjects(rows, RankingSubject.COMPANY, 'desc', { ...rules, companyScore: CompanyScoreAggregation.PROJECTS });
    // company 200: only area 4 is ranked → 9000; company 100: (9000 + 7000) / 2 = 8000
    expect(byProjects.map((r) => [r.subjectId, r.scoreHundredths])).toEqual([
      [200, 9000],
      [100, 8000],
    ]);
  });

  it('averages the city over every record', () => {
    expect(cityAverage([area(1, 1, 1, 10000), area(2, 1, 3, 6000)])).toBe(7000);
    expect(cityAverage([])).toBe(0);
  });

  it('finds the subjects in the top N of every month', () => {
    const month = (...ids: number[]) => ids.map((subjectId, i) => ({ subjectId, rank: i + 1, scoreHundredths: 10000 - i, records: 10 }));
    const streak = inTopEveryMonth([month(1, 2, 3), month(2, 1, 3), month(1, 3, 2)], 2);
    expect([...streak]).toEqual([[1, [1, 2, 1]]]);
    expect(inTopEveryMonth([month(1), []], 10).size).toBe(0);
  });
});
