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
import { AGENT_XML_PATHS } from './modules/inventory/agent-intake.controller';
import { loadPlugins } from './plugin-host/plugin-loader';
import { installRawRoutes } from './plugin-host/raw-routes';

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
  app.use(agentBody(config.agentMaxBodyBytes));
  app.use(jsonBody(config.jsonBodyLimit));
  // Agent protocols keep the paths agents are configured with; everything else is under /api.
  app.setGlobalPrefix('api', { exclude: [...AGENT_ROUTES, ...contributions.agentPaths] });
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  setUpOpenApi(app);
  await app.init();
  installRawRoutes(app, contributions.rawRoutes);
  new NestLogger('Plugins').log(`Enabled: ${plugins.map((p) => `${p.manifest.name} ${p.manifest.version}`).join(', ') || 'none'}`);
  return app;
}

/**
 * Paths outside /api: the agents' XML endpoints and what sits below the GLPI plugins' paths agents are configured
 * with (the deploy plugin serves FusionInventory's deploy protocol there).
 */
const AGENT_ROUTES = ['/', 'ocsinventory', 'plugins/glpiinventory', 'plugins/glpiinventory/{*path}', 'plugins/fusioninventory', 'plugins/fusioninventory/{*path}'];
const AGENT_XML_POSTS = new Set(AGENT_XML_PATHS);

type BodyParser = (req: Request, res: Response, next: (err?: unknown) => void) => void;

/** Runs a body parser; a malformed or oversized body answers in the API's error shape. */
function parsedBody(parse: BodyParser, limit: number, applies: (req: Request) => boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!applies(req)) return next();
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { type?: string; status?: number; message?: string };
      if (e.type === 'entity.too.large') return res.status(413).json(errorBody(413, `The request body exceeds the limit of ${limit} bytes`));
      if (e.type === 'entity.parse.failed') return res.status(400).json(errorBody(400, `The request body is not valid JSON: ${e.message}`));
      const status = e.status && e.status >= 400 && e.status < 500 ? e.status : 400;
      return res.status(status).json(errorBody(status, e.message ?? 'Unreadable request body'));
    });
  };
}

/** JSON bodies of the API, up to the limit. */
function jsonBody(limit: number) {
  return parsedBody(express.json({ limit }), limit, () => true);
}

/** Agent messages arrive as raw bytes of any content type (zlib, gzip, XML), read whole up to the limit. */
function agentBody(limit: number) {
  return parsedBody(express.raw({ type: () => true, limit }), limit, (req) => req.method === 'POST' && AGENT_XML_POSTS.has(req.path.replace(/(.)\/+$/, '$1')));
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
