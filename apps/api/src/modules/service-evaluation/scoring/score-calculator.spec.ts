import { EvaluationGrade, EvaluationRecordStatus, ScoreLineKind, ScoringCycleKind } from '@szpm/contract';
import { BasicInformation, basicScoreOf, computeScore, cycleByKey, cycleOf, explainRules, gradeOf, ScorableBadRecord, ScorableGoodRecord, ScoringRuleSet } from './score-calculator';

const rules: ScoringRuleSet = {
  cycleKind: ScoringCycleKind.CALENDAR_YEAR,
  basicScoreMax: 80,
  goodRecordCap: 40,
  grades: { aaa: 85, aa: 80, a: 70, b: 60 },
};
const cycle2026 = cycleByKey('2026', ScoringCycleKind.CALENDAR_YEAR)!;
const complete: BasicInformation = { filled: ['名称', '统一社会信用代码', '法定代表人', '联系电话', '地址'], missing: [] };

let nextId = 1;
function bad(points: number, extra: Partial<ScorableBadRecord> = {}): ScorableBadRecord {
  return {
    id: nextId++,
    itemName: '未按规定公开物业服务信息',
    circumstanceDescription: '经责令改正',
    level: points >= 18 ? 1 : points >= 6 ? 2 : points >= 3 ? 3 : 4,
    points,
    factDate: '2026-03-10',
    status: EvaluationRecordStatus.EFFECTIVE,
    countOncePerYear: false,
    countOnceGroupId: null,
    ...extra,
  };
}
function good(points: number, awardDate = '2026-05-01'): ScorableGoodRecord {
  return { id: nextId++, itemName: '获得市级表彰', points, awardDate };
}
const score = (badRecords: ScorableBadRecord[], goodRecords: ScorableGoodRecord[] = [], basicInformation = complete) =>
  computeScore({ rules, cycle: cycle2026, basicInformation, badRecords, goodRecords });

