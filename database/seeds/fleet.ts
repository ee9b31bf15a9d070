import 'reflect-metadata';
import { DataSource, type QueryRunner } from 'typeorm';
import { ConfigError, type DatabaseConfig, loadConfig } from '../../server/src/common/config/config';
import { Bulk, withDeadlockRetry } from '../../server/src/common/database/bulk';
import { dataSourceOptions } from '../../server/src/common/database/data-source-options';
import { type Dialect, dialectOf } from '../../server/src/common/database/dialect';
import { ensureInitialData } from '../../server/src/common/database/initial-data';
import { runMigrations } from '../../server/src/common/database/migrations';
import { coreVersion } from '../../server/src/common/paths';
import { coreContributions } from '../../server/src/core-manifest';
import { Contributions } from '../../server/src/plugin-host/contributions';
import { loadPlugins } from '../../server/src/plugin-host/plugin-loader';
import { buildCatalogue } from './catalogue';
import { planEntityTree } from './entity-tree';
import { type FleetOptions, parseFleetOptions, USAGE, UsageError } from './fleet-options';
import { formatSummary, verify } from './fleet-report';
import { FleetWriter, TableTimer } from './fleet-writer';
import { OS, type OsRelease } from './hardware';
import { generateComputer, type MachineContext, type SeededComputer, SiteAddresses } from './machines';
import { Random, Stream } from './random';
import { SoftwarePicker } from './software-picker';

/**
 * `npm run seed:fleet -- --computers 100000`: a realistic fleet for benchmarks and demos, written with
 * multi-row INSERTs in one transaction per batch. Opens the database like the server (core and enabled plugins,
 * migrations, initial data), then adds an entity tree, a software catalogue and the computers.
 */
async function main(argv: string[]): Promise<number> {
  const options = parseFleetOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const plugins = loadPlugins(config.plugins, coreVersion());
  const contributions = new Contributions(coreContributions(config), plugins);
  const dataSource = await new DataSource(dataSourceOptions(config.database, plugins)).initialize();
  try {
    await runMigrations(dataSource);
    await ensureInitialData(dataSource, config, contributions.rights);
    return await seed(dataSource, options, describe(config.database));
  } finally {
    await dataSource.destroy();
  }
}

async function seed(dataSource: DataSource, options: FleetOptions, target: string): Promise<number> {
  const [{ n: existing, top }] = await dataSource.query('SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS top FROM computers');
  if (Number(existing) > 0 && !options.force) {
    console.error(`${target} already holds ${Number(existing)} computers: nothing was changed. Pass --force to add ${options.computers} more.`);
    return 1;
  }
  const started = performance.now();
  const dialect = dialectOf(dataSource);
  const timer = new TableTimer();
  const bulk = new Bulk(dataSource);
  console.log(`Seeding ${target}: ${options.computers} computers in ${options.entities} sites, ${options.catalogue} software (seed ${options.seed})`);

  const setup = await openLane(dataSource, bulk, timer, false);
  let generationMs: number;
  try {
    const regions = planEntityTree(options.entities);
    const siteEntityIds = await setup.writer.seedEntityTree(regions);
    const catalogue = buildCatalogue(options.catalogue, options.seed);
    const picker = new SoftwarePicker(catalogue, await setup.writer.seedCatalogue(catalogue), options.softwarePerComputer);
    warnAboutSmallCatalogues(picker, options.softwarePerComputer);

    const context: MachineContext = { seed: options.seed, sites: regions.flatMap((r) => r.sites), addresses: new SiteAddresses(), now: Date.now() };
    // Numbers continue after the highest id, so a --force run never repeats a name, serial or MAC address.
    const batches = batchesOf(options, Number(top) + 1, (n) => {
      const computer = generateComputer(n, context);
      return { computer, software: picker.pick(new Random(options.seed, Stream.software, n), computer.environment) };
    });
    generationMs = await loadComputers(dataSource, bulk, timer, batches, { siteEntityIds, above: Number(top), total: options.computers, lanes: LANES[dialect] });
  } finally {
    await closeLane(setup);
  }

  const verification = await withRunner(dataSource, (runner) => verify(runner, dialect));
  const seconds = (performance.now() - started) / 1000;
  console.log(formatSummary(timer, verification, { generationSeconds: generationMs / 1000, totalSeconds: seconds }));
  if (LANES[dialect] > 1) console.log(`\n(${LANES[dialect]} connections wrote the computers at once: the seconds of their tables add up both.)`);
  const failed = verification.checks.filter((c) => c.count > 0);
  if (failed.length) console.error(`\n${failed.length} verification check(s) failed.`);
  return failed.length ? 1 : 0;
}

/**
 * Connections writing batches at once. On MariaDB two keep both cores busy: while the server stores one batch,
 * Node generates and formats the next batch on the other connection (with one, each waits for the other:
 * 20 000 computers took 1.3 times as long). Three were no faster than two. SQLite has a single connection.
 */
const LANES: Record<Dialect, number> = { mariadb: 2, sqlite: 1 };

interface Batch {
  computers: SeededComputer[];
  software: number[][];
  generationMs: number;
}

/** The fleet in batches, generated only when asked for: memory holds a few batches, never the whole fleet. */
function* batchesOf(options: FleetOptions, firstNumber: number, generate: (n: number) => { computer: SeededComputer; software: number[] }): Generator<Batch> {
  for (let done = 0; done < options.computers; done += options.batch) {
    const started = performance.now();
    const size = Math.min(options.batch, options.computers - done);
    const generated = Array.from({ length: size }, (_, i) => generate(firstNumber + done + i));
    yield { computers: generated.map((g) => g.computer), software: generated.map((g) => g.software), generationMs: performance.now() - started };
  }
}

