/**
 * 住宅小区车位纠纷类型情况 as a bar chart. Loaded lazily by the page, so ECharts (only the pieces this
 * chart uses) stays out of every other chunk.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** `label` says in words what the chart shows (a canvas is opaque to screen readers). */
export default function DisputeChart({ option, label, height = 280 }: { option: Record<string, unknown>; label: string; height?: number }) {
  return (
    <div role="img" aria-label={label} data-testid="parking-dispute-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
