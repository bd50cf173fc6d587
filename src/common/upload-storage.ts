import type { MulterModuleOptions } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../config/config';

/** Where multipart uploads land while they are checked: beside the file storage, on the same disk. */
export function uploadFolder(config: AppConfig): string {
  return join(config.storageDir, '.uploads');
}

/**
 * Multer options for one file (field `file`) of at most `maxBytes`, streamed to the upload folder
 * (never whole into memory; larger files are cut off with 413 as they arrive). Browsers send UTF-8
 * file names without saying so (multer assumes latin1). Whoever handles the file removes it.
 */
export function diskUploadOptions(config: AppConfig, maxBytes: number): MulterModuleOptions {
  const folder = uploadFolder(config);
  return {
    // Made on the first upload, not at start: a process that never receives one leaves no folder behind.
    storage: diskStorage({
      // Both outcomes end in done(), so the promise is settled here and needs no awaiting.
      destination: (_req, _file, done) =>
        void mkdir(folder, { recursive: true }).then(
          () => done(null, folder),
          (err: Error) => done(err, folder),
        ),
    }),
    limits: { fileSize: maxBytes, files: 1 },
    defParamCharset: 'utf8',
  };
}
