import { checkPluginSettings } from '@tuopin/core';
import { developmentTokens } from '../auth/development-tokens.js';
import type { ServerConfig } from '../config.js';
import { openDatabase } from '../database/open-database.js';
import { isEmpty, loadDemoData } from '../demo-data.js';
import { applyHeapGrowth } from '../heap-growth.js';
import { startIdleCollection } from '../idle-collection.js';
import { applyPretenuring } from '../pretenuring.js';
import { assembleServer } from '../http/assemble.js';
import { listen } from '../http/http-server.js';
import { listenForMetrics } from '../http/metrics-endpoint.js';
import type { Logger } from '../log.js';
import { describeErrorForLog } from '../log-redaction.js';
import { registerIdleCollectionMetrics } from '../observability/idle-collection-metrics.js';
import { createOrm, migrate } from '../orm.js';
import { tenancyFor } from '../platform-for.js';

/**
 * `start`: every enabled plugin's settings, database (embedded unless DATABASE_URL), migrations, demo data on an empty database,
 * then HTTP. SIGTERM and SIGINT drain requests in flight, close the pool and stop PostgreSQL.
 */
export async function startCommand(config: ServerConfig, log: Logger): Promise<void> {
  applyHeapGrowth(config.heapGrowingPercent);
  applyPretenuring(config.allocationSitePretenuring);
  log.info('heap', {
    growingPercent: config.heapGrowingPercent || "V8's own rule",
    allocationSitePretenuring: config.allocationSitePretenuring,
    idleCollectionSeconds: config.idleCollectionSeconds || 'off',
  });
  const tenancy = tenancyFor(config);
  // A mistake in a plugin's settings stops here, before the database is opened or migrated.
  checkPluginSettings(tenancy.deployment.plugins, config.settings);
  log.info('plugins', {
    enabled: tenancy.deployment.plugins.map((plugin) => plugin.name),
    provinces: Object.fromEntries([...tenancy.provinces].map(([code, platform]) => [code, platform.plugins.map((p) => p.name)])),
  });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  let orm: Awaited<ReturnType<typeof createOrm>> | undefined;
  try {
    orm = await createOrm({ databaseUrl: database.url, platform: tenancy.deployment, poolSize: config.poolSize, log });
    const applied = await migrate(orm);
    if (applied.length) log.info('migrations applied', { applied });
    if (await isEmpty(orm)) await loadDemoData(orm, tenancy.deployment, database.url, log);
  } catch (error) {
    await orm?.close();
    await database.stop();
    throw error;
  }

  const { gateway, metrics, stop } = await assembleServer({ orm, tenancy, settings: config.settings, limits: config.limits, auth: config.auth, production: config.production, log, http: config.http });
  // Only the started server collects when idle: tests run many servers in one process.
  const idle =
    config.idleCollectionSeconds > 0
      ? startIdleCollection({
          idleMs: config.idleCollectionSeconds * 1000,
          log,
          ...registerIdleCollectionMetrics(metrics.registry),
          heapGrowingPercent: config.heapGrowingPercent,
        })
      : null;
  const http = await listen(idle ? idle.track(gateway) : gateway, config.port, log);
  const metricsPort = config.http.metrics.port;
  const metricsServer = metricsPort === null ? null : await listenForMetrics(metrics, { port: metricsPort, token: config.http.metrics.token }, log);
  if (metricsServer) log.info('metrics', { metrics: `http://localhost:${metricsServer.port}/metrics` });
  const url = `http://localhost:${http.port}/graphql`;
  log.info('tuopin is ready', { graphql: url, health: `http://localhost:${http.port}/health`, ready: `http://localhost:${http.port}/ready` });
  if (config.auth.developmentSecret) await printDevelopmentTokens(config, url);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    await http.drain();
    idle?.stop();
    await metricsServer?.drain(1_000);
    await stop();
    await orm!.close();
    await database.stop();
    log.info('stopped');
  };
  // `on`, not `once`: Ctrl-C under `pnpm start` delivers SIGINT twice (the terminal's, and the one tsx
  // relays to its child); a second signal must not kill the process before PostgreSQL has stopped.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      shutdown(signal).catch((error: unknown) => {
        log.error('shutdown failed', describeErrorForLog(error));
        process.exitCode = 1;
      });
    });
  }
}

/** Development tokens, one per role over the demo areas, printed for people (not for log collectors). */
async function printDevelopmentTokens(config: ServerConfig, url: string): Promise<void> {
  const tokens = await developmentTokens(config.auth.jwt.secret!, config.auth.jwt);
  const lines = [
    '',
    `Development tokens (valid ${(config.auth.jwt.maxLifetimeSeconds ?? 86_400) / 3600} hours, signed with the development secret in .data/; never use them in production):`,
    ...tokens.map(({ principal, token }) => `  ${principal.role.padEnd(17)} ${principal.areaScopes.map((s) => s || '(national)').join(',').padEnd(13)} ${token}`),
    '',
    `Try: curl -s ${url} -H "authorization: Bearer <token>" -H 'content-type: application/json' -d '{"query":"{ region(code: \\"433125000000\\") { name stats { households } } }"}'`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
