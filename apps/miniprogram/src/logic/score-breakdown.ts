import { ScoreDetail, ScoreLine, ScoreLineKind } from '@szpm/contract';

export interface ScoreSection {
  kind: 'BASIC' | 'GOOD' | 'BAD';
  title: string;
  /** the section's contribution to the total */
  points: number;
  lines: ScoreLine[];
}

/** 基础信息得分 / 良好信息得分 / 不良信息得分 with the lines (and rules) behind each. */
export function scoreSections(detail: Pick<ScoreDetail, 'basicScore' | 'goodScore' | 'badScore' | 'lines'>): ScoreSection[] {
  const of = (...kinds: ScoreLineKind[]) => detail.lines.filter((l) => kinds.includes(l.kind));
  return [
    { kind: 'BASIC', title: '基础信息得分', points: detail.basicScore, lines: of(ScoreLineKind.BASIC) },
    { kind: 'GOOD', title: '良好信息得分', points: detail.goodScore, lines: of(ScoreLineKind.GOOD_RECORD, ScoreLineKind.GOOD_RECORD_CAP) },
    { kind: 'BAD', title: '不良信息得分', points: detail.badScore, lines: of(ScoreLineKind.BAD_RECORD) },
  ];
}

/** The lines that explain the total and the grade. */
export function summaryLines(detail: Pick<ScoreDetail, 'lines'>): ScoreLine[] {
  return detail.lines.filter((l) => l.kind === ScoreLineKind.TOTAL || l.kind === ScoreLineKind.GRADE);
}
