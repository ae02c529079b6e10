import { Logger, StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import { contentDisposition } from '../http/content-disposition';

/**
 * The one place the API writes Excel workbooks (chapters.md: exports live once). Workbooks are
 * streamed: rows come from an async source (a query read in batches) and go out through exceljs'
 * streaming writer as they are made, so a ledger of any size never sits in memory whole.
 */

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type XlsxCellValue = string | number | boolean | null | undefined;

export interface XlsxColumn<T> {
  header: string;
  /** character width; default 14 */
  width?: number;
  value: (row: T) => XlsxCellValue;
  /** a note on the header cell: how to fill the column */
  note?: string;
  /** the only values the column takes: a drop-down list on its data cells */
  choices?: readonly string[];
}

export interface XlsxSheet<T> {
  /** the tab's name (Excel allows at most 31 characters and none of \ / ? * [ ] :) */
  name: string;
  columns: Array<XlsxColumn<T>>;
  /** the sheet's rows in order; called when the sheet's turn comes, so later sheets query later */
  rows: () => AsyncIterable<T> | Iterable<T>;
}

export interface XlsxWorkbookSpec {
  /** workbook properties shown by Excel (文件 → 信息) */
  title?: string;
  creator?: string;
  // the sheets of one workbook have different row types
  sheets: Array<XlsxSheet<any>>;
}

const logger = new Logger('XlsxExport');

/**
 * Data rows a column's drop-down covers. Not the whole sheet: readers (exceljs among them) expand a
 * validation range into one entry per cell. Beyond it the import's own check still applies.
 */
const DROP_DOWN_ROWS = 10_000;

function safeSheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:]/g, ' ').trim();
  return [...cleaned].slice(0, 31).join('') || 'Sheet1';
}

/** Writes the workbook to `output`, row by row; resolves when the last byte is handed over. */
export async function writeXlsx(output: NodeJS.WritableStream, spec: XlsxWorkbookSpec): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output as unknown as import('stream').Stream, useStyles: true, useSharedStrings: false });
  workbook.creator = spec.creator ?? '深圳市物业管理信息平台';
  if (spec.title) workbook.title = spec.title;
  workbook.created = new Date();
  for (const sheet of spec.sheets) {
    const worksheet = workbook.addWorksheet(safeSheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column, index) => ({ header: column.header, key: `c${index}`, width: column.width ?? 14 }));
    const header = worksheet.getRow(1);
    header.font = { bold: true };
    sheet.columns.forEach((column, index) => {
      if (column.note) header.getCell(index + 1).note = column.note;
      if (column.choices?.length) {
        const letter = worksheet.getColumn(index + 1).letter;
        // exceljs' streaming worksheet keeps sheet-level validations (its typings only declare per-cell ones)
        (worksheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${DROP_DOWN_ROWS + 1}`, {
          type: 'list',
          allowBlank: true,
          formulae: [`"${column.choices.join(',')}"`],
          showErrorMessage: true,
          errorTitle: column.header,
          error: `请从下拉列表中选择：${column.choices.join('、')}`,
        });
      }
    });
    header.commit();
    for await (const row of sheet.rows()) {
      worksheet.addRow(sheet.columns.map((column) => normalise(column.value(row)))).commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}

function normalise(value: XlsxCellValue): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** The workbook as a readable stream; a failure half-way ends the stream with the error (the download breaks off). */
export function xlsxStream(spec: XlsxWorkbookSpec): Readable {
  const stream = new PassThrough();
  writeXlsx(stream, spec).catch((error: Error) => {
    logger.error(`export "${spec.title ?? spec.sheets[0]?.name}" failed: ${error.message}`);
    stream.destroy(error);
  });
  return stream;
}

/**
 * A download for a controller to return: the streamed workbook with its content type and a
 * Content-Disposition carrying the Chinese file name (RFC 6266 / 5987, with an ASCII fallback).
 */
export function xlsxDownload(fileName: string, spec: XlsxWorkbookSpec): StreamableFile {
  const name = fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`;
  return new StreamableFile(xlsxStream(spec), { type: XLSX_CONTENT_TYPE, disposition: contentDisposition(name) });
}

/** Reads rows of any source in pages: `fetch(after)` returns the next batch after a cursor, empty at the end. */
export async function* inBatches<T, C>(fetch: (after: C | null) => Promise<T[]>, cursorOf: (row: T) => C): AsyncIterable<T> {
  let after: C | null = null;
  for (;;) {
    const batch = await fetch(after);
    if (!batch.length) return;
    yield* batch;
    after = cursorOf(batch[batch.length - 1]);
  }
}
