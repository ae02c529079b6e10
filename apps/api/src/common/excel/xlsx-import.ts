import { XlsxImportErrorCode, XlsxImportMode, XlsxImportReport, XlsxImportRowError } from '@szpm/contract';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import ExcelJS from 'exceljs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AppException } from '../errors/app.exception';
import { validationDetails } from '../validation/validation.pipe';
import { XLSX_CONTENT_TYPE } from './xlsx-export';
import { XlsxImportException } from './xlsx-import.exception';
import { CellInput, CellParseError, SheetSpec } from './xlsx-sheet';

/**
 * The import side of a sheet specification: the upload is checked (type, header, row cap), every
 * row is read from exceljs' streaming reader and validated with the row DTO's class-validator
 * rules — the API's own, with its Chinese messages naming the column instead of the field — and
 * the valid rows are then written in one transaction (see importRows).
 */

/** The part of multer's file an import reads. */
export interface UploadedXlsx {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface ParsedRow<D> {
  /** the spreadsheet's row number */
  row: number;
  value: D;
}

export interface ParsedSheet<D> {
  /** non-empty data rows */
  total: number;
  /** the rows that passed validation, in file order */
  rows: Array<ParsedRow<D>>;
  errors: XlsxImportRowError[];
}

/** Browsers send .xlsx as its own type; some clients (wx.uploadFile, curl -F) only as bytes. */
const ACCEPTED_TYPES = new Set([XLSX_CONTENT_TYPE, 'application/octet-stream']);
/** an .xlsx is a zip archive: local file header "PK\x03\x04" */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function assertXlsxFile(file: UploadedXlsx | undefined): asserts file is UploadedXlsx {
  if (!file) throw AppException.invalidField('file', '请以multipart/form-data的file字段上传一个Excel（.xlsx）文件');
  const isXlsx =
    extname(file.originalname).toLowerCase() === '.xlsx' &&
    ACCEPTED_TYPES.has(file.mimetype.toLowerCase()) &&
    file.buffer.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE);
  if (!isXlsx) throw new XlsxImportException(XlsxImportErrorCode.NOT_XLSX);
}

/** Compares the header row with the specification: every column by its label, in any order. */
export function matchHeader<T>(spec: SheetSpec<T, object>, header: CellInput[]): Map<string, number> {
  const positions = new Map<string, number>();
  const problems: Array<{ field: string; message: string; constraint: string }> = [];
  const known = new Set(spec.columns.map((c) => c.header));
  header.forEach((cell, index) => {
    const label = cell === null ? '' : String(cell).trim();
    if (!label) return;
    if (!known.has(label)) problems.push({ field: label, message: `无法识别的列“${label}”`, constraint: 'unknownColumn' });
    else if (positions.has(label)) problems.push({ field: label, message: `列“${label}”出现了不止一次`, constraint: 'duplicateColumn' });
    else positions.set(label, index);
  });
  for (const column of spec.columns) {
    if (!positions.has(column.header)) problems.push({ field: column.header, message: `缺少列“${column.header}”`, constraint: 'missingColumn' });
  }
  if (problems.length) {
    throw new XlsxImportException(XlsxImportErrorCode.HEADER_MISMATCH, { message: `表头与导入模板不一致：${problems.map((p) => p.message).join('；')}`, details: problems });
  }
  return positions;
}

/** A cell's value reduced to what a column parses: rich text to its text, a formula to its result. */
export function cellInput(value: unknown): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell) return cellInput(cell.result);
    if ('text' in cell) return cellInput(cell.text);
    if ('error' in cell) return String(cell.error);
  }
  return null;
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]] = value;
}

