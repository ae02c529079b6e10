/**
 * The read-statistics charts of 通知发布. Loaded lazily by the pages that draw them, so ECharts
 * (only the pieces these charts use) stays out of every other chunk.
 */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { ChartOption } from '../../logic/notices';

echarts.use([PieChart, BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/** One chart; `label` says in words what it shows (a canvas is opaque to screen readers). */
export default function NoticeChart({ option, label, height = 300 }: { option: ChartOption; label: string; height?: number }) {
  return (
    <div role="img" aria-label={label} data-testid="notice-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
