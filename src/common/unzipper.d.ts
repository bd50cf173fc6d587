/** The part of unzipper (exceljs streams XLSX through it; the version exceljs 4.4 uses) that the capped XLSX reader uses. */
declare module 'unzipper' {
  import { Duplex, PassThrough } from 'node:stream';

  export interface Entry extends PassThrough {
    path: string;
    type: 'File' | 'Directory';
    vars: { uncompressedSize: number; compressedSize: number };
    autodrain(): unknown;
  }

  /** Entries as an object stream (`forceStream`), each to be read or drained before the next comes. */
  export function Parse(options?: { forceStream?: boolean }): Duplex;
}
