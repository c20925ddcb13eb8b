import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { checkPluginSettings } from '@tuopin/core';
import { ConfigurationError, type ServerConfig } from '../config.js';
import { openDatabase } from '../database/open-database.js';
import { isEmpty, loadDemoData } from '../demo-data.js';
import { writeReadmeAccessTables } from '../access-tables.js';
import { loadInstalledPlugins } from '../installed-plugins.js';
import type { Logger } from '../log.js';
import { createProgress } from '../progress/progress.js';
import { createOrm, migrate } from '../orm.js';
import { platformFor } from '../platform-for.js';
import { writeSchemaFiles } from '../schema-files.js';
import { seedScale } from '../seed/scale/index.js';
import { scaleSeedAreas, seedPluginsScale } from '../seed/scale/plugin-scale.js';

/**
 * Checks every enabled plugin's settings, opens the database and a migrated ORM, runs `work`, and
 * closes both whatever happens.
 */
export async function withMigratedDatabase(
  config: ServerConfig,
  log: Logger,
  work: (orm: MikroORM, databaseUrl: string) => Promise<void>,
): Promise<void> {
  const platform = platformFor(config);
  // A mistake in a plugin's settings stops here, before the database is opened or migrated.
  checkPluginSettings(platform.plugins, config.settings);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  try {
    const orm = await createOrm({ databaseUrl: database.url, platform, poolSize: config.poolSize });
    try {
      const applied = await migrate(orm);
      log.info(applied.length ? 'migrations applied' : 'database schema is up to date', { applied });
      await work(orm, database.url);
    } finally {
      await orm.close();
    }
  } finally {
    await database.stop();
  }
}

export function migrateCommand(config: ServerConfig, log: Logger): Promise<void> {
  return withMigratedDatabase(config, log, async () => {});
}

export function seedCommand(config: ServerConfig, log: Logger, args: string[]): Promise<void> {
  const flag = args.indexOf('--households');
  if (flag >= 0) {
    const households = Number(args[flag + 1]);
    if (!Number.isInteger(households) || households <= 0) throw new ConfigurationError('--households needs a positive whole number');
    return withMigratedDatabase(config, log, async (orm, url) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const progress = createProgress({ label: 'households', total: households, terminal: process.stderr, log });
        const line = (text: string) => {
          // On a terminal, clear the bar first so the line does not land after it; the next update redraws it.
          if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
          log.info(text, { component: 'seed' });
        };
        const summary = await seedScale(client, { households, log: line, onProgress: (copied) => progress.update(copied) });
        progress.finish();
        log.info('synthetic province loaded', { ...summary });
        // Then each enabled plugin's rows for it (finance's loans, say), so a benchmark can ask about them.
        await seedPluginsScale(orm, platformFor(config), await scaleSeedAreas(client), (text, fields) => log.info(text, { component: 'seed', ...fields }));
      } finally {
        await client.end();
      }
    });
  }
  if (args.length > 0) throw new ConfigurationError(`unknown seed option '${args[0]}'; use --households N`);
  return withMigratedDatabase(config, log, async (orm, url) => {
    if (!(await isEmpty(orm))) {
      log.warn('the database already holds data; demo data is only loaded into an empty database');
      return;
    }
    await loadDemoData(orm, platformFor(config), url, log);
  });
}

export async function schemaCommand(log: Logger): Promise<void> {
  const installed = await loadInstalledPlugins();
  const files = writeSchemaFiles(installed);
  // The README's tables of roles and permissions list every installed plugin's declarations too.
  if (writeReadmeAccessTables(installed)) files.push('README.md (roles and permissions)');
  log.info('schema written', { files });
}
