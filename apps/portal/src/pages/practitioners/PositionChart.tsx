/**
 * The position distribution of 从业人员信息 as a pie. Loaded lazily by the page, so ECharts (only
 * the pieces this chart uses) stays out of every other chunk.
 */
import { PieChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([PieChart, LegendComponent, TooltipComponent, CanvasRenderer]);

/** `label` says in words what the chart shows (a canvas is opaque to screen readers). */
export default function PositionChart({ option, label, height = 260 }: { option: Record<string, unknown>; label: string; height?: number }) {
  return (
    <div role="img" aria-label={label} data-testid="practitioner-position-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
