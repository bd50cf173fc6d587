import type { paths } from './schema';

type Responses<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? R : never;
type OkCode = 200 | 201 | 202;
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON of an operation's success, as the OpenAPI document describes it: `ApiData<'/api/tasks/{id}', 'get'>`. */
export type ApiData<P extends keyof paths, M extends keyof paths[P]> = {
  [C in OkCode & keyof Responses<P, M>]: JsonOf<Responses<P, M>[C]>;
}[OkCode & keyof Responses<P, M>];

/** One row of a paged list operation. */
export type ApiItem<P extends keyof paths, M extends keyof paths[P]> = ApiData<P, M> extends { items: (infer I)[] } ? I : never;

/** The query parameters of an operation. */
export type ApiQuery<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;
