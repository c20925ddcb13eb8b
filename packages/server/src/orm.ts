import { MikroORM, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import type { Platform } from '@tuopin/core';
import { StatementCountingEntityManager, StatementCountingLogger } from './observability/orm-statement-count.js';
import type { Logger } from './log.js';
import { redactText } from './log-redaction.js';
import { MIGRATIONS_TABLE, pendingMigrations } from './database/pending-migrations.js';

export interface OrmOptions {
  databaseUrl: string;
  platform: Pick<Platform, 'entities' | 'migrationsList'>;
  /** Connections in the pool; the bench compares servers at the same size. */
  poolSize?: number;
  /** Called with every SQL statement sent and its values (tests count them, and explain them). */
  onQuery?: (sql: string, bindings: readonly unknown[]) => void;
  /** Where the driver's own warnings go (a connection lost, say), as structured lines; the console otherwise. */
  log?: Logger;
}

/** Knex's logger, pointed at ours: one JSON line per warning instead of bare console output. */
function driverLog(log: Logger) {
  const note = (level: 'warn' | 'error') => (message: unknown) => log[level]('database driver', { note: redactText(String(message)) });
  return { warn: note('warn'), error: note('error'), deprecate: note('warn'), debug: () => {} };
}

/**
 * The ORM for one plugin set. Entities and migrations come from the platform, never from a
 * folder scan: `.ts` migration files loaded by path do not work under vitest, and an explicit
 * list makes the plugin set decide exactly which tables exist.
 */
export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  const config: Options = {
    driver: PostgreSqlDriver,
    clientUrl: options.databaseUrl,
    entities: [...options.platform.entities],
    // No `extensions: [Migrator]`: the migrator is loaded by `migrate` when a migration is pending.
    migrations: {
      migrationsList: [...options.platform.migrationsList],
      tableName: MIGRATIONS_TABLE,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      // The callers log which migrations ran, as structured lines.
      silent: true,
    },
    pool: { min: 0, max: options.poolSize ?? 10 },
    // Requests run on forks (one per request); the global manager is never used for work.
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
    ensureDatabase: false,
    debug: false,
    // Each statement counts against the request whose entity manager sent it (orm-statement-count.ts).
    entityManager: StatementCountingEntityManager,
    loggerFactory: (loggerOptions) => new StatementCountingLogger(loggerOptions),
    ...(options.log ? { driverOptions: { log: driverLog(options.log) } } : {}),
  };
  const orm = await MikroORM.init(config);
  if (options.onQuery) {
    const onQuery = options.onQuery;
    orm.em.getKnex().on('query', (query: { sql: string; bindings?: readonly unknown[] }) => onQuery(query.sql, query.bindings ?? []));
  }
  return orm;
}

/**
 * Runs pending migrations, in the platform's order; returns the names applied. The migrator and
 * umzug are imported only when one is pending (database/pending-migrations.ts says why), and
 * then run as before, finding for themselves what is pending.
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const listed = (orm.config.get('migrations').migrationsList ?? []).map((migration) => migration.name);
  if ((await pendingMigrations(orm, listed)).length === 0) return [];
  const { Migrator } = await import('@mikro-orm/migrations');
  if (!orm.config.getExtension('@mikro-orm/migrator')) Migrator.register(orm);
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
