import { DOWNLOAD_STATUS_LABELS, DownloadStatus, DownloadView, rate } from '@szpm/contract';
import type { DownloadFile } from './entities';

/** 0–100: rows written of rows expected (0 while the total is unknown), 100 once the file is done. */
export function downloadProgress(row: Pick<DownloadFile, 'status' | 'rowsWritten' | 'rowsTotal'>): number {
  if (row.status === DownloadStatus.DONE) return 100;
  if (row.rowsTotal === null) return 0;
  return Math.min(100, rate(row.rowsWritten, row.rowsTotal));
}

export function toDownloadView(row: DownloadFile): DownloadView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    status: row.status,
    statusLabel: DOWNLOAD_STATUS_LABELS[row.status],
    rowsWritten: row.rowsWritten,
    rowsTotal: row.rowsTotal,
    progress: downloadProgress(row),
    sizeBytes: row.sizeBytes,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
  };
}

/** The name the file downloads under: always .xlsx, at most the column's 200 characters, no path separators. */
export function downloadFileName(requested: string): string {
  const cleaned = requested.trim().replace(/[\\/\u0000-\u001f]/g, '_') || '导出';
  const base = cleaned.endsWith('.xlsx') ? cleaned.slice(0, -'.xlsx'.length) : cleaned;
  return `${[...base].slice(0, 195).join('')}.xlsx`;
}
