import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { createHmac, randomBytes } from 'node:crypto';
import { GLOBAL_SETTINGS, IS_PUBLIC, REQUIRED_ROLES } from '../../src/auth/actor';
import { Role } from '../../src/domain/scope';

/** One operation of the OpenAPI document: `GET /api/units/{id}`. */
export interface Operation {
  key: string;
  method: string;
  path: string;
  pathParams: string[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/** Every operation the document lists, in its order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      })),
  );
}

/** Who may call a route, as its decorators declare it (read the way JwtAuthGuard reads them: handler over class). */
export interface RouteAccess {
  /** `Controller.method`, for messages. */
  handler: string;
  public: boolean;
  /** undefined: any signed-in user (the service may still refuse). */
  roles?: Role[];
  /** @GlobalSettings(): admins of a root unit only. */
  globalSettings: boolean;
}

/**
 * The access metadata of every route the app serves, keyed like the OpenAPI operations. `documentKeys`
 * places each route under its served path (with or without the global prefix); a route the document
 * does not list is keyed `UNDOCUMENTED <METHOD> <path>`, so the caller can fail on it.
 */
export function routeAccessOf(app: INestApplication, documentKeys: ReadonlySet<string>): Map<string, RouteAccess> {
  const routes = new Map<string, RouteAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prefixes = asList(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined);
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const paths = asList(Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined);
        const meta = <T>(key: string): T | undefined =>
          (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
        const access: RouteAccess = {
          handler: `${controller.name}.${name}`,
          public: meta<boolean>(IS_PUBLIC) === true,
          roles: meta<Role[]>(REQUIRED_ROLES),
          globalSettings: meta<boolean>(GLOBAL_SETTINGS) === true,
        };
        for (const prefix of prefixes) {
          for (const path of paths) {
            const route = openApiPath([prefix, path]);
            const verb = RequestMethod[method];
            const key = [`${verb} /api${route}`, `${verb} ${route}`].find((k) => documentKeys.has(k)) ?? `UNDOCUMENTED ${verb} ${route}`;
            routes.set(key, access);
          }
        }
      }
    }
  }
  return routes;
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [''];
  return Array.isArray(value) ? value : [value];
}

/** `['tasks/:id', 'evidence']` → `/tasks/{id}/evidence`. */
function openApiPath(parts: string[]): string {
  const joined = parts
    .flatMap((p) => p.split('/'))
    .filter((segment) => segment !== '')
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment))
    .join('/');
  return `/${joined}`;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Tokens an attacker can make without the server's key, carrying the claims of a real token (so the
 * only thing wrong with them is the signature): `alg: none` without a signature, and HS256 signed
 * with a key of the attacker's choosing.
 */
export function forgedTokens(realToken: string): { algNone: string; wrongKey: string } {
  const payload = realToken.split('.')[1];
  const none = `${base64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const signature = createHmac('sha256', randomBytes(32)).update(`${header}.${payload}`).digest('base64url');
  return { algNone: none, wrongKey: `${header}.${payload}.${signature}` };
}

/** Runs `fn` over `items`, at most `limit` at a time, and returns the results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
