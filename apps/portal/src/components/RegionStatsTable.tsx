import type { RegionStats, RegionStatsItem } from '@szpm/contract';
import { Breadcrumb, Button, message, Modal, Table, type ButtonProps } from 'antd';
import { useEffect, useState, type DependencyList, type ReactNode } from 'react';
import { errorMessage } from '../api';
import { drillInto, regionColumnTitle, type DrillStep } from '../logic/inspections';
import { isCityRole } from '../logic/notices';
import { useSession } from '../session';
import { downloadFile } from '../transfer';

/**
 * The region drill-down statistics of every chapter (see libs/contract statistics.ts): the trail of
 * filters (全市/本区 → district → street → community), the table whose region names open the next
 * level and whose numbers open the rows behind them, its 合计 row, and the dialog of those rows.
 */

export type DrillFilter = DrillStep['filter'];

/** The trail of drill-down steps; its last step is the table's filter. */
export interface DrillTrail {
  steps: DrillStep[];
  step: DrillStep;
  filter: DrillFilter;
  /** one level down */
  open: (step: DrillStep) => void;
  /** back to the step at `index` (a breadcrumb) */
  back: (index: number) => void;
}

/** Starts at 全市 for city accounts, else at the account's own district. */
export function useDrillTrail(): DrillTrail {
  const { me } = useSession();
  const [steps, setSteps] = useState<DrillStep[]>(() => [{ filter: {}, name: isCityRole(me?.role) ? '全市' : (me?.districtName ?? '本区') }]);
  const step = steps[steps.length - 1];
  return { steps, step, filter: step.filter, open: (next) => setSteps((s) => [...s, next]), back: (index) => setSteps((s) => s.slice(0, index + 1)) };
}

/** The trail as a breadcrumb: every step but the current one goes back to it. */
export function DrillBreadcrumb({ trail }: { trail: DrillTrail }) {
  const last = trail.steps.length - 1;
  return (
    <Breadcrumb
      items={trail.steps.map((s, index) => ({
        title:
          index < last ? (
            <a href="#" onClick={(e) => (e.preventDefault(), trail.back(index))}>
              {s.name}
            </a>
          ) : (
            s.name
          ),
      }))}
    />
  );
}

/** What `load` last answered (kept while the next one loads; errors shown as a message), reloaded when `deps` change. */
export function useLoaded<T>(load: () => Promise<T>, deps: DependencyList): { data: T | null; loading: boolean } {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    setLoading(true);
    load()
      .then(setData, (e) => message.error(errorMessage(e)))
      .finally(() => setLoading(false));
    // the caller names in `deps` what `load` reads
  }, deps);
  return { data, loading };
}

/** A download with its button's busy state: `busy` is the key of the one under way. */
export function useDownload(): { busy: string | null; download: (key: string, path: string, name: string) => Promise<void> } {
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (key: string, path: string, name: string) => {
    setBusy(key);
    try {
      await downloadFile(path, {}, name);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return { busy, download };
}

/** A link that reads as text inside a table cell. */
export function LinkButton(props: Omit<ButtonProps, 'type' | 'size'>) {
  return <Button type="link" size="small" style={{ padding: 0 }} {...props} />;
}

/** A number that opens the rows behind it: a link named `label` when above 0 and openable, else plain text. */
export function NumberLink({ value, text = String(value), label, onOpen }: { value: number; text?: string; label: string; onOpen?: () => void }) {
  return onOpen && value > 0 ? (
    <LinkButton onClick={onOpen} aria-label={label}>
      {text}
    </LinkButton>
  ) : (
    <span>{text}</span>
  );
}

type NumericKey<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T] & string;

/** A number column of the table (and of its 合计 row). */
export interface StatsColumn<T, C extends string> {
  key: NumericKey<T>;
  title: string;
  width: number;
  /** set: the number opens the rows behind this counter */
  counter?: C;
  /** the number's name in its aria-label and its dialog's title; default `title` */
  label?: string;
  /** how the number reads; default as it is */
  text?: (value: number) => string;
}

/** The number tapped: the row's region (none for 合计) and the counter, named. */
export interface RegionCell<C extends string> {
  regionId?: number;
  regionName: string;
  counter: C;
  label: string;
}

interface RegionStatsTableProps<T, C extends string> {
  id?: string;
  trail: DrillTrail;
  stats: RegionStats<T> | null;
  loading: boolean;
  columns: ReadonlyArray<StatsColumn<T, C>>;
  onOpen: (cell: RegionCell<C>) => void;
  /** the last words of a number's aria-label */
  detail: '查看明细' | '查看项目';
  /** the region name of the 合计 row in its numbers' aria-labels and dialogs */
  totalName?: string;
  regionWidth?: number;
  size?: 'small' | 'middle';
  /** the name at the last level (nothing below it to drill into); default the name as text */
  leaf?: (row: RegionStatsItem<T>) => ReactNode;
}

/** The drill-down table: region names open the next level, numbers their rows, and the 合计 row from `stats.total`. */
export function RegionStatsTable<T, C extends string>({ id, trail, stats, loading, columns, onOpen, detail, totalName = '合计', regionWidth = 180, size = 'small', leaf }: RegionStatsTableProps<T, C>) {
  const number = (region: { regionId?: number; regionName: string }, column: StatsColumn<T, C>, value: number) => {
    const { counter, label = column.title } = column;
    return (
      <NumberLink
        value={value}
        text={column.text?.(value)}
        label={`${region.regionName}${label} ${value}，${detail}`}
        onOpen={counter === undefined ? undefined : () => onOpen({ regionId: region.regionId, regionName: region.regionName, counter, label })}
      />
    );
  };
  const tableColumns = [
    {
      title: regionColumnTitle(stats?.level ?? 'STREET'),
      dataIndex: 'regionName',
      fixed: 'left' as const,
      width: regionWidth,
      render: (name: string, row: RegionStatsItem<T>) => {
        const next = drillInto(trail.filter, row.level, row.regionId);
        if (!next) return leaf ? leaf(row) : name;
        return (
          <LinkButton onClick={() => trail.open({ filter: next, name })} aria-label={`查看${name}的下级统计`}>
            {name}
          </LinkButton>
        );
      },
    },
    ...columns.map((column) => ({ title: column.title, dataIndex: column.key, align: 'right' as const, width: column.width, render: (value: number, row: RegionStatsItem<T>) => number(row, column, value) })),
  ];
  return (
    <Table<RegionStatsItem<T>>
      id={id}
      rowKey="regionId"
      loading={loading}
      columns={tableColumns}
      dataSource={stats?.items ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      size={size}
      summary={() =>
        stats ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            {columns.map((column, i) => (
              <Table.Summary.Cell key={column.key} index={i + 1} align="right">
                {number({ regionName: totalName }, column, stats.total[column.key] as number)}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}

/** The dialog of the rows behind one number, titled `region · number`. */
export function RegionCellModal<C extends string>({ cell, onClose, width = 1200, children }: { cell: RegionCell<C> | null; onClose: () => void; width?: number; children: (cell: RegionCell<C>) => ReactNode }) {
  return (
    <Modal open={cell !== null} onCancel={onClose} footer={null} width={width} title={cell ? `${cell.regionName} · ${cell.label}` : ''} destroyOnClose>
      {cell && children(cell)}
    </Modal>
  );
}
