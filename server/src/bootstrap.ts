import { type INestApplication, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './common/config/config';
import { errorBody } from './common/errors/error-body';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { StrictValidationPipe } from './common/errors/validation';
import { runUnitOfWork } from './common/database/unit-of-work';
import { coreVersion } from './common/paths';
import { coreContributions } from './core-manifest';
import { Contributions } from './plugin-host/contributions';
import { loadPlugins } from './plugin-host/plugin-loader';

/** Builds and initialises the application (not listening yet): used by main.ts and by the tests. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const plugins = loadPlugins(config.plugins, coreVersion());
  const contributions = new Contributions(coreContributions(config), plugins);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, contributions), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Each request is a unit of work (see unit-of-work.ts), before any handler touches the database.
  app.use((_req: Request, _res: Response, next: NextFunction) => runUnitOfWork(next));
  app.use(jsonBody(config.jsonBodyLimit));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  await app.init();
  new NestLogger('Plugins').log(`Enabled: ${plugins.map((p) => `${p.manifest.name} ${p.manifest.version}`).join(', ') || 'none'}`);
  return app;
}

/** JSON bodies up to the limit; a malformed or oversized body answers in the API's error shape. */
function jsonBody(limit: number) {
  const parse = express.json({ limit });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { type?: string; status?: number; message?: string };
      if (e.type === 'entity.too.large') return res.status(413).json(errorBody(413, `The request body exceeds the limit of ${limit} bytes`));
      if (e.type === 'entity.parse.failed') return res.status(400).json(errorBody(400, `The request body is not valid JSON: ${e.message}`));
      const status = e.status && e.status >= 400 && e.status < 500 ? e.status : 400;
      return res.status(status).json(errorBody(status, e.message ?? 'Unreadable request body'));
    });
}

function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Parc API')
      .setDescription('Inventory and software deployment. Authenticate with POST /api/auth/login, then send Authorization: Bearer <token>. See docs/api.md for conventions.')
      .setVersion(coreVersion())
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });
}
