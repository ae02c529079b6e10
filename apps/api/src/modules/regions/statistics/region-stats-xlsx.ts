import { REGION_STATS_CHILD_LEVEL_LABELS, RegionStats } from '@szpm/contract';
import { XlsxCellValue, XlsxSheet } from '../../../common/excel/xlsx-export';

/** One counter column of an exported table. */
export interface RegionStatsColumn<C> {
  header: string;
  width?: number;
  value: (row: C) => XlsxCellValue;
}

interface TableRow<C> {
  regionName: string;
  counts: C;
}

/**
 * The sheet of exactly the table on screen: a first column naming the child region (行政区 / 街道 /
 * 社区 / 物业项目), one column per counter, and the 合计 row last. Stream it with xlsxDownload.
 */
export function regionStatsSheet<C extends object>(name: string, stats: RegionStats<C>, columns: Array<RegionStatsColumn<C>>): XlsxSheet<TableRow<C>> {
  const rows: Array<TableRow<C>> = [...stats.items.map((item) => ({ regionName: item.regionName, counts: item as C })), { regionName: '合计', counts: stats.total }];
  return {
    name,
    columns: [
      { header: REGION_STATS_CHILD_LEVEL_LABELS[stats.level], width: stats.level === 'PROPERTY_AREA' ? 32 : 16, value: (row) => row.regionName },
      ...columns.map((column) => ({ header: column.header, width: column.width, value: (row: TableRow<C>) => column.value(row.counts) })),
    ],
    rows: () => rows,
  };
}