/**
 * Writes the batches over `lanes` connections, each batch in its own transaction (retried if MariaDB picks it as
 * a deadlock victim). On MariaDB the next batch is generated while earlier ones are being written. Returns the
 * time spent generating.
 */
async function loadComputers(
  dataSource: DataSource,
  bulk: Bulk,
  timer: TableTimer,
  batches: Iterable<Batch>,
  target: { siteEntityIds: Map<number, number>; above: number; total: number; lanes: number },
): Promise<number> {
  const free: Lane[] = [];
  for (let i = 0; i < target.lanes; i++) free.push(await openLane(dataSource, bulk, timer, true));
  const all = [...free];
  const writing = new Set<Promise<void>>();
  const progress = new Progress(target.total);
  let generationMs = 0;
  let written = 0;
  try {
    for (const batch of batches) {
      generationMs += batch.generationMs;
      while (!free.length) await Promise.race(writing);
      const lane = free.pop()!;
      const task: Promise<void> = withDeadlockRetry(() => lane.writer.writeBatch(batch.computers, batch.software, target.siteEntityIds, target.above)).then(() => {
        written += batch.computers.length;
        progress.report(written);
        writing.delete(task);
        free.push(lane);
      });
      task.catch(() => undefined); // handled by the race or Promise.all below: no unhandled-rejection exit meanwhile
      writing.add(task);
    }
    await Promise.all(writing);
  } finally {
    await Promise.allSettled(writing);
    for (const lane of all) await closeLane(lane);
  }
  return generationMs;
}

interface Lane {
  runner: QueryRunner;
  writer: FleetWriter;
  tuned: boolean;
}

/** A connection of its own, with the bulk-load session settings when `tuned` (for the computer batches only). */
async function openLane(dataSource: DataSource, bulk: Bulk, timer: TableTimer, tuned: boolean): Promise<Lane> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  if (tuned) await tuneSession(runner, bulk.dialect, 'load');
  return { runner, writer: new FleetWriter(runner, bulk, timer), tuned };
}

async function closeLane(lane: Lane): Promise<void> {
  try {
    if (lane.tuned) await tuneSession(lane.runner, lane.writer.dialect, 'restore');
  } finally {
    await lane.runner.release();
  }
}

async function withRunner<T>(dataSource: DataSource, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    return await work(runner);
  } finally {
    await runner.release();
  }
}

/**
 * Per-connection settings for the computer batches, restored afterwards. SQLite: a larger page cache for the
 * indexes of computer_software, and statement journals in memory. Each multi-row INSERT inside a transaction
 * copies every page it touches to a statement journal (so that it alone can be rolled back); in temporary files
 * that was 500 MB of writes per 2000 computers. Each setting made the load 10-15 % faster.
 * MariaDB: nothing. Measured on 100 000 computers, `unique_checks = 0, foreign_key_checks = 0` did not make a
 * difference beyond run-to-run noise (85-96 s against 93 s), and with both off MariaDB 10.11 loads empty tables
 * in bulk mode, where a duplicate fails only at COMMIT and an INSERT IGNORE meeting one silently drops all its rows.
 */
async function tuneSession(runner: QueryRunner, dialect: Dialect, phase: 'load' | 'restore'): Promise<void> {
  if (dialect !== 'sqlite') return;
  const load = phase === 'load';
  await runner.query(`PRAGMA cache_size = ${load ? -256_000 : -2000}`);
  await runner.query(`PRAGMA temp_store = ${load ? 'MEMORY' : 'DEFAULT'}`);
}

function warnAboutSmallCatalogues(picker: SoftwarePicker, perComputer: number): void {
  const seen = new Set<string>();
  for (const os of Object.values(OS) as OsRelease[]) {
    const environment = { platform: os.platform, release: os.release };
    const label = environment.release ?? environment.platform;
    if (seen.has(label)) continue;
    seen.add(label);
    const expected = picker.expectedCount(environment);
    if (expected < perComputer * 0.9) {
      console.log(`  note: the catalogue has ${picker.availableCount(environment)} software for ${label}: those computers get about ${Math.round(expected)} each`);
    }
  }
}

/** A line every two seconds or so, and one at the end. */
class Progress {
  private readonly started = performance.now();
  private lastPrinted = 0;

  constructor(private readonly total: number) {}

  report(done: number): void {
    const now = performance.now();
    if (done < this.total && now - this.lastPrinted < 2000) return;
    this.lastPrinted = now;
    const seconds = (now - this.started) / 1000;
    const rate = done / seconds;
    const eta = done < this.total ? `, about ${Math.ceil((this.total - done) / rate)} s left` : '';
    const rssMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
    console.log(
      `  computers: ${done.toLocaleString('en-US')} / ${this.total.toLocaleString('en-US')} (${Math.floor((100 * done) / this.total)} %), ` +
        `${Math.round(rate).toLocaleString('en-US')}/s${eta} (memory ${rssMb} MB)`,
    );
  }
}

function describe(db: DatabaseConfig): string {
  return db.driver === 'sqlite' ? `SQLite ${db.file}` : `MariaDB ${db.host}:${db.port}/${db.database}`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else console.error(error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
