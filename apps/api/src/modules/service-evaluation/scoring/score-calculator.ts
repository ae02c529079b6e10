import {
  EvaluationGrade,
  EvaluationRecordStatus,
  GradeThresholds,
  ScoreLine,
  ScoreLineKind,
  ScoringCycleKind,
  ScoringCycleView,
} from '@szpm/contract';

/**
 * The scoring rules as one pure function (no database, no clock), so that the per-subject
 * recompute, the full recompute and the breakdown shown to officers cannot disagree.
 *
 * score = basic information + min(good records, cap) − bad records, within one scoring cycle.
 */

export interface ScoringRuleSet {
  cycleKind: ScoringCycleKind;
  basicScoreMax: number;
  goodRecordCap: number;
  grades: GradeThresholds;
}

export type ScoringCycle = ScoringCycleView;

/** The basic information a subject must have on file; the basic score is proportional to it. */
export interface BasicInformation {
  /** labels of the required fields that are filled */
  filled: string[];
  /** labels of the required fields that are missing */
  missing: string[];
}

export interface ScorableBadRecord {
  id: number;
  itemName: string;
  circumstanceDescription: string;
  level: number;
  points: number;
  factDate: string;
  status: EvaluationRecordStatus;
  countOncePerYear: boolean;
  countOnceGroupId: number | null;
}

export interface ScorableGoodRecord {
  id: number;
  itemName: string;
  points: number;
  awardDate: string;
}