describe('scoring rules', () => {
  it('gives the full basic score and no changes to a subject without records', () => {
    const result = score([]);
    expect(result).toMatchObject({ basicScore: 80, goodScore: 0, badScore: 0, total: 80, grade: EvaluationGrade.AA, badRecordCount: 0, goodRecordCount: 0 });
    expect(result.lines.map((l) => l.kind)).toEqual([ScoreLineKind.BASIC, ScoreLineKind.TOTAL, ScoreLineKind.GRADE]);
    expect(result.lines[1].rule).toBe('总分 = 基础信息 80 + 良好信息 0 − 不良信息 0 = 80（2026年度：2026-01-01 至 2026-12-31）');
  });

  it('scales the basic score with the share of basic information on file, rounding down', () => {
    expect(basicScoreOf({ filled: ['a', 'b'], missing: ['c'] }, 80)).toBe(53);
    expect(basicScoreOf({ filled: [], missing: ['a'] }, 80)).toBe(0);
    const result = score([], [], { filled: ['姓名', '身份证号', '手机号码'], missing: ['执业证书编号'] });
    expect(result.basicScore).toBe(60);
    expect(result.lines[0].rule).toContain('未登记：执业证书编号');
  });

  it('adds good records and subtracts bad records', () => {
    const result = score([bad(6), bad(3)], [good(10)]);
    expect(result).toMatchObject({ basicScore: 80, goodScore: 10, badScore: 9, total: 81, grade: EvaluationGrade.AA, badRecordCount: 2, goodRecordCount: 1 });
    expect(result.lines.filter((l) => l.kind === ScoreLineKind.BAD_RECORD).map((l) => l.points)).toEqual([-6, -3]);
  });

  it('caps good records at the configured cap and says so', () => {
    const result = score([], [good(20), good(15), good(10)]);
    expect(result).toMatchObject({ goodRawScore: 45, goodScore: 40, total: 120, grade: EvaluationGrade.AAA });
    const cap = result.lines.find((l) => l.kind === ScoreLineKind.GOOD_RECORD_CAP)!;
    expect(cap.points).toBe(-5);
    expect(cap.rule).toBe('良好信息合计 45 分，超过上限 40 分，按 40 分计');
    // the lines add up to the total
    expect(result.lines.filter((l) => l.kind !== ScoreLineKind.TOTAL && l.kind !== ScoreLineKind.GRADE).reduce((s, l) => s + l.points, 0)).toBe(120);
  });

  it('counts linked records of a count-once item only once, at the highest level', () => {
    const group = 100;
    const low = bad(3, { countOncePerYear: true, countOnceGroupId: group });
    const high = bad(6, { countOncePerYear: true, countOnceGroupId: group, factDate: '2026-07-01' });
    const lowest = bad(1, { countOncePerYear: true, countOnceGroupId: group, factDate: '2026-09-01' });
    const result = score([low, high, lowest]);
    expect(result).toMatchObject({ badScore: 6, total: 74, badRecordCount: 1, grade: EvaluationGrade.A });
    const byId = new Map(result.lines.filter((l) => l.recordId !== null).map((l) => [l.recordId, l]));
    expect(byId.get(high.id)).toMatchObject({ counted: true, points: -6 });
    expect(byId.get(low.id)).toMatchObject({ counted: false, points: 0 });
    expect(byId.get(low.id)!.rule).toContain(`已按关联的不良信息（${high.factDate}，6分）计分`);
    expect(byId.get(lowest.id)).toMatchObject({ counted: false, points: 0 });
  });

  it('counts separate groups and unlinked records of the same item separately', () => {
    const a = bad(6, { countOncePerYear: true, countOnceGroupId: 1 });
    const b = bad(3, { countOncePerYear: true, countOnceGroupId: 1 });
    const c = bad(3, { countOncePerYear: true, countOnceGroupId: 2 });
    const unlinked = bad(1, { countOncePerYear: true, countOnceGroupId: null });
    expect(score([a, b, c, unlinked]).badScore).toBe(6 + 3 + 1);
  });

  it('ignores the group rule for items that are not count-once', () => {
    expect(score([bad(6, { countOnceGroupId: 7 }), bad(3, { countOnceGroupId: 7 })]).badScore).toBe(9);
  });

  it('takes the earliest record of a group when the highest points tie', () => {
    const first = bad(6, { countOncePerYear: true, countOnceGroupId: 3 });
    const second = bad(6, { countOncePerYear: true, countOnceGroupId: 3 });
    const result = score([second, first]);
    expect(result.badScore).toBe(6);
    expect(result.lines.find((l) => l.recordId === first.id)!.counted).toBe(true);
    expect(result.lines.find((l) => l.recordId === second.id)!.counted).toBe(false);
  });

  it('never counts revoked records, and lets the next highest of a group count instead', () => {
    const revokedHigh = bad(18, { countOncePerYear: true, countOnceGroupId: 5, status: EvaluationRecordStatus.REVOKED });
    const next = bad(6, { countOncePerYear: true, countOnceGroupId: 5 });
    const result = score([revokedHigh, next]);
    expect(result.badScore).toBe(6);
    expect(result.lines.find((l) => l.recordId === revokedHigh.id)).toMatchObject({ counted: false, points: 0, rule: expect.stringContaining('已撤销，不参与计分') });
    expect(score([bad(18, { status: EvaluationRecordStatus.REVOKED })]).total).toBe(80);
  });

  it('keeps the points of restored records', () => {
    const restored = bad(6, { status: EvaluationRecordStatus.RESTORED });
    const result = score([restored]);
    expect(result.badScore).toBe(6);
    expect(result.lines.find((l) => l.recordId === restored.id)!.rule).toContain('已恢复：不再公示，原计分保留');
  });

  it('ignores records outside the cycle', () => {
    const result = score([bad(18, { factDate: '2025-12-31' }), bad(3, { factDate: '2026-12-31' })], [good(10, '2027-01-01')]);
    expect(result).toMatchObject({ badScore: 3, goodScore: 0, badRecordCount: 1, goodRecordCount: 0 });
  });

  it('grades at the threshold boundaries (lower bound included)', () => {
    const g = rules.grades;
    expect([85, 84, 80, 79, 70, 69, 60, 59, -10].map((t) => gradeOf(t, g))).toEqual(['AAA', 'AA', 'AA', 'A', 'A', 'B', 'B', 'C', 'C']);
    const c = score([bad(18), bad(6)]);
    expect(c).toMatchObject({ total: 56, grade: EvaluationGrade.C });
    expect(c.lines.at(-1)!.rule).toBe('总分 56 分，分数 < 60，评价等级 C');
  });

  it('names a rule for every line', () => {
    const result = score([bad(6), bad(3, { status: EvaluationRecordStatus.REVOKED })], [good(5)]);
    for (const line of result.lines) expect(line.rule.length).toBeGreaterThan(5);
  });
});

describe('scoring cycles', () => {
  it('maps dates to calendar years and half-years', () => {
    expect(cycleOf('2026-06-30', ScoringCycleKind.CALENDAR_YEAR)).toMatchObject({ key: '2026', start: '2026-01-01', end: '2026-12-31' });
    expect(cycleOf('2026-06-30', ScoringCycleKind.HALF_YEAR)).toMatchObject({ key: '2026-H1', start: '2026-01-01', end: '2026-06-30' });
    expect(cycleOf('2026-07-01', ScoringCycleKind.HALF_YEAR)).toMatchObject({ key: '2026-H2', start: '2026-07-01', end: '2026-12-31', label: '2026年下半年' });
  });

  it('refuses keys that do not fit the cycle kind', () => {
    expect(cycleByKey('2026-H1', ScoringCycleKind.CALENDAR_YEAR)).toBeNull();
    expect(cycleByKey('2026', ScoringCycleKind.HALF_YEAR)).toBeNull();
    expect(cycleByKey('2026-H3', ScoringCycleKind.HALF_YEAR)).toBeNull();
  });

  it('explains the rules with the configured numbers', () => {
    const text = explainRules({ ...rules, goodRecordCap: 30 }, cycle2026).join('\n');
    expect(text).toContain('合计不超过 30 分');
    expect(text).toContain('AAA ≥ 85 分');
    expect(text).toContain('2026年度（2026-01-01 至 2026-12-31）');
  });
});
