import { Inject } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/**
 * Where uploaded files (佐证资料) keep their bytes. One machine: a local folder; several machines: an
 * object store behind the same three calls, provided under `FILE_STORAGE`.
 */
export interface FileStorage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
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

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside, flushed, then renamed: a crash leaves at most a stray .tmp, never half a file under the key.
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const file = await open(temp, 'wx');
      try {
        await file.writeFile(data);
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

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  /** Deleting a key that is already gone is not an error, so a cleanup may run twice. */
  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`refusing unsafe storage key "${key}"`);
    return join(this.root, key);
  }
}
