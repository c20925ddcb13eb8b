import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the nearest package.json at or above a folder. */
export function packageDirAbove(dir: string): string {
  while (!existsSync(path.join(dir, 'package.json')) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return dir;
}

/**
 * The server package's folder. Found by looking up rather than by a fixed `..`, because this module
 * runs from `src/` under tsx and from a chunk of `dist/` when built (`tuopin build`).
 */
export const SERVER_PACKAGE_DIR = packageDirAbove(path.dirname(fileURLToPath(import.meta.url)));

/** The repository root (the deployment root): `.data/`, `schema/`, `tuopin.config.json` and the installed plugins' list live there. */
export const REPO_ROOT = path.resolve(SERVER_PACKAGE_DIR, '../..');
