import { QueryFailedError } from 'typeorm';

/** A unique index refused the write (MySQL / MariaDB or SQLite). */
export function isDuplicateKey(error: unknown): error is QueryFailedError {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
