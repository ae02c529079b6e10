import { XlsxImportMode, type XlsxImportReport } from '@szpm/contract';

/** The import report in a sentence. */
export function importSummary(report: XlsxImportReport): string {
  const errors = report.errors.length ? `，${report.total - report.valid} 行有错误` : '';
  if (report.dryRun) return `校验完成：共 ${report.total} 行，${report.valid} 行正确${errors}；未导入任何数据`;
  return `导入完成：共 ${report.total} 行，已导入 ${report.imported} 行${errors}`;
}

/** The report a refused import carries (400 ROWS_INVALID answers it in `details`), or null. */
export function reportOf(details: unknown): XlsxImportReport | null {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  const report = details as Partial<XlsxImportReport>;
  return typeof report.total === 'number' && Array.isArray(report.errors) ? (report as XlsxImportReport) : null;
}

/**
 * Whether 确认导入 may be pressed: after a dry run of the file, when every row is right — or, when
 * the officer chose 只导入正确的行, when some row is.
 */
export function importConfirmable(report: Pick<XlsxImportReport, 'dryRun' | 'total' | 'valid' | 'errors'> | null, mode: XlsxImportMode = XlsxImportMode.ALL_OR_NOTHING): boolean {
  if (report === null || !report.dryRun || report.total === 0) return false;
  if (mode === XlsxImportMode.VALID_ROWS) return report.valid > 0;
  return report.errors.length === 0 && report.valid === report.total;
}
