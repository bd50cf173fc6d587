import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { session } from '../session';

/** An answer of the API that is not a success: its status and the message the server gives (in Chinese or naming the field). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server's `{ statusCode, error, message }`, message a string or a list (validation). */
export function errorMessage(status: number, body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  if (Array.isArray(message)) return message.join('；');
  if (typeof message === 'string' && message) return message;
  if (status === 403) return '无权访问：不在您的管辖范围内';
  if (status === 404) return '未找到';
  if (status >= 500) return '服务器出错，请稍后再试';
  return `请求失败（${status}）`;
}

const authorization: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // A token the server no longer takes: the session has expired (not a wrong password at sign-in).
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/auth/login')) session.expire();
    return response;
  },
};

/** The typed client: paths, parameters and answers all come from the OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin });
api.use(authorization);

/** The data of a success, or an ApiError with the server's message: what queries and mutations await. */
export async function must<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, errorMessage(response.status, error), error);
  return data as D;
}

/**
 * A multipart upload with progress (fetch cannot report upload progress): XMLHttpRequest to a path of
 * the API, with the session's token; resolves to the JSON answer or rejects with an ApiError.
 */
export function upload<T>(
  path: keyof paths,
  fields: Record<string, string | Blob>,
  onProgress?: (percent: number) => void,
  pathParams: Record<string, string> = {},
): Promise<T> {
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathParams[name] ?? ''));
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = session.token();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status === 401) session.expire();
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, errorMessage(xhr.status, body), body));
    };
    xhr.onerror = () => reject(new ApiError(0, '网络错误：无法连接服务器', null));
    xhr.send(form);
  });
}

/** Downloads a file of the API (ledgers, error reports) with the session's token and saves it under the server's name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const token = session.token();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (response.status === 401) session.expire();
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new ApiError(response.status, errorMessage(response.status, body), body);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
