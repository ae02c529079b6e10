/**
 * 下载列表: exports too large to stream while the officer waits are produced by a background job
 * (文件正在生成，完成后可在下载列表下载); the file is kept for a while and listed to its requester.
 */
export enum DownloadStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
}

export const DOWNLOAD_STATUS_LABELS: Record<DownloadStatus, string> = {
  [DownloadStatus.QUEUED]: '排队中',
  [DownloadStatus.RUNNING]: '生成中',
  [DownloadStatus.DONE]: '已完成',
  [DownloadStatus.FAILED]: '生成失败',
  [DownloadStatus.EXPIRED]: '已过期',
};

export const DOWNLOAD_STARTED_MESSAGE = '文件正在生成，完成后可在下载列表下载';

/** A row of GET /api/downloads (the requester's own files, newest first). */
export interface DownloadView {
  id: number;
  /** the producer, e.g. disputes.ledger */
  kind: string;
  fileName: string;
  status: DownloadStatus;
  statusLabel: string;
  /** rows written so far / rows expected (null before the count is known) */
  rowsWritten: number;
  rowsTotal: number | null;
  /** 0–100 */
  progress: number;
  sizeBytes: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** after this the file is deleted */
  expiresAt: string | null;
}

export enum DownloadErrorCode {
  NOT_READY = 'DOWNLOAD_NOT_READY',
  EXPIRED = 'DOWNLOAD_EXPIRED',
  TOO_MANY_RUNNING = 'DOWNLOAD_TOO_MANY_RUNNING',
  /** the export failed: there is no file (the row's error says why) */
  FAILED = 'DOWNLOAD_FAILED',
}

export const DOWNLOAD_ERROR_MESSAGES: Record<DownloadErrorCode, string> = {
  [DownloadErrorCode.NOT_READY]: '文件还在生成中，请稍后在下载列表下载',
  [DownloadErrorCode.EXPIRED]: '文件已过期，请重新导出',
  [DownloadErrorCode.TOO_MANY_RUNNING]: '您已有导出任务正在生成，请完成后再导出',
  [DownloadErrorCode.FAILED]: '文件生成失败，请重新导出',
};
