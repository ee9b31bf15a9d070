import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { type INestApplication, Logger } from '@nestjs/common';
import { errorBody } from '../common/errors/error-body';
import type { RawRouteDefinition, RawRouteHandler } from '../sdk/plugin';

interface RawRoute {
  prefix: string;
  methods: Set<string>;
  handler: RawRouteHandler;
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts the plugins' raw routes (PluginManifest.rawRoutes) in front of the framework on the application's HTTP
 * server: a request whose method and path match one goes to its handler, every other to Nest as before.
 */
export function installRawRoutes(app: INestApplication, definitions: RawRouteDefinition[]): void {
  if (!definitions.length) return;
  const routes: RawRoute[] = definitions.map((d) => ({ prefix: d.prefix, methods: new Set(d.methods), handler: app.get(d.handler, { strict: false }) }));
  const server = app.getHttpServer() as Server;
  const framework = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const route = matching(routes, req);
    if (route) return serve(route, req, res);
    for (const listener of framework) listener.call(server, req, res);
  });
}

function matching(routes: RawRoute[], req: IncomingMessage): RawRoute | undefined {
  const url = req.url ?? '';
  return routes.find((r) => url.startsWith(r.prefix) && r.methods.has(req.method ?? ''));
}

const logger = new Logger('RawRoutes');

function serve(route: RawRoute, req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const path = url.slice(route.prefix.length, query < 0 ? undefined : query);
  const failed = (err: unknown) => {
    logger.error(`${req.method} ${url}: ${(err as Error)?.stack ?? String(err)}`);
    if (res.headersSent) return void res.destroy();
    res.statusCode = 500;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(errorBody(500, 'Internal server error')));
  };
  try {
    const done = route.handler.handle(req, res, path);
    if (done) done.catch(failed);
  } catch (err) {
    failed(err);
  }
}
