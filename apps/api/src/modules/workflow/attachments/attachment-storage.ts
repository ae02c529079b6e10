import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';

/** Where attachment bytes live; the metadata is the `attachments` table. */
export interface AttachmentStorage {
  put(key: string, content: Buffer): Promise<void>;
  open(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

/** Keys are server-made (`2026/11/<uuid>`), never from a file name; the check below is a second line of defence. */
const KEY = /^[0-9]{4}\/[0-9]{2}\/[0-9a-f-]{36}$/;

/** The default storage: files under a local directory (DATA_DIR/attachments). */
export class LocalDiskAttachmentStorage implements AttachmentStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid attachment key ${key}`);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`attachment key ${key} leaves the storage directory`);
    return path;
  }

  async put(key: string, content: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // written under a temporary name and renamed, so a reader never sees half a file
    const temporary = `${path}.part`;
    await writeFile(temporary, content, { mode: 0o640 });
    await rename(temporary, path);
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path);
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  static under(dataDir: string): LocalDiskAttachmentStorage {
    return new LocalDiskAttachmentStorage(join(dataDir, 'attachments'));
  }
}
