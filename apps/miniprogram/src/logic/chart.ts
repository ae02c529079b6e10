import { percentOf } from './format';

/** One part of a whole (已读 / 未读, 已绑定 / 未绑定 …) with its colour. */
export interface ChartSegment {
  label: string;
  value: number;
  color: string;
}

/** The colours of the charts and bars, as app.scss: done / to do / late. */
export const CHART_COLORS = { done: '#1f5fbf', pending: '#c9d3e0', warning: '#d46b08', danger: '#d4380d' } as const;

/** The ring chart's numbers: segments without a value are left out; null when there is nothing to draw. */
export function ringData(segments: ChartSegment[]): { total: number; series: Array<{ name: string; value: number; color: string }> } | null {
  const drawn = segments.filter((s) => s.value > 0);
  const total = drawn.reduce((sum, s) => sum + s.value, 0);
  if (total === 0) return null;
  return { total, series: drawn.map((s) => ({ name: s.label, value: s.value, color: s.color })) };
}

/** The words under a ring: 已读 12（75%）, one per segment, zeros included so that nothing is hidden. */
export function legendText(segment: ChartSegment, total: number): string {
  const percent = percentOf(segment.value, total);
  return percent === null ? `${segment.label} ${segment.value}` : `${segment.label} ${segment.value}（${percent}%）`;
}