/** Validates one row's cells (in the specification's column order) into its DTO, or its errors. */
export async function parseRow<T, D extends object>(spec: SheetSpec<T, D>, rowNumber: number, cells: CellInput[]): Promise<{ value: D | null; errors: XlsxImportRowError[] }> {
  const errors: XlsxImportRowError[] = [];
  const plain: Record<string, unknown> = {};
  spec.columns.forEach((column, index) => {
    try {
      const value = column.parse(cells[index] ?? null);
      if (value !== undefined) setAt(plain, column.key, value);
    } catch (error) {
      if (!(error instanceof CellParseError)) throw error;
      errors.push({ row: rowNumber, column: column.header, message: error.message });
    }
  });
  // a missing nested object (`item`) is named by its first column
  const headerOf = (field: string) => (spec.columns.find((c) => c.key === field) ?? spec.columns.find((c) => c.key.startsWith(`${field}.`)))?.header ?? field;
  // the global ValidationPipe's options: no implicit conversion, unknown fields refused
  const instance = plainToInstance(spec.rowDto, plain, { enableImplicitConversion: false });
  const failures = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  for (const detail of validationDetails(failures, headerOf)) {
    const column = headerOf(detail.field);
    // a cell that could not be read is reported once, by its reader, not again as missing
    if (!errors.some((e) => e.column === column)) errors.push({ row: rowNumber, column, message: detail.message });
  }
  const order = (column: string) => spec.columns.findIndex((c) => c.header === column);
  errors.sort((a, b) => order(a.column) - order(b.column));
  return { value: errors.length ? null : instance, errors };
}

/**
 * Reads the first worksheet of the upload as a stream. Refuses a file that is no xlsx, whose header
 * does not match the specification, or that has more than `maxRows` data rows; empty rows are skipped.
 */
export async function readXlsxSheet<T, D extends object>(spec: SheetSpec<T, D>, file: UploadedXlsx | undefined, limits: { maxRows: number }): Promise<ParsedSheet<D>> {
  assertXlsxFile(file);
  const parsed: ParsedSheet<D> = { total: 0, rows: [], errors: [] };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file.buffer), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // dates are told from numbers by their cell style
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let positions: Map<string, number> | null = null;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = (row.values as unknown[]).map(cellInput);
        if (!positions) {
          // the header is row 1; a sheet whose first row is further down has none
          positions = matchHeader(spec, row.number === 1 ? values.slice(1) : []);
          if (row.number === 1) continue;
        }
        const cells = spec.columns.map((column) => values[positions!.get(column.header)! + 1] ?? null);
        if (cells.every((cell) => cell === null || (typeof cell === 'string' && !cell.trim()))) continue;
        if (++parsed.total > limits.maxRows) {
          throw new XlsxImportException(XlsxImportErrorCode.TOO_MANY_ROWS, { message: `导入文件最多${limits.maxRows}行数据，请分批导入`, details: { maxRows: limits.maxRows } });
        }
        const { value, errors } = await parseRow(spec, row.number, cells);
        if (value) parsed.rows.push({ row: row.number, value });
        parsed.errors.push(...errors);
      }
      break; // the first worksheet is the sheet; others (notes, lookups) are not read
    }
  } catch (error) {
    if (error instanceof AppException) throw error;
    throw new XlsxImportException(XlsxImportErrorCode.NOT_XLSX, { message: '文件无法读取，请确认是Excel工作簿（.xlsx）且未损坏' });
  }
  if (!positions) matchHeader(spec, []);
  return parsed;
}

/** Moves rows that a check across rows refuses (duplicates, disagreeing repeats) from the valid rows to the errors. */
export function rejectRows<D>(sheet: ParsedSheet<D>, errors: XlsxImportRowError[]): void {
  const refused = new Set(errors.map((e) => e.row));
  sheet.rows = sheet.rows.filter((r) => !refused.has(r.row));
  sheet.errors.push(...errors);
}

/** A row the writer refuses (a service rule); `column` is the header of the offending cell. */
export class XlsxRowError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs one service call of a row's write; a refusal it raises (4xx AppException) becomes a row error
 * on the column of the field it names (`columnOfField`: DTO field → header), else on `fallbackColumn`.
 */
