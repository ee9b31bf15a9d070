import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cachedRoot: string | undefined;

/**
 * The repository root, found by walking up to the package.json of the workspace. The same code runs from
 * server/src (tests) and from dist/server/src (production), so fixed relative paths would not do.
 */
export function repoRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && Array.isArray(JSON.parse(readFileSync(candidate, 'utf8')).workspaces)) {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No workspace package.json above ${__dirname}`);
    dir = parent;
  }
}

/** Where compiled code lives relative to the root: '' when running TypeScript sources, 'dist' when compiled. */
export function codeRoot(): string {
  return __filename.endsWith('.ts') ? repoRoot() : join(repoRoot(), 'dist');
}

export function coreVersion(): string {
  return JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')).version as string;
}
