import { parseArgs } from 'node:util';
import { MAX_SITES } from './entity-tree';

export interface FleetOptions {
  computers: number;
  /** Sites (leaf entities), under a few regions. */
  entities: number;
  softwarePerComputer: number;
  /** Distinct software (name, publisher) in the catalogue. */
  catalogue: number;
  seed: number;
  /** Computers per transaction. */
  batch: number;
  force: boolean;
  help: boolean;
}

export const USAGE = `Usage: npm run seed:fleet -- [options]
Fills the database chosen like the server does (DATABASE_URL, else DATA_DIR/parc.sqlite) with a realistic fleet.
  --computers N               computers to create (default 1000)
  --entities N                sites, under regions below the root entity (default 20, at most ${MAX_SITES})
  --software-per-computer N   average installed software per computer (default 150)
  --catalogue N               distinct software in the catalogue (default 3000)
  --seed S                    seed of the generator: the same seed gives the same fleet (default 1)
  --batch N                   computers per transaction (default 2000)
  --force                     add computers even if the database already has some
  --help                      show this help`;

export class UsageError extends Error {}

const INTEGER_OPTIONS = {
  computers: { flag: 'computers', fallback: 1000, min: 1, max: 10_000_000 },
  entities: { flag: 'entities', fallback: 20, min: 1, max: MAX_SITES },
  softwarePerComputer: { flag: 'software-per-computer', fallback: 150, min: 0, max: 10_000 },
  catalogue: { flag: 'catalogue', fallback: 3000, min: 1, max: 1_000_000 },
  seed: { flag: 'seed', fallback: 1, min: 0, max: 2 ** 32 - 1 },
  batch: { flag: 'batch', fallback: 2000, min: 1, max: 50_000 },
} as const;

/** Reads the command line (without node and the script); throws UsageError with every problem found. */
export function parseFleetOptions(argv: string[]): FleetOptions {
  let parsed: ReturnType<typeof parseArgsStrict>;
  try {
    parsed = parseArgsStrict(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const problems: string[] = [];
  const integer = (key: keyof typeof INTEGER_OPTIONS): number => {
    const { flag, fallback, min, max } = INTEGER_OPTIONS[key];
    const raw = parsed.values[flag];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`--${flag} must be an integer from ${min} to ${max} (got '${raw}')`);
      return fallback;
    }
    return value;
  };
  const options: FleetOptions = {
    computers: integer('computers'),
    entities: integer('entities'),
    softwarePerComputer: integer('softwarePerComputer'),
    catalogue: integer('catalogue'),
    seed: integer('seed'),
    batch: integer('batch'),
    force: parsed.values.force ?? false,
    help: parsed.values.help ?? false,
  };
  if (parsed.positionals.length) problems.push(`Unexpected argument '${parsed.positionals[0]}'`);
  if (problems.length) throw new UsageError(problems.join('\n'));
  return options;
}

function parseArgsStrict(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      computers: { type: 'string' },
      entities: { type: 'string' },
      'software-per-computer': { type: 'string' },
      catalogue: { type: 'string' },
      seed: { type: 'string' },
      batch: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
