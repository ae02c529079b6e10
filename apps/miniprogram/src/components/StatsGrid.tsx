import { ScrollView, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { opensList, StatsCell, StatsColumn, statValueText, visibleRows } from '../logic/stats-grid';
import { RateBar } from './charts/RateBar';
import './stats.scss';

export type { StatsCell, StatsColumn } from '../logic/stats-grid';

interface Props<R extends C, C> {
  /** ids: `${id}-${rowKey}` (a row's name), `${id}-${rowKey}-${column}` (a number), `${id}-total-${column}` */
  id: string;
  /** the header of the name column: 街道, 单位类别 … */
  nameHeader: string;
  columns: Array<StatsColumn<R, C>>;
  rows: R[];
  rowKey: (row: R) => string | number;
  rowName: (row: R) => string;
  /** tapping a row's name (drill into it); rows for which `canTapRow` is false are plain */
  onTapRow?: (row: R) => void;
  canTapRow?: (row: R) => boolean;
  /** the 合计 row; absent: no 合计 row */
  total?: C;
  /** whether the 合计 row's numbers open lists too (they do when the api can list the whole table) */
  totalOpensList?: boolean;
  emptyText?: string;
  /** fold away rows whose counts are all 0 behind 显示全部 (`${id}-show-all`) */
  hideEmptyRows?: boolean;
}

/** A table of rows (regions, unit categories …) × counters with a 合计 row; numbers open the list behind them. */
export function StatsGrid<R extends C, C>({ id, nameHeader, columns, rows, rowKey, rowName, onTapRow, canTapRow, total, totalOpensList = true, emptyText = '暂无统计数据', hideEmptyRows = false }: Props<R, C>) {
  const [showAll, setShowAll] = useState(false);
  const { shown, hidden } = visibleRows(rows, columns, showAll || !hideEmptyRows);
  const numberCell = (column: StatsColumn<R, C>, row: R | null, counters: C, cellId: string) => {
    const value = counters[column.key] as unknown as number;
    const link = opensList(column, value, row === null, totalOpensList);
    const cell: StatsCell<R, C> = { row, key: column.key, value };
    return (
      <View key={column.key} id={cellId} className={`stats-table__cell${link ? ' stats-table__cell--link' : ''}`} onClick={link ? () => column.onOpenList?.(cell) : undefined}>
        <Text className="stats-table__number">{statValueText(column.kind, value)}</Text>
        {column.kind === 'rate' && <RateBar part={value} whole={100} />}
      </View>
    );
  };

  return (
    <>
      <ScrollView scrollX className="stats-table" id={id}>
        <View className="stats-table__inner">
          <View className="stats-table__row stats-table__row--head">
            <View className="stats-table__name">
              <Text>{nameHeader}</Text>
            </View>
            {columns.map((column) => (
              <View key={column.key} className="stats-table__cell">
                <Text>{column.label}</Text>
              </View>
            ))}
          </View>
          {rows.length === 0 && (
            <View className="stats-table__row">
              <Text className="muted stats-table__empty">{emptyText}</Text>
            </View>
          )}
          {rows.length > 0 && shown.length === 0 && (
            <View className="stats-table__row">
              <Text className="muted stats-table__empty">各{nameHeader}的数据均为 0</Text>
            </View>
          )}
          {shown.map((row) => {
            const key = rowKey(row);
            const tappable = !!onTapRow && (canTapRow?.(row) ?? true);
            return (
              <View key={key} className="stats-table__row">
                <View id={`${id}-${key}`} className={`stats-table__name${tappable ? ' stats-table__name--link' : ''}`} onClick={tappable ? () => onTapRow?.(row) : undefined}>
                  <Text>{rowName(row)}</Text>
                  {tappable && <Text className="stats-table__arrow"> ›</Text>}
                </View>
                {columns.map((column) => numberCell(column, row, row, `${id}-${key}-${column.key}`))}
              </View>
            );
          })}
          {total && (
            <View className="stats-table__row stats-table__row--total" id={`${id}-total`}>
              <View className="stats-table__name">
                <Text>合计</Text>
              </View>
              {columns.map((column) => numberCell(column, null, total, `${id}-total-${column.key}`))}
            </View>
          )}
        </View>
      </ScrollView>
      {hideEmptyRows && (hidden > 0 || showAll) && (
        <View className="stats-table__toggle" id={`${id}-show-all`} onClick={() => setShowAll(!showAll)}>
          <Text>{showAll ? '收起数据为 0 的行' : `显示全部（另有 ${hidden} 行数据为 0）`}</Text>
        </View>
      )}
    </>
  );
}
