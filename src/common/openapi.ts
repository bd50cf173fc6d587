import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI document of the API, as /docs-json serves it: built once here for the server, the
 * `npm run api:generate` script (the console's client types) and the test that lints it.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Campaign orchestrator')
    .setDescription('Health-poverty-alleviation campaigns (健康扶贫): units, users, tasks, notifications')
    .setVersion('0.1.0')
    .addServer('/', 'This server: the API under /api, operations endpoints at the root')
    .addBearerAuth()
    .build();
  // As package.json says: UNLICENSED in npm's sense, no right to use is granted.
  config.info.license = { name: 'UNLICENSED', url: 'https://docs.npmjs.com/cli/v10/configuring-npm/package-json#license' };
  return SwaggerModule.createDocument(app, config);
}
