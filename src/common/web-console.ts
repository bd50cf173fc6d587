import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths the server answers itself: never the console's page, so an unknown API route stays a JSON 404. */
const SERVER_PATHS = /^\/(api|health|metrics|docs|docs-json)(\/|$)/;

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>控制台未构建</title>
<p>网页控制台尚未构建：请先运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建）。</p>
<p>The web console is not built: run <code>npm run build:web</code>. The API is at <a href="/docs">/docs</a>.</p></html>`;

/**
 * Serves the web console (a Vite build) at `/`: its hashed assets cached for a year, `index.html`
 * never cached (so a deploy reaches every browser on its next load), and every other page path of
 * the single-page app (`/tasks/…`, deep links) answered with `index.html`, where the console's router
 * takes over. The API, operations and docs paths pass through untouched.
 */
export function serveWebConsole(app: NestExpressApplication, dir: string): void {
  const root = resolve(dir);
  const indexFile = join(root, 'index.html');
  // A missing asset is a 404, never the page: a stale tab asking for an old chunk must fail loudly.
  app.use('/assets', express.static(join(root, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  const files = express.static(root, { index: false, maxAge: 0 });

  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    files(req, res, () => {
      res.setHeader('Cache-Control', 'no-cache');
      if (!existsSync(indexFile)) {
        res.status(503).type('html').send(NOT_BUILT_PAGE);
        return;
      }
      res.sendFile(indexFile);
    });
  });
}
