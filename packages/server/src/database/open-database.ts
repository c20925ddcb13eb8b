import pg from 'pg';
import type { Logger } from '../log.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface Database {
  /** Connection string of the application database. */
  readonly url: string;
  /** True when we started the cluster and must stop it. */
  readonly embedded: boolean;
  /** Stops the embedded cluster; does nothing for an external database. */
  stop(): Promise<void>;
}

/** The application database inside the embedded cluster. */
export const EMBEDDED_DATABASE = 'tuopin';

/** Creates a database unless it exists (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * The database the server uses: DATABASE_URL when set, otherwise an embedded PostgreSQL 17 with
 * its data in `dataDir` (a cluster left running by a killed earlier run is found and stopped).
 */
export async function openDatabase(options: { databaseUrl: string | null; dataDir: string; log: Logger }): Promise<Database> {
  if (options.databaseUrl) {
    return { url: options.databaseUrl, embedded: false, stop: async () => {} };
  }
  const cluster = await startEmbeddedPostgres({
    dataDir: options.dataDir,
    // pg_stat_statements lets benchmarks and operators count statements per request.
    settings: { shared_preload_libraries: 'pg_stat_statements' },
    log: (line) => {
      if (line.startsWith('[embedded-postgres]')) options.log.info(line.replace('[embedded-postgres] ', ''), { component: 'postgres' });
    },
  });
  await ensureDatabase(cluster.url(), EMBEDDED_DATABASE);
  return { url: cluster.url(EMBEDDED_DATABASE), embedded: true, stop: () => cluster.stop() };
}
