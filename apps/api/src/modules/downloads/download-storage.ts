import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';

/** A finished file's key: `<downloadId>-<run>.xlsx`, made by the server, never from a file name. */
const KEY = /^[1-9]\d*-[1-9]\d*\.xlsx$/;

/**
 * Where the background exports live: DATA_DIR/downloads (beside DATA_DIR/attachments; a separate
 * worker needs the same DATA_DIR). A run writes under downloads/.tmp and renames the finished file
 * into place, so the directory only ever holds whole files.
 */
export class DownloadStorage {
  readonly root: string;
  private readonly temporaryDir: string;

  constructor(dataDir: string) {
    this.root = resolve(join(dataDir, 'downloads'));
    this.temporaryDir = join(this.root, '.tmp');
  }

  keyOf(downloadId: number, run: number): string {
    return `${downloadId}-${run}.xlsx`;
  }

  temporaryPathOf(downloadId: number, run: number): string {
    return join(this.temporaryDir, `${this.keyOf(downloadId, run)}.part`);
  }

  async createTemporary(downloadId: number, run: number): Promise<{ path: string; stream: WriteStream }> {
    await mkdir(this.temporaryDir, { recursive: true });
    const path = this.temporaryPathOf(downloadId, run);
    return { path, stream: createWriteStream(path, { mode: 0o640 }) };
  }

  /** moves a finished temporary file into place; answers its size */
  async commit(temporaryPath: string, key: string): Promise<number> {
    const path = this.pathOf(key);
    const { size } = await stat(temporaryPath);
    await rename(temporaryPath, path);
    return size;
  }

  /** the file and its size; ENOENT when it is gone */
  async open(key: string): Promise<{ content: Readable; size: number }> {
    const path = this.pathOf(key);
    const { size } = await stat(path);
    return { content: createReadStream(path), size };
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async removeTemporary(downloadId: number, run: number): Promise<void> {
    await rm(this.temporaryPathOf(downloadId, run), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid download key ${key}`);
    return join(this.root, key);
  }
}
