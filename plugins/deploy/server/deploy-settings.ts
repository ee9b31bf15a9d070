import { resolve } from 'node:path';
import { type AppConfig, EnvReader } from '@parc/sdk';

export const DEPLOY_SETTINGS = Symbol('DEPLOY_SETTINGS');

/** The deploy plugin's settings, read from the environment at start (an invalid value stops the start). */
export interface DeploySettings {
  /** Root of the file repository: parts in `repository/x/xy/<sha512>`, in-flight writes in `.tmp`. */
  filesDir: string;
  /** Largest file accepted by any upload or import, in bytes (413 beyond). */
  maxFileBytes: number;
  /** Directory whose files may be imported by path; null: import by path is off. */
  importDir: string | null;
  /** How long an unreferenced file (or an unknown part) is kept before garbage collection. */
  gcGraceSeconds: number;
  /** An unfinished resumable upload is dropped after this long without a chunk. */
  uploadTtlSeconds: number;
  /** Compression level of parts whose content compresses (incompressible blocks are stored). */
  gzipLevel: number;
  /** Memory kept for the most recently served parts. */
  partCacheBytes: number;
  /** Parts written with O_DIRECT (bypassing the page cache) where the file system supports it. */
  directIo: boolean;
}

export function loadDeploySettings(config: AppConfig): DeploySettings {
  const env = new EnvReader(config.env);
  const importDir = env.string('DEPLOY_IMPORT_DIR', '');
  const settings: DeploySettings = {
    filesDir: resolve(config.dataDir, env.string('DEPLOY_FILES_DIR', 'deploy')),
    maxFileBytes: env.int('DEPLOY_MAX_FILE_BYTES', 32 * 1024 ** 3, 1024 * 1024, 2 ** 50),
    importDir: importDir ? resolve(config.dataDir, importDir) : null,
    gcGraceSeconds: env.int('DEPLOY_FILE_GC_GRACE_SECONDS', 24 * 3600, 0, 365 * 86_400),
    uploadTtlSeconds: env.int('DEPLOY_UPLOAD_TTL_SECONDS', 7 * 86_400, 60, 365 * 86_400),
    gzipLevel: env.int('DEPLOY_GZIP_LEVEL', 6, 1, 9),
    partCacheBytes: env.int('DEPLOY_PART_CACHE_BYTES', 256 * 1024 * 1024, 0, 64 * 1024 ** 3),
    directIo: env.bool('DEPLOY_DIRECT_IO', true),
  };
  env.assertValid();
  return settings;
}
