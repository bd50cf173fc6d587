import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { configureBodyParsers } from './common/body-parsers';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { configureHttpSecurity } from './common/http-security';
import { serveWebConsole } from './common/web-console';
import { buildOpenApiDocument } from './common/openapi';
import { AppConfig } from './config/config';

/** Builds the HTTP application (not yet listening): shared by the API entry point and e2e tests. */
export async function createApiApp(
  config: AppConfig,
  { shutdownHooks = true, logStream }: { shutdownHooks?: boolean; logStream?: DestinationStream } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { logStream }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Helmet with a CSP per path (API, /docs, the web console), no X-Powered-By, CORS_ORIGINS, TRUST_PROXY.
  configureHttpSecurity(app, config);
  // Operations endpoints stay at the root, where probes and scrapers look for them.
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics'] });
  serveWebConsole(app, config.webConsoleDir);
  // JSON 100 KB (the unit import 20 MB), at most 32 levels deep; CSV bodies 20 MB of strict UTF-8.
  configureBodyParsers(app);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new HttpExceptionFilter());
  // Off where a caller orders shutdown itself (npm start stops the worker and Temporal too).
  if (shutdownHooks) app.enableShutdownHooks();

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
