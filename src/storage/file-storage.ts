import { Inject } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { FileHandle, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';

/**
 * Where uploaded files (佐证资料, register imports) keep their bytes. One machine: a local folder;
 * several machines: an object store behind the same calls, provided under `FILE_STORAGE`.
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** For files too large to hold in memory (a county's register): the bytes stream through. */
  putStream(key: string, data: Readable): Promise<void>;
  /** Rejects at once for a key that does not exist. */
  getStream(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');
/** Injects the file storage: `constructor(@InjectFileStorage() storage: FileStorage)`. */
export const InjectFileStorage = (): ParameterDecorator => Inject(FILE_STORAGE);

/** Keys are made by the server (never from a client's file name): plain path segments only. */
const SAFE_KEY = /^[\w-]+(\/[\w.-]+)*$/;

export class LocalFileStorage implements FileStorage {
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  put(key: string, data: Buffer): Promise<void> {
    return this.writeAside(key, (file) => file.writeFile(data));
  }

  putStream(key: string, data: Readable): Promise<void> {
    return this.writeAside(key, async (file) => {
      for await (const chunk of data) await file.write(chunk);
    });
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  /** Opened before it is handed out, so a missing file is a rejection here rather than an 'error' event mid-read. */
  async getStream(key: string): Promise<Readable> {
    const file = await open(this.pathOf(key));
    return file.createReadStream();
  }

  /** Deleting a key that is already gone is not an error, so a cleanup may run twice. */
  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Written aside, flushed, then renamed: a crash leaves at most a stray .tmp, never half a file under the key. */
  private async writeAside(key: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const file = await open(temp, 'wx');
      try {
        await write(file);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`refusing unsafe storage key "${key}"`);
    return join(this.root, key);
  }
}