export interface ScoreResult {
  basicScore: number;
  goodRawScore: number;
  goodScore: number;
  badScore: number;
  total: number;
  grade: EvaluationGrade;
  /** bad records that count (neither revoked nor absorbed by a higher one of their group) */
  badRecordCount: number;
  goodRecordCount: number;
  lines: ScoreLine[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The cycle containing a Shanghai date. */
export function cycleOf(date: string, kind: ScoringCycleKind): ScoringCycle {
  const match = DATE.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  const year = Number(match[1]);
  if (kind === ScoringCycleKind.CALENDAR_YEAR) return cycleByKey(String(year), kind)!;
  return cycleByKey(`${year}-H${Number(match[2]) <= 6 ? 1 : 2}`, kind)!;
}

/** The cycle a key names ("2026", "2026-H2"), or null when the key does not fit the kind. */
export function cycleByKey(key: string, kind: ScoringCycleKind): ScoringCycle | null {
  if (kind === ScoringCycleKind.CALENDAR_YEAR) {
    if (!/^\d{4}$/.test(key)) return null;
    return { key, kind, start: `${key}-01-01`, end: `${key}-12-31`, label: `${key}年度` };
  }
  const match = /^(\d{4})-H([12])$/.exec(key);
  if (!match) return null;
  const [year, half] = [match[1], match[2]];
  return half === '1'
    ? { key, kind, start: `${year}-01-01`, end: `${year}-06-30`, label: `${year}年上半年` }
    : { key, kind, start: `${year}-07-01`, end: `${year}-12-31`, label: `${year}年下半年` };
}

export function inCycle(date: string, cycle: ScoringCycle): boolean {
  return date >= cycle.start && date <= cycle.end;
}

export function gradeOf(total: number, grades: GradeThresholds): EvaluationGrade {
  if (total >= grades.aaa) return EvaluationGrade.AAA;
  if (total >= grades.aa) return EvaluationGrade.AA;
  if (total >= grades.a) return EvaluationGrade.A;
  if (total >= grades.b) return EvaluationGrade.B;
  return EvaluationGrade.C;
}

function gradeRule(total: number, grade: EvaluationGrade, g: GradeThresholds): string {
  const range: Record<EvaluationGrade, string> = {
    [EvaluationGrade.AAA]: `分数 ≥ ${g.aaa}`,
    [EvaluationGrade.AA]: `${g.aa} ≤ 分数 < ${g.aaa}`,
    [EvaluationGrade.A]: `${g.a} ≤ 分数 < ${g.aa}`,
    [EvaluationGrade.B]: `${g.b} ≤ 分数 < ${g.a}`,
    [EvaluationGrade.C]: `分数 < ${g.b}`,
  };
  return `总分 ${total} 分，${range[grade]}，评价等级 ${grade}`;
}

/** basic = max × filled / required, rounded down to whole points. */
export function basicScoreOf(info: BasicInformation, max: number): number {
  const required = info.filled.length + info.missing.length;
  return required === 0 ? max : Math.floor((max * info.filled.length) / required);
}

/**
 * Which bad records count, and why. A record of a count-once item that was linked with others
 * (same countOnceGroupId) counts only if it is the highest of its group's non-revoked records
 * (most points; the earliest id on a tie); revoked records never count; restored ones do.
 */
function badRecordLines(records: ScorableBadRecord[]): { lines: ScoreLine[]; total: number; counted: number } {
  const live = records.filter((r) => r.status !== EvaluationRecordStatus.REVOKED);
  const groupWinner = new Map<number, ScorableBadRecord>();
  for (const record of live) {
    if (!record.countOncePerYear || record.countOnceGroupId === null) continue;
    const best = groupWinner.get(record.countOnceGroupId);
    if (!best || record.points > best.points || (record.points === best.points && record.id < best.id)) groupWinner.set(record.countOnceGroupId, record);
  }
  const lines: ScoreLine[] = [];
  let total = 0;
  let counted = 0;
  const ordered = [...records].sort((a, b) => (a.factDate === b.factDate ? a.id - b.id : a.factDate < b.factDate ? -1 : 1));
  for (const record of ordered) {
    const what = `不良信息「${record.itemName}」${record.circumstanceDescription}（${record.factDate}，${record.level}级，${record.points}分）`;
    if (record.status === EvaluationRecordStatus.REVOKED) {
      lines.push({ kind: ScoreLineKind.BAD_RECORD, recordId: record.id, points: 0, counted: false, rule: `${what}：已撤销，不参与计分` });
      continue;
    }
    const winner = record.countOncePerYear && record.countOnceGroupId !== null ? groupWinner.get(record.countOnceGroupId) : undefined;
    if (winner && winner.id !== record.id) {
      lines.push({
        kind: ScoreLineKind.BAD_RECORD,
        recordId: record.id,
        points: 0,
        counted: false,
        rule: `${what}：同一事项一年内有多个处罚的只计一次，取最高等级计分，已按关联的不良信息（${winner.factDate}，${winner.points}分）计分，本条不重复扣分`,
      });
      continue;
    }
    total += record.points;
    counted += 1;
    const suffix =
      record.status === EvaluationRecordStatus.RESTORED
        ? '已恢复：不再公示，原计分保留'
        : winner
          ? '同一事项一年内有多个处罚的只计一次，本条为关联记录中等级最高者'
          : '按认定的情形计分';
    lines.push({ kind: ScoreLineKind.BAD_RECORD, recordId: record.id, points: -record.points, counted: true, rule: `${what}：${suffix}，扣 ${record.points} 分` });
  }
  return { lines, total, counted };
}

/** Scores one subject for one cycle; records outside the cycle are ignored (and named as such). */
export function computeScore(input: {
  rules: ScoringRuleSet;
  cycle: ScoringCycle;
  basicInformation: BasicInformation;
  badRecords: ScorableBadRecord[];
  goodRecords: ScorableGoodRecord[];
}): ScoreResult {
  const { rules, cycle, basicInformation } = input;
  const lines: ScoreLine[] = [];

  const basicScore = basicScoreOf(basicInformation, rules.basicScoreMax);
  const required = basicInformation.filled.length + basicInformation.missing.length;
  lines.push({
    kind: ScoreLineKind.BASIC,
    recordId: null,
    points: basicScore,
    counted: true,
    rule:
      `基础信息得分：应登记 ${required} 项，已登记 ${basicInformation.filled.length} 项，按满分 ${rules.basicScoreMax} 分折算（向下取整）得 ${basicScore} 分` +
      (basicInformation.missing.length ? `；未登记：${basicInformation.missing.join('、')}` : ''),
  });

  const goodInCycle = input.goodRecords.filter((r) => inCycle(r.awardDate, cycle));
  const goodRawScore = goodInCycle.reduce((sum, r) => sum + r.points, 0);
  for (const record of [...goodInCycle].sort((a, b) => (a.awardDate === b.awardDate ? a.id - b.id : a.awardDate < b.awardDate ? -1 : 1))) {
    lines.push({
      kind: ScoreLineKind.GOOD_RECORD,
      recordId: record.id,
      points: record.points,
      counted: true,
      rule: `良好信息「${record.itemName}」（${record.awardDate}）：加 ${record.points} 分`,
    });
  }
  const goodScore = Math.min(goodRawScore, rules.goodRecordCap);
  if (goodRawScore > rules.goodRecordCap) {
    lines.push({
      kind: ScoreLineKind.GOOD_RECORD_CAP,
      recordId: null,
      points: goodScore - goodRawScore,
      counted: true,
      rule: `良好信息合计 ${goodRawScore} 分，超过上限 ${rules.goodRecordCap} 分，按 ${rules.goodRecordCap} 分计`,
    });
  }

  const bad = badRecordLines(input.badRecords.filter((r) => inCycle(r.factDate, cycle)));
  lines.push(...bad.lines);

  const total = basicScore + goodScore - bad.total;
  lines.push({
    kind: ScoreLineKind.TOTAL,
    recordId: null,
    points: total,
    counted: true,
    rule: `总分 = 基础信息 ${basicScore} + 良好信息 ${goodScore} − 不良信息 ${bad.total} = ${total}（${cycle.label}：${cycle.start} 至 ${cycle.end}）`,
  });
  const grade = gradeOf(total, rules.grades);
  lines.push({ kind: ScoreLineKind.GRADE, recordId: null, points: 0, counted: true, rule: gradeRule(total, grade, rules.grades) });

  return { basicScore, goodRawScore, goodScore, badScore: bad.total, total, grade, badRecordCount: bad.counted, goodRecordCount: goodInCycle.length, lines };
}

/** 计分周期说明: the rules in words, shown with every score. */
export function explainRules(rules: ScoringRuleSet, cycle: ScoringCycle): string[] {
  const g = rules.grades;
  return [
    `计分周期：${rules.cycleKind === ScoringCycleKind.CALENDAR_YEAR ? '按自然年度' : '按半年度'}计分，本周期为${cycle.label}（${cycle.start} 至 ${cycle.end}）；不良信息按事实发生日期、良好信息按表彰日期计入所在周期。`,
    `总分 = 基础信息得分 + 良好信息得分 − 不良信息扣分。`,
    `基础信息得分：满分 ${rules.basicScoreMax} 分，按已登记的基础信息项数占应登记项数的比例折算，向下取整。`,
    `良好信息得分：每条良好信息按其事项分值加分，合计不超过 ${rules.goodRecordCap} 分。`,
    `不良信息扣分：每条不良信息按认定时的事项和情形扣分；有多个处罚事项的，同一事项一年内只计一次，取关联记录中的最高等级计分。`,
    `已撤销的不良信息不再公示，也不参与计分；已恢复的不良信息不再公示，但原计分保留；公示期满的不良信息在计分周期内仍参与计分。`,
    `评价等级：AAA ≥ ${g.aaa} 分；AA ${g.aa}–${g.aaa} 分；A ${g.a}–${g.aa} 分；B ${g.b}–${g.a} 分；C < ${g.b} 分（区间含下限、不含上限）。`,
  ];
}
