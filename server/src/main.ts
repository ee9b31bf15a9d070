import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './common/config/config';
import { PluginLoadError } from './plugin-host/plugin-loader';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const logger = new Logger('Parc');
  if (config.role === 'worker') {
    logger.log('Worker process started (no HTTP listener)');
    return;
  }
  await app.listen(config.port, config.host);
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`;
  logger.log(`Listening on ${url} (role ${config.role}, database ${config.database.driver}, queue ${config.redisUrl ? 'redis' : 'in-process'})`);
  process.stdout.write(`\n  Parc is running at ${url}   (API docs: ${url}api/docs)\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PluginLoadError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Parc failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
