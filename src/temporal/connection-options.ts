import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from '@temporalio/client';
import type { NativeConnectionOptions } from '@temporalio/worker';
import { AppConfig } from '../config/config';

/** One reading of the Temporal settings for the API's client and the worker's native connection. */
export function temporalConnectionOptions(config: AppConfig): ConnectionOptions & NativeConnectionOptions {
  const { address, apiKey, tls } = config.temporal;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set and no embedded dev server was started');
  const read = (path?: string) => (path ? readFileSync(path) : undefined);
  const cert = read(tls?.certPath);
  const key = read(tls?.keyPath);
  return {
    address,
    apiKey,
    tls: tls
      ? {
          serverNameOverride: tls.serverName,
          serverRootCACertificate: read(tls.caPath),
          clientCertPair: cert && key ? { crt: cert, key } : undefined,
        }
      : undefined,
  };
}
