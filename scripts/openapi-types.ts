import openapiTS, { astToString } from 'openapi-typescript';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { findProjectRoot } from './temporal-dev-server';

/** The console's API types, generated from the OpenAPI document; a test fails when they are stale. */
export const OPENAPI_TYPES_PATH = join(findProjectRoot(__dirname), 'web', 'src', 'api', 'schema.d.ts');

const HEADER = `/**
 * The API's types, generated from its OpenAPI document (/docs-json) by \`npm run api:generate\`:
 * do not edit. tests/e2e/openapi-document.e2e.spec.ts fails when this file is stale.
 */

`;

/**
 * The TypeScript types of an OpenAPI document (openapi-typescript), formatted as the repository's
 * Prettier config says: what `npm run api:generate` writes and the staleness test compares.
 */
export async function openApiTypes(document: object): Promise<string> {
  const ast = await openapiTS(JSON.stringify(document), { silent: true });
  const options = await resolveConfig(OPENAPI_TYPES_PATH);
  return format(HEADER + astToString(ast), { ...options, filepath: OPENAPI_TYPES_PATH });
}
