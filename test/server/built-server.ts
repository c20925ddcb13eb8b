import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { BUILD_DIR, buildServer } from '@tuopin/server';

/**
 * The server built as `pnpm start` builds it, for tests that run the command line as a process.
 * Each build gets a folder of its own (test files run side by side), inside the server package,
 * where the built modules look for the repository root.
 */
export async function buildServerForTest(): Promise<{ entry: string; remove: () => void }> {
  const outDir = path.join(path.dirname(BUILD_DIR), 'dist-test', randomUUID());
  const { entry } = await buildServer({ outDir, sourceMaps: false });
  return { entry, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}
