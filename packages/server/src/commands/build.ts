import path from 'node:path';
import type { Logger } from '../log.js';
import { REPO_ROOT } from '../paths.js';

/** `tuopin build`: compiles the server and the installed plugins into packages/server/dist. */
export async function buildCommand(log: Logger): Promise<void> {
  // Imported here, so that the built server's `start` never loads the bundler.
  const { buildServer } = await import('../build/build-server.js');
  const started = Date.now();
  const { entry, files } = await buildServer();
  log.info('server built', { entry: path.relative(REPO_ROOT, entry), files, ms: Date.now() - started });
}
