import type { ServerConfig } from '../config.js';
import { openDatabase } from '../database/open-database.js';
import { isEmpty, loadDemoData } from '../demo-data.js';
import { createApp } from '../http/app.js';
import { listen } from '../http/http-server.js';
import type { Logger } from '../log.js';
import { createOrm, migrate } from '../orm.js';
import { platformFor } from '../platform-for.js';

/**
 * `start`: database (embedded unless DATABASE_URL), migrations, demo data on an empty database,
 * then HTTP. SIGTERM and SIGINT drain requests in flight, close the pool and stop PostgreSQL.
 */
export async function startCommand(config: ServerConfig, log: Logger): Promise<void> {
  const platform = platformFor(config);
  log.info('plugins', { enabled: platform.plugins.map((plugin) => plugin.name) });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  let orm: Awaited<ReturnType<typeof createOrm>> | undefined;
  try {
    orm = await createOrm({ databaseUrl: database.url, platform, poolSize: config.poolSize });
    const applied = await migrate(orm);
    if (applied.length) log.info('migrations applied', { applied });
    if (await isEmpty(orm)) await loadDemoData(orm, platform, database.url, log);
  } catch (error) {
    await orm?.close();
    await database.stop();
    throw error;
  }

  const app = createApp({ orm, platform, settings: config.settings, log, production: config.production });
  const http = await listen(app, config.port, log);
  log.info('tuopin is ready', {
    graphql: `http://localhost:${http.port}/graphql`,
    health: `http://localhost:${http.port}/health`,
    ready: `http://localhost:${http.port}/ready`,
  });
  log.warn('authentication is not enabled yet: every request acts as a national administrator (development only)');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    await http.drain();
    await orm!.close();
    await database.stop();
    log.info('stopped');
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      shutdown(signal).catch((error: unknown) => {
        log.error('shutdown failed', { error: String(error) });
        process.exitCode = 1;
      });
    });
  }
}
