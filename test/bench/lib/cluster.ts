/**
 * The bench's PostgreSQL: one embedded cluster in test/bench/.work/, with pg_stat_statements, and
 * the admin connection the harness uses for its own queries (to the `postgres` database, so they
 * never count against a server's statements).
 */
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../../packages/server/src/database/embedded-postgres.js';
import { WORK_DIR } from './options.js';
import { childrenCpuTimesMs } from './processes.js';

/** Settings every server sees alike. Printed in the report. */
export const POSTGRES_SETTINGS: Record<string, string | number> = {
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.max': 10_000,
  'pg_stat_statements.track': 'top',
  'pg_stat_statements.track_utility': 'on',
  max_connections: 200,
  // Large enough to hold the seeded database and the write copy (2.3 GiB each when freshly seeded
  // at a million households; the read audit's records add to them run by run), which are read
  // into it before the rounds (`prewarmDatabase`).
  shared_buffers: '8GB',
  // As before session 31: the planner's costs, and so the plans both servers get, stay the same.
  effective_cache_size: '8GB',
  // The data is loaded once and then only read (writes go to a copy): no checkpoint storms mid-run.
  max_wal_size: '8GB',
  checkpoint_timeout: '30min',
  // Off: the harness vacuums what was written before each server's question (`vacuumWritten`).
  // With it on, autovacuum ran in whichever server's runs the clock put it in, the work another
  // server's writes had earned included: in a `--only Q5` run (session 66) it vacuumed or analyzed
  // the audit log once a minute, for 1.3–2.8 s each, on one of the two cores.
  autovacuum: 'off',
};

export interface Cluster {
  readonly pg: EmbeddedPostgres;
  /** Connection string of a database in the cluster. */
  url(database: string): string;
  /** The harness's own connection, to the `postgres` database. */
  readonly admin: pg.Pool;
  stop(): Promise<void>;
}

export async function startCluster(log: (line: string) => void): Promise<Cluster> {
  const cluster = await startEmbeddedPostgres({
    dataDir: path.join(WORK_DIR, 'postgres'),
    settings: POSTGRES_SETTINGS,
    log: (line) => {
      if (line.startsWith('[embedded-postgres]')) log(line);
    },
  });
  const admin = new pg.Pool({ connectionString: cluster.url('postgres'), max: 2 });
  admin.on('error', () => {});
  await admin.query('create extension if not exists pg_stat_statements');
  let stopped = false;
  return {
    pg: cluster,
    url: (database) => cluster.url(database),
    admin,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await admin.end().catch(() => {});
      await cluster.stop();
    },
  };
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function databaseExists(cluster: Cluster, name: string): Promise<boolean> {
  const { rowCount } = await cluster.admin.query('select 1 from pg_database where datname = $1', [name]);
  return (rowCount ?? 0) > 0;
}

/** Drops a database, closing whatever connections are left on it. */
export async function dropDatabase(cluster: Cluster, name: string): Promise<void> {
  await cluster.admin.query(`drop database if exists ${quoteIdent(name)} with (force)`);
}

