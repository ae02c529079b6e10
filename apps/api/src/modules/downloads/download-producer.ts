import { ModuleKey } from '@szpm/contract';
import type { Actor } from '../../access/actor';

/** What a producer is handed for one run. */
export interface DownloadContext {
  /** the requester, loaded afresh from the account (its current grants and scope, not the request's) */
  actor: Actor;
  /** the filter start() was given, as stored (plain JSON); each producer reads its own shape */
  params: any;
  /** the rows the file will have, once known: the list then shows a percentage */
  setTotal(rows: number): void;
  /** the rows written so far (a running total); cheap to call per row, the database is written at most every 1,000 rows or second */
  progress(rowsWritten: number): void;
}

/**
 * A module's background export, registered with DownloadsService.register(kind, producer) in its
 * onModuleInit. `produce` streams one xlsx into `output` (writeXlsx of common/excel/xlsx-export.ts,
 * with its rows wrapped in reportingProgress) and resolves once the workbook is committed; a throw
 * fails the download (an AppException's Chinese message is shown to the requester as is).
 */
export interface DownloadProducer {
  /** the requester needs VIEW on this module, when starting and again when the job runs */
  module: ModuleKey;
  produce(context: DownloadContext, output: NodeJS.WritableStream): Promise<void>;
}

/** The rows of a sheet, reporting the running total to the download as they are written. */
export async function* reportingProgress<T>(rows: AsyncIterable<T> | Iterable<T>, context: Pick<DownloadContext, 'progress'>): AsyncIterable<T> {
  let written = 0;
  for await (const row of rows) {
    yield row;
    written += 1;
    context.progress(written);
  }
  context.progress(written);
}
