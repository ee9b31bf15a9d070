import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, type INestApplication, Injectable, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { RawRouteHandler } from '../sdk/plugin';
import { installRawRoutes } from './raw-routes';

@Injectable()
class EchoRoute implements RawRouteHandler {
  handle(req: IncomingMessage, res: ServerResponse, path: string): void {
    res.end(`raw ${req.method} ${path}`);
  }
}

@Injectable()
class FailingRoute implements RawRouteHandler {
  async handle(): Promise<void> {
    throw new Error('broken on purpose');
  }
}

@Controller()
class FrameworkController {
  @Get('echo/*rest')
  framework(): string {
    return 'framework';
  }
}

@Module({ controllers: [FrameworkController], providers: [EchoRoute, FailingRoute] })
class RawRoutesTestModule {}

describe('installRawRoutes', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(RawRoutesTestModule, { logger: false });
    await app.init();
    installRawRoutes(app, [
      { prefix: '/echo/raw/', methods: ['GET', 'HEAD'], handler: EchoRoute },
      { prefix: '/echo/failing/', methods: ['GET'], handler: FailingRoute },
    ]);
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });

  afterAll(() => app.close());

  it('answers matching requests itself, with the path after the prefix and without the query string', async () => {
    const res = await fetch(`${base}/echo/raw/a/b%2Fc?x=1`);
    expect(await res.text()).toBe('raw GET a/b%2Fc');
  });

  it('leaves other methods and other paths to the framework', async () => {
    expect(await (await fetch(`${base}/echo/elsewhere`)).text()).toBe('framework');
    const post = await fetch(`${base}/echo/raw/a`, { method: 'POST' });
    expect(post.status).toBe(404);
    expect(await post.json()).toMatchObject({ statusCode: 404 });
  });

  it('answers a failing handler with a 500 in the API error shape, and logs it', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const res = await fetch(`${base}/echo/failing/x`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('broken on purpose'));
    logged.mockRestore();
  });
});