/** A copy of `template` (no one may be connected to it meanwhile). */
export async function copyDatabase(cluster: Cluster, template: string, name: string): Promise<void> {
  await dropDatabase(cluster, name);
  // FILE_COPY copies the files; the default WAL_LOG strategy writes every page through the WAL.
  await cluster.admin.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)} strategy file_copy`);
}

export interface Prewarmed {
  database: string;
  mib: number;
  seconds: number;
}

/**
 * Reads every table and index of a database into PostgreSQL's shared buffers (pg_prewarm), so that
 * no server is measured against a cold disk. This machine's disk reads 20–40 MB/s, and its page
 * cache does not keep the database's files for long: a county officer's household search that
 * read a few thousand member pages from disk took seconds (session 30's Q7), while the same
 * search on pages in memory took milliseconds. Without this, whichever server first asked about a
 * part of the data paid for reading it.
 *
 * The extension is dropped again, so that PostGraphile's introspection never sees its functions.
 */
export async function prewarmDatabase(cluster: Cluster, database: string): Promise<Prewarmed> {
  const started = performance.now();
  const pages = await withClient(cluster, database, async (client) => {
    await client.query('create extension if not exists pg_prewarm');
    try {
      const { rows } = await client.query<{ pages: string }>(
        `select coalesce(sum(pg_prewarm(c.oid, 'buffer')), 0) as pages
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind in ('r', 'i', 'm', 't') and c.relpersistence = 'p' and n.nspname <> 'information_schema'`,
      );
      return Number(rows[0].pages);
    } finally {
      await client.query('drop extension if exists pg_prewarm');
    }
  });
  return { database, mib: Math.round((pages * 8) / 1024), seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/**
 * Vacuums and analyzes the tables of the client's database written since they last were (by the
 * statistics PostgreSQL has flushed so far: what is not counted yet is done at the next call), and
 * returns their names. With autovacuum off (POSTGRES_SETTINGS) this is what keeps the written
 * tables' statistics and visibility maps up to date, between runs instead of inside them.
 */
export async function vacuumWritten(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    // Not by n_dead_tup: a vacuum leaves it at the dead rows it counted and did not remove (174 on
    // the seeded household table, after every vacuum), so that table was vacuumed before every run.
    `select format('%I.%I', schemaname, relname) as name from pg_stat_user_tables
      where n_ins_since_vacuum > 0 or n_mod_since_analyze > 0 order by 1`,
  );
  const names = rows.map((row) => row.name);
  if (names.length > 0) await client.query(`vacuum (analyze) ${names.join(', ')}`);
  return names;
}

/** Runs `work` with a client connected to one database of the cluster. */
export async function withClient<T>(cluster: Cluster, database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: cluster.url(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Forgets every statement statistic (before each measured run). */
export async function resetStatements(cluster: Cluster): Promise<void> {
  await cluster.admin.query('select pg_stat_statements_reset()');
}

export interface StatementStat {
  query: string;
  calls: number;
  totalMs: number;
  meanMs: number;
  rows: number;
}

/**
 * Statements run in `database` since the last reset, the harness's own excluded (it only ever
 * talks to pg_stat_statements, from the `postgres` database).
 */
export async function readStatements(cluster: Cluster, database: string): Promise<StatementStat[]> {
  const { rows } = await cluster.admin.query<{ query: string; calls: string; total: number; mean: number; rows: string }>(
    `select s.query, s.calls, s.total_exec_time as total, s.mean_exec_time as mean, s.rows
     from pg_stat_statements s join pg_database d on d.oid = s.dbid
     where d.datname = $1 and s.query not ilike '%pg_stat_statements%'
     order by s.total_exec_time desc`,
    [database],
  );
  return rows.map((row) => ({
    query: row.query,
    calls: Number(row.calls),
    totalMs: row.total,
    meanMs: row.mean,
    rows: Number(row.rows),
  }));
}

/**
 * The CPU PostgreSQL has used so far for `database`, by process (null when its postmaster is not
 * known): the backends connected to it (titled `postgres: <user> <database> <host> <state>`) and
 * the WAL writer, which flushes what their commits leave. The servers are loaded one at a time,
 * so what these spend during a run is that server's, with what the statements' execution time
 * leaves out: parsing, commits and the WAL's flush, the sockets. The checkpointer and autovacuum
 * are left out: they work in bursts, after whichever server wrote, not for the requests of the run
 * they fall in. So are parallel workers, which these questions' plans do not use.
 */
export function postgresCpuTimesMs(cluster: Cluster, database: string): Map<number, number> | null {
  const pid = cluster.pg.pid;
  if (pid === undefined) return null;
  return childrenCpuTimesMs(pid, (title) => title === 'postgres: walwriter' || (title.startsWith('postgres: ') && title.split(' ')[2] === database));
}
