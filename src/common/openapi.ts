import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The OpenAPI document of the API, as /docs-json serves it: built once here for the server, the
 * `npm run api:generate` script (the console's client types) and the test that lints it.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Campaign orchestrator')
      .setDescription('Health-poverty-alleviation campaigns (健康扶贫): units, users, tasks, notifications')
      .setVersion('0.1.0')
      .addServer('/', 'This server: the API under /api, operations endpoints at the root')
      .addBearerAuth()
      .build(),
  );
}