export async function attributeTo<R>(columnOfField: Record<string, string>, fallbackColumn: string, write: () => Promise<R>): Promise<R> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof AppException) || error.status >= 500) throw error;
    const field = Array.isArray(error.details) ? (error.details[0] as { field?: string } | undefined)?.field : undefined;
    throw new XlsxRowError((field && columnOfField[field]) || fallbackColumn, error.message);
  }
}

/** ends the import's transaction without writing: a dry run, or all-or-nothing with a refused row */
class RollBack extends Error {}

/** The report of an import and its refusal (400 with the report; a dry run answers the report instead). */
function reporting<D>(sheet: ParsedSheet<D>, options: { dryRun: boolean }) {
  const errors = [...sheet.errors];
  const report = (imported: number): XlsxImportReport => ({
    dryRun: options.dryRun,
    total: sheet.total,
    valid: sheet.total - new Set(errors.map((e) => e.row)).size,
    imported,
    errors: [...errors].sort((a, b) => a.row - b.row),
  });
  const refuse = () => {
    if (options.dryRun) return report(0);
    throw new XlsxImportException(XlsxImportErrorCode.ROWS_INVALID, { details: { ...report(0) } });
  };
  return { errors, report, refuse };
}

/**
 * For an import of many rows that writes them in bulk (multi-row inserts rather than one service
 * call per row): `check` turns each valid row into what will be written, or refuses it with an
 * XlsxRowError, touching no table; then `writeAll` writes the accepted rows at once (in its own
 * transaction). Reports, dry runs and the two modes are exactly importRows's.
 */
export async function importCheckedRows<D, A>(
  sheet: ParsedSheet<D>,
  options: { dryRun: boolean; mode: XlsxImportMode },
  check: (row: ParsedRow<D>) => A | Promise<A>,
  writeAll: (accepted: A[]) => Promise<void>,
): Promise<XlsxImportReport> {
  const { errors, report, refuse } = reporting(sheet, options);
  if (options.mode === XlsxImportMode.ALL_OR_NOTHING && errors.length) return refuse();
  const accepted: A[] = [];
  for (const row of sheet.rows) {
    try {
      accepted.push(await check(row));
    } catch (error) {
      if (!(error instanceof XlsxRowError)) throw error;
      errors.push({ row: row.row, column: error.column, message: error.message });
    }
  }
  if (options.mode === XlsxImportMode.ALL_OR_NOTHING && errors.length) return refuse();
  if (options.dryRun) return report(0);
  if (accepted.length) await writeAll(accepted);
  return report(accepted.length);
}

/**
 * Writes the valid rows in one transaction, each row through the same service call as a single
 * create or update. `all-or-nothing`: one bad row (read or refused by a service rule) writes
 * nothing, and without dryRun answers 400 with the report. `valid-rows`: a refused row is rolled
 * back to its savepoint and reported; the others are written. A dry run goes through the same
 * writes and rolls them all back, so it reports exactly what the import would.
 */
export async function importRows<D>(
  dataSource: DataSource,
  sheet: ParsedSheet<D>,
  options: { dryRun: boolean; mode: XlsxImportMode },
  write: (manager: EntityManager, row: ParsedRow<D>) => Promise<void>,
): Promise<XlsxImportReport> {
  const { errors, report, refuse } = reporting(sheet, options);
  if (options.mode === XlsxImportMode.ALL_OR_NOTHING && errors.length) return refuse();

  let written = 0;
  try {
    await dataSource.transaction(async (manager) => {
      for (const row of sheet.rows) {
        try {
          // a savepoint per row: a row refused half-way leaves nothing of itself behind
          await manager.transaction((rowManager) => write(rowManager, row));
          written++;
        } catch (error) {
          if (!(error instanceof XlsxRowError)) throw error;
          errors.push({ row: row.row, column: error.column, message: error.message });
        }
      }
      if (options.dryRun || (errors.length && options.mode === XlsxImportMode.ALL_OR_NOTHING)) throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    if (errors.length && options.mode === XlsxImportMode.ALL_OR_NOTHING) return refuse();
    return report(0);
  }
  return report(written);
}
