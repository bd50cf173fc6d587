import type { MulterModuleOptions } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../config/config';

/** Where multipart uploads land while they are checked: beside the file storage, on the same disk. */
export function uploadFolder(config: AppConfig): string {
  return join(config.storageDir, '.uploads');
}

/** Set on a request by the storage of its upload: the limit its file is cut off at, for the 413 to name. */
const UPLOAD_LIMIT = Symbol('uploadLimit');

/** The limit of the file a request was uploading (`50 MiB`, `64 KiB (EVIDENCE_MAX_BYTES)`), if it was uploading one. */
export function uploadLimitOf(req: unknown): string | undefined {
  return typeof req === 'object' && req !== null ? (req as { [UPLOAD_LIMIT]?: string })[UPLOAD_LIMIT] : undefined;
}

function sizeText(bytes: number): string {
  const [size, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MiB'] : [bytes / 1024, 'KiB'];
  return `${Math.round(size * 10) / 10} ${unit} (${bytes} bytes)`;
}

/**
 * Multer options for one file (field `file`) of at most `maxBytes`, streamed to the upload folder
 * (never whole into memory; larger files are cut off with 413 as they arrive, naming the limit and
 * `setting`, the variable that sets it). Browsers send UTF-8 file names without saying so (multer
 * assumes latin1). Whoever handles the file removes it.
 */
export function diskUploadOptions(config: AppConfig, maxBytes: number, setting?: string): MulterModuleOptions {
  const folder = uploadFolder(config);
  const limit = setting ? `${sizeText(maxBytes)}, ${setting}` : sizeText(maxBytes);
  return {
    // Made on the first upload, not at start: a process that never receives one leaves no folder behind.
    storage: diskStorage({
      // Both outcomes end in done(), so the promise is settled here and needs no awaiting.
      destination: (req, _file, done) =>
        void mkdir(folder, { recursive: true }).then(
          () => {
            Object.assign(req, { [UPLOAD_LIMIT]: limit });
            done(null, folder);
          },
          (err: Error) => done(err, folder),
        ),
    }),
    limits: { fileSize: maxBytes, files: 1 },
    defParamCharset: 'utf8',
  };
}
