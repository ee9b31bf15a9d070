import type { CatalogueEntry, LinuxRelease, Platform } from './catalogue';
import type { Random } from './random';

/** Where software is installed: a platform, and for Linux the release whose package versions apply. */
export interface SoftwareEnvironment {
  platform: Platform;
  release?: LinuxRelease;
}

/** Even the most common software is missing from a few computers. */
const MAX_PROBABILITY = 0.98;
/** Each computer has between 80 % and 120 % of the requested software count. */
const MIN_SCALE = 0.8;
const MAX_SCALE = 1.2;
/** Chance of each installed version, newest first: most computers are up to date, some lag behind. */
const VERSION_LAG = [0.55, 0.8, 0.92];

interface Pool {
  /** Install probability of each entry at scale 1, by popularity rank. */
  probabilities: Float64Array;
  /** Version ids of each entry usable in this environment, newest first. */
  versions: number[][];
}

/**
 * Chooses the software of each computer: entry number r of its platform's catalogue (in popularity order) is
 * installed with probability a / (r + 1), a Zipf law capped near 1, with `a` solved so that computers average
 * the requested count. Common software ends up on nearly every computer and the long tail on a few; every
 * entry is drawn at most once, so a computer's list is distinct by construction.
 */
export class SoftwarePicker {
  private readonly pools = new Map<string, Pool>();

  /** `versionIds[i][j]`: database id of version j of catalogue entry i. */
  constructor(
    private readonly catalogue: readonly CatalogueEntry[],
    private readonly versionIds: readonly (readonly number[])[],
    private readonly perComputer: number,
  ) {}

  /** Distinct version ids, ascending (the order of the computer_software primary key). */
  pick(random: Random, environment: SoftwareEnvironment): number[] {
    const pool = this.poolFor(environment);
    const scale = MIN_SCALE + (MAX_SCALE - MIN_SCALE) * random.next();
    const picked: number[] = [];
    for (let i = 0; i < pool.probabilities.length; i++) {
      if (random.next() < Math.min(MAX_PROBABILITY, pool.probabilities[i] * scale)) picked.push(chooseVersion(random, pool.versions[i]));
    }
    return picked.sort((x, y) => x - y);
  }

  /** What computers of this environment average; below the request when its catalogue is too small. */
  expectedCount(environment: SoftwareEnvironment): number {
    return expectedCount(this.poolFor(environment).probabilities, 1);
  }

  /** Entries usable in the environment: right platform, and (on Linux) a version built for the release. */
  availableCount(environment: SoftwareEnvironment): number {
    return this.poolFor(environment).versions.length;
  }

  private poolFor(environment: SoftwareEnvironment): Pool {
    const key = `${environment.platform}:${environment.release ?? ''}`;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = this.buildPool(environment);
      this.pools.set(key, pool);
    }
    return pool;
  }

  private buildPool({ platform, release }: SoftwareEnvironment): Pool {
    const versions: number[][] = [];
    this.catalogue.forEach((entry, i) => {
      if (!entry.platforms.includes(platform)) return;
      const usable = entry.versions.flatMap((v, j) => (v.channel === '' || v.channel === release ? [this.versionIds[i][j]] : []));
      if (usable.length) versions.push(usable.reverse());
    });
    const weight = zipfWeightFor(versions.length, this.perComputer);
    const probabilities = Float64Array.from(versions, (_, rank) => weight / (rank + 1));
    return { probabilities, versions };
  }
}

function chooseVersion(random: Random, newestFirst: number[]): number {
  const u = random.next();
  let index = 0;
  while (index < VERSION_LAG.length && u >= VERSION_LAG[index]) index++;
  return newestFirst[Math.min(index, newestFirst.length - 1)];
}

/** Average installed count over the computers' scales (a few quadrature points are plenty). */
function expectedCount(probabilities: ArrayLike<number>, weight: number): number {
  const scales = [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => MIN_SCALE + (MAX_SCALE - MIN_SCALE) * f);
  let total = 0;
  for (const scale of scales) for (let i = 0; i < probabilities.length; i++) total += Math.min(MAX_PROBABILITY, probabilities[i] * weight * scale);
  return total / scales.length;
}

/** The `a` of a / (r + 1) giving `target` software per computer on average (bisection; capped when unreachable). */
export function zipfWeightFor(poolSize: number, target: number): number {
  if (poolSize === 0 || target <= 0) return 0;
  const harmonic = Float64Array.from({ length: poolSize }, (_, r) => 1 / (r + 1));
  let low = 0;
  let high = poolSize / MIN_SCALE;
  if (expectedCount(harmonic, high) <= target) return high;
  for (let i = 0; i < 50; i++) {
    const mid = (low + high) / 2;
    if (expectedCount(harmonic, mid) < target) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
