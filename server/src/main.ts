import 'reflect-metadata';
import cluster from 'node:cluster';
import { setFlagsFromString } from 'node:v8';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './common/config/config';
import { PluginLoadError } from './plugin-host/plugin-loader';

/**
 * V8 grows its heap limit by a factor it derives from recent collections. After an idle period that factor
 * leaves so little room above the live heap that, under a sustained stream of short-lived buffers (an upload),
 * V8 keeps running full collections back to back: measured here, ~10 per second and a third of the upload
 * throughput lost. A fixed factor of 2 (limit = twice the live heap after each full collection) removes them
 * at the cost of a few tens of MiB of heap at most (docs/deploy.md, "Memory and speed").
 */
setFlagsFromString('--heap-growing-percent=100');

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.apiProcesses > 1 && cluster.isPrimary) return supervise(config.apiProcesses, config.role);
  const app = await createApp(config);
  const logger = new Logger('Parc');
  if (config.role === 'worker') {
    logger.log('Worker process started (no HTTP listener)');
    return;
  }
  await app.listen(config.port, config.host);
  process.send?.({ parc: 'listening' });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`;
  logger.log(`Listening on ${url} (role ${config.role}, database ${config.database.driver}, queue ${config.redisUrl ? 'redis' : 'in-process'})`);
  process.stdout.write(`\n  Parc is running at ${url}   (API docs: ${url}api/docs)\n\n`);
}

/**
 * API_PROCESSES > 1: one Node process per core serving HTTP on the same port (node:cluster hands connections
 * around). The first process starts alone, so that migrations run once, and keeps the configured role (background
 * work included); the others serve the API only. A process that dies is replaced; SIGTERM stops them all.
 */
function supervise(count: number, role: string): void {
  const logger = new Logger('Parc');
  let stopping = false;
  const fork = (index: number) => {
    let listening = false;
    const worker = cluster.fork({ API_PROCESSES: '1', ROLE: index === 0 ? role : 'api', PARC_PROCESS_INDEX: String(index) });
    worker.on('message', (message: { parc?: string }) => {
      if (message?.parc !== 'listening') return;
      listening = true;
      // The others start once the first has migrated the database and listens.
      if (index === 0 && Object.keys(cluster.workers ?? {}).length === 1) for (let i = 1; i < count; i++) fork(i);
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      if (!listening) {
        // It never started (configuration, database): starting it again would fail the same way.
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
        process.exitCode = code || 1;
        return;
      }
      logger.error(`HTTP process ${index} stopped (${signal ?? `exit code ${code}`}); starting another`);
      fork(index);
    });
  };
  fork(0);
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (!workers.length) process.exit(0);
    cluster.on('exit', () => {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
    });
    for (const worker of workers) worker?.process.kill('SIGTERM');
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PluginLoadError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Parc failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
