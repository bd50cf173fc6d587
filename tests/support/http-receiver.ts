import { createServer, IncomingHttpHeaders, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method?: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface HttpReceiver {
  /** `http://127.0.0.1:<port>` */
  base: string;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a free port of 127.0.0.1 (a webhook receiver for the tests): each request is
 * read whole and handed to `answer`, which answers it now, later, or never.
 */
export async function startHttpReceiver(answer: (request: ReceivedRequest, res: ServerResponse) => void): Promise<HttpReceiver> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer({ method: req.method, url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) }, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
