/**
 * 共享银行统计 as a stacked bar chart. Loaded lazily by the page, so ECharts (only the pieces this
 * chart uses) stays out of every other chunk.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** `label` says in words what the chart shows. */
export default function BankChart({ option, label, height = 320 }: { option: Record<string, unknown>; label: string; height?: number }) {
  return (
    <div role="img" aria-label={label} data-testid="common-fund-bank-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
