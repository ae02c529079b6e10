import { StreamableFile } from '@nestjs/common';
import { ClassConstructor } from 'class-transformer';
import { XlsxCellValue, XlsxColumn, xlsxDownload } from './xlsx-export';

/**
 * One column specification per sheet: the template download, the export and the import are all
 * made from it, so the three cannot drift apart. A column names its header, the path of its value
 * (in the row DTO the import validates, and by default in the exported row), how a value is
 * written into a cell and how a cell is read back.
 */

/** A cell as the import reads it (rich text, formulas and hyperlinks are reduced to their text or result). */
export type CellInput = string | number | boolean | Date | null;

/** A cell that cannot be read as its column's value; the import reports `message` for the cell. */
export class CellParseError extends Error {}

export interface SheetColumn<T> {
  header: string;
  /** dot path of the value in the row DTO, e.g. `item.code` */
  key: string;
  width?: number;
  /** how to fill the column: a note on the header cell */
  hint?: string;
  /** the only texts the column takes: a drop-down list in the template and the export */
  choices?: readonly string[];
  /** the cell of an exported row */
  format: (row: T) => XlsxCellValue;
  /** the DTO value of a cell; `undefined` leaves the key out (an empty optional cell); throws CellParseError */
  parse: (cell: CellInput) => unknown;
}

export interface SheetSpec<T, D extends object> {
  /** the tab's name in the template and the export */
  sheetName: string;
  /** workbook title (Excel 文件 → 信息) */
  title: string;
  columns: Array<SheetColumn<T>>;
  /** the DTO whose class-validator rules (the API's own) validate an imported row */
  rowDto: ClassConstructor<D>;
}

type ColumnOptions<T> = Pick<SheetColumn<T>, 'width' | 'hint'> & { format?: SheetColumn<T>['format'] };

export function valueAt(row: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (value === null || value === undefined ? undefined : (value as Record<string, unknown>)[part]), row);
}

const isBlank = (cell: CellInput) => cell === null || (typeof cell === 'string' && cell.trim() === '');

function cellText(cell: CellInput): string {
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim();
}

/** Text; an empty cell is left out. Numbers typed into a text column (a code `123`) are read as text. */
export function textColumn<T>(header: string, key: string, options: ColumnOptions<T> = {}): SheetColumn<T> {
  return {
    header,
    key,
    width: options.width ?? 20,
    hint: options.hint,
    format: options.format ?? ((row) => (valueAt(row, key) as XlsxCellValue) ?? null),
    parse: (cell) => (isBlank(cell) ? undefined : cellText(cell)),
  };
}

/**
 * A number; a numeric text is read as its number, anything else is handed to the DTO as it is,
 * so its rule (IsInt, Min, Max…) reports it with the API's message.
 */
export function numberColumn<T>(header: string, key: string, options: ColumnOptions<T> = {}): SheetColumn<T> {
  return {
    header,
    key,
    width: options.width ?? 12,
    hint: options.hint,
    format: options.format ?? ((row) => (valueAt(row, key) as XlsxCellValue) ?? null),
    parse: (cell) => {
      if (isBlank(cell)) return undefined;
      if (typeof cell === 'number') return cell;
      const text = cellText(cell);
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    },
  };
}

/**
 * One of a few values, written as its Chinese label (a drop-down in the template). The raw value
 * (`COMPANY`) is accepted too; `blank` is what an empty cell means (default: left out).
 */
export function choiceColumn<T, V extends string | number | boolean>(
  header: string,
  key: string,
  labels: ReadonlyArray<readonly [V, string]>,
  options: ColumnOptions<T> & { blank?: V | null } = {},
): SheetColumn<T> {
  const choices = labels.map(([, label]) => label);
  return {
    header,
    key,
    width: options.width ?? 14,
    hint: options.hint,
    choices,
    format:
      options.format ??
      ((row) => {
        const value = valueAt(row, key);
        return labels.find(([v]) => v === value)?.[1] ?? null;
      }),
    parse: (cell) => {
      if (isBlank(cell)) return options.blank;
      const text = cellText(cell);
      const found = labels.find(([value, label]) => label === text || String(value) === text || value === cell);
      if (!found) throw new CellParseError(`${header}只能填写：${choices.join('、')}`);
      return found[0];
    },
  };
}

/**
 * A calendar-day column: written as the text YYYY-MM-DD (so an export imports back as the same
 * day); read from a date cell (Excel's own dates), YYYY-MM-DD or YYYY/M/D text. Anything else is
 * handed to the DTO as it came, so its IsCalendarDate rule names the column with the API's message.
 */
export function dateColumn<T>(header: string, key: string, options: ColumnOptions<T> = {}): SheetColumn<T> {
  return {
    header,
    key,
    width: options.width ?? 12,
    hint: options.hint,
    format: options.format ?? ((row) => (valueAt(row, key) as XlsxCellValue) ?? null),
    parse: (cell) => {
      if (isBlank(cell)) return undefined;
      // exceljs reads a date cell as midnight UTC of that day
      if (cell instanceof Date) {
        if (Number.isNaN(cell.getTime())) throw new CellParseError(`${header}不是有效的日期`);
        return cell.toISOString().slice(0, 10);
      }
      if (typeof cell !== 'string') return cell;
      const text = cell.trim();
      const slashed = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
      return slashed ? `${slashed[1]}-${slashed[2].padStart(2, '0')}-${slashed[3].padStart(2, '0')}` : text;
    },
  };
}

/** 是 / 否 (TRUE / FALSE typed as an Excel boolean are accepted too). */
export function yesNoColumn<T>(header: string, key: string, options: ColumnOptions<T> = {}): SheetColumn<T> {
  return choiceColumn<T, boolean>(header, key, [[true, '是'], [false, '否']], { width: 10, ...options });
}

/** The columns as the xlsx writer takes them. */
export function writerColumns<T>(spec: SheetSpec<T, object>): Array<XlsxColumn<T>> {
  return spec.columns.map((column) => ({ header: column.header, width: column.width, value: column.format, note: column.hint, choices: column.choices }));
}

/** The empty template: the header row with its notes and drop-downs. */
export function xlsxTemplateDownload<T>(spec: SheetSpec<T, object>, fileName: string): StreamableFile {
  return xlsxDownload(fileName, { title: `${spec.title}导入模板`, sheets: [{ name: spec.sheetName, columns: writerColumns(spec), rows: () => [] }] });
}

/** The export: the same header row and one row per source row, streamed; it imports back unchanged. */
export function xlsxSheetDownload<T>(spec: SheetSpec<T, object>, fileName: string, rows: () => AsyncIterable<T> | Iterable<T>): StreamableFile {
  return xlsxDownload(fileName, { title: spec.title, sheets: [{ name: spec.sheetName, columns: writerColumns(spec), rows }] });
}
