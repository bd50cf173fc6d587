import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppConfig } from '../config/config';

type CspDirectives = Record<string, string[]>;

const COMMON: CspDirectives = {
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** JSON answers are never documents: nothing may load from them, nothing may frame them. */
export const API_CSP: CspDirectives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  ...COMMON,
};

/**
 * The web console (a React/Vite build served at `/`): its own scripts only, never inline ones; inline
 * styles, which Ant Design's CSS-in-JS writes; images also from data: and blob: URLs (previews of
 * evidence files); requests to this origin only.
 */
export const CONSOLE_CSP: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  // Neither the console nor Swagger UI uses <base>: none may be injected.
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  ...COMMON,
};

/**
 * Swagger UI at /docs: its scripts are files of its own, but its page carries inline styles and its
 * validator badge is an image from another site; it calls the API on this origin ("Try it out").
 */
export const DOCS_CSP: CspDirectives = {
  ...CONSOLE_CSP,
  'img-src': ["'self'", 'data:', 'https:'],
};

const API_PATHS = /^\/(api|health|metrics|docs-json)(\/|$)/;
/** Answers that may carry personal data: never kept by a browser or a proxy. */
const NO_STORE_PATHS = /^\/api(\/|$)/;
const DOCS_PATHS = /^\/docs(\/|$)/;

function headersWith(directives: CspDirectives) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * Security headers (helmet) with a CSP by path: the API, the Swagger UI, the web console;
 * `Cache-Control: no-store` on every /api answer (lists, ledgers, evidence: personal data); no
 * X-Powered-By; CORS only for the origins in CORS_ORIGINS (none: same-origin only, no CORS headers);
 * `trust proxy` as TRUST_PROXY says, so the client address (sign-in throttling, logs) is right behind
 * a reverse proxy and cannot be forged with X-Forwarded-For without one.
 */
export function configureHttpSecurity(app: NestExpressApplication, config: Pick<AppConfig, 'trustProxy' | 'corsOrigins'>): void {
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  const api = headersWith(API_CSP);
  const docs = headersWith(DOCS_CSP);
  const webConsole = headersWith(CONSOLE_CSP);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const path = req.path;
    const chosen = API_PATHS.test(path) ? api : DOCS_PATHS.test(path) ? docs : webConsole;
    if (NO_STORE_PATHS.test(path)) res.setHeader('Cache-Control', 'no-store');
    chosen(req, res, next);
  });
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      // Bearer tokens, not cookies: no credentials mode.
      credentials: false,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Retry-After', 'Content-Disposition'],
      maxAge: 600,
    });
  }
}
