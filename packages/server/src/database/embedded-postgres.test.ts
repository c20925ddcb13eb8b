import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, lstat, mkdir, mkdtemp, chmod, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { binariesIn, ensureBinariesReachable, locatePostgresBinaries } from './postgres-binaries.js';
import { prepareDataDir } from './postgres-data-dir.js';
import { canAccessAs, ensurePostgresOsUser } from './postgres-user.js';
import { isProcessAlive } from './process-control.js';

const isRoot = process.getuid?.() === 0;
const TIMEOUT = 120_000;

let base: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'tuopin-pg-test-'));
  // mkdtemp makes it 0700; opened up so that, as root, the `postgres` user can reach the data
  // directories below it (the unreachable case has its own tests).
  await chmod(base, 0o755);
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Starts a cluster, collecting its log lines. */
async function start(dataDir: string, extra: { settings?: Record<string, string | number>; port?: number; password?: string; supervise?: boolean } = {}) {
  const lines: string[] = [];
  const db = await startEmbeddedPostgres({ dataDir, log: (line) => lines.push(line), ...extra });
  return { db, lines };
}

async function query<T extends pg.QueryResultRow>(db: EmbeddedPostgres, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url() });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The pid in a data directory's postmaster.pid, if any. */
async function postmasterPid(dataDir: string): Promise<number | undefined> {
  const text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : Number.parseInt(text, 10);
}

/** Starts a cluster in a separate Node process (which stays alive) and returns once it is ready. */
async function startInChildProcess(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const moduleUrl = pathToFileURL(fileURLToPath(new URL('./embedded-postgres.ts', import.meta.url))).href;
  const code = `
    const { startEmbeddedPostgres } = await import(${JSON.stringify(moduleUrl)});
    const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} });
    console.log(JSON.stringify({ port: db.port }));
    setInterval(() => {}, 1 << 30);
  `;
  const child = spawn(process.execPath, ['--import', tsxLoader, '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (status) => reject(new Error(`child exited early (${status})`)));
  });
  return { child, port: (JSON.parse(firstLine) as { port: number }).port };
}

describe('startEmbeddedPostgres', () => {
  it('creates a cluster once and reuses it on the next start', { timeout: TIMEOUT }, async () => {
    const dataDir = path.join(base, 'reuse');
    const first = await start(dataDir);
    try {
      const [row] = await query<{ version: string; collation: string }>(
        first.db,
        "SELECT version(), (SELECT datcollate FROM pg_database WHERE datname = 'postgres') AS collation",
      );
      expect(row?.version).toContain('PostgreSQL 17');
      expect(row?.collation).toBe('C');
      expect(first.db.dataDir).toBe(dataDir);
      expect(first.lines.some((l) => l.includes('initialising a new PostgreSQL cluster'))).toBe(true);
    } finally {
      await first.db.stop();
    }
    await first.db.stop(); // idempotent
    expect(await postmasterPid(dataDir)).toBeUndefined();

    const version = await stat(path.join(dataDir, 'PG_VERSION'));
    const second = await start(dataDir);
    try {
      expect(second.lines.some((l) => l.includes('initialising'))).toBe(false);
      const again = await stat(path.join(dataDir, 'PG_VERSION'));
      expect([again.ino, again.mtimeMs]).toEqual([version.ino, version.mtimeMs]);
      expect(await query(second.db, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await Promise.all([second.db.stop(), second.db.stop()]);
    }
  });

  it('stops a server left running by a Node process that was killed', { timeout: TIMEOUT }, async () => {
    const dataDir = path.join(base, 'leftover');
    // A separate Node process starts the cluster and is then SIGKILLed: it never calls stop() and
    // its exit handler never runs, exactly like a crashed or killed dev server.
    const { child, port } = await startInChildProcess(dataDir);
    let leftoverPid: number | undefined;
    try {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      leftoverPid = await postmasterPid(dataDir);
      expect(leftoverPid).toBeTypeOf('number');
      expect(isProcessAlive(leftoverPid!)).toBe(true); // postgres survived its parent

      const { db, lines } = await start(dataDir, { port }); // the very same port must be free again
      try {
        expect(lines).toContain(
          `[embedded-postgres] found PostgreSQL (pid ${leftoverPid}, port ${port}) left running by an earlier run on ${dataDir}; stopping it`,
        );
        expect(isProcessAlive(leftoverPid!)).toBe(false);
        expect(await postmasterPid(dataDir)).not.toBe(leftoverPid);
        expect(await query(db, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      } finally {
        await db.stop();
      }
    } finally {
      child.kill('SIGKILL');
      if (leftoverPid && isProcessAlive(leftoverPid)) process.kill(leftoverPid, 'SIGKILL');
    }
  });

  it('refuses to stop a server that a running Node process still uses', { timeout: TIMEOUT }, async () => {
    const dataDir = path.join(base, 'in-use');
    const { child, port } = await startInChildProcess(dataDir);
    const pid = await postmasterPid(dataDir);
    try {
      await expect(start(dataDir)).rejects.toThrow(`PostgreSQL (pid ${pid}, port ${port}) on ${dataDir} is in use by another running process (pid ${child.pid}`);
      expect(isProcessAlive(pid!)).toBe(true);
    } finally {
      // SIGTERM without a handler ends Node without 'exit' handlers: postgres is left behind,
      // and the next start cleans it up.
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    const { db, lines } = await start(dataDir);
    await db.stop();
    expect(lines.some((l) => l.includes(`found PostgreSQL (pid ${pid}`))).toBe(true);
  });

  it('removes a postmaster.pid whose process is gone', { timeout: TIMEOUT }, async () => {
    const dataDir = path.join(base, 'stale-pid');
    await (await start(dataDir)).db.stop();
    // A pid that certainly existed and is now dead: a finished child of ours.
    const deadPid = spawnSync('true').pid;
    expect(isProcessAlive(deadPid)).toBe(false);
    const pidFile = path.join(dataDir, 'postmaster.pid');
    await writeFile(pidFile, `${deadPid}\n${dataDir}\n1700000000\n5432\n\n127.0.0.1\n0 0\nready\n`);
    if (isRoot) spawnSync('chown', ['postgres:postgres', pidFile]);

    const { db, lines } = await start(dataDir);
    try {
      expect(lines.some((l) => l.includes(`removing stale ${pidFile} (pid ${deadPid}`))).toBe(true);
      expect(await postmasterPid(dataDir)).not.toBe(deadPid);
    } finally {
      await db.stop();
    }
  });

  it('passes settings such as shared_preload_libraries', { timeout: TIMEOUT }, async () => {
    const { db } = await start(path.join(base, 'settings'), {
      settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.max': 1000 },
    });
    try {
      await query(db, 'CREATE EXTENSION pg_stat_statements');
      const rows = await query<{ calls: string }>(db, 'SELECT calls FROM pg_stat_statements LIMIT 1');
      expect(rows.length).toBeGreaterThanOrEqual(0);
      expect(await query(db, 'SHOW shared_preload_libraries')).toEqual([{ shared_preload_libraries: 'pg_stat_statements' }]);
    } finally {
      await db.stop();
    }
  });

  it('names the port when it is already taken', { timeout: TIMEOUT }, async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      await expect(start(path.join(base, 'port'), { port })).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('reports credentials that do not match the existing cluster', { timeout: TIMEOUT }, async () => {
    const dataDir = path.join(base, 'credentials');
    await (await start(dataDir)).db.stop();
    await expect(start(dataDir, { password: 'something else' })).rejects.toThrow(/rejected user "tuopin"/);
    expect(await postmasterPid(dataDir)).toBeUndefined(); // the failed start left nothing running
  });
});

describe('the superuser password', () => {
  /** Connects with an explicit password; resolves to the SQLSTATE of a refusal, or 'ok'. */
  async function connectWith(db: EmbeddedPostgres, password: string): Promise<string> {
    const client = new pg.Client({ host: '127.0.0.1', port: db.port, user: 'tuopin', password, database: 'postgres' });
    client.on('error', () => {});
    try {
      await client.connect();
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    } finally {
      await client.end().catch(() => {});
    }
  }

  it('is random per cluster, kept 0600 beside the data directory, and the old fixed one is refused', { timeout: TIMEOUT }, async () => {
    const dataDir = path.join(base, 'random-password');
    const { db } = await start(dataDir);
    try {
      const file = `${dataDir}.password`;
      const password = (await readFile(file, 'utf8')).trim();
      expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(db.url()).toContain(encodeURIComponent(password));
      expect(await connectWith(db, password)).toBe('ok');
      expect(await connectWith(db, 'tuopin')).toBe('28P01');
      await db.stop();
      const again = await start(dataDir);
      expect(again.db.url()).toBe(db.url().replace(`:${db.port}/`, `:${again.db.port}/`));
      await again.db.stop();
      const other = await start(path.join(base, 'random-password-2'));
      expect(other.db.url()).not.toContain(encodeURIComponent(password));
      await other.db.stop();
    } finally {
      await db.stop();
    }
  });

  it('replaces the fixed password of a cluster made before, on its first start', { timeout: TIMEOUT }, async () => {
    const dataDir = path.join(base, 'legacy-password');
    await (await start(dataDir, { password: 'tuopin' })).db.stop(); // how clusters used to be made
    expect(existsSync(`${dataDir}.password`)).toBe(false);
    const { db, lines } = await start(dataDir);
    try {
      const password = (await readFile(`${dataDir}.password`, 'utf8')).trim();
      expect(await connectWith(db, password)).toBe('ok');
      expect(await connectWith(db, 'tuopin')).toBe('28P01');
      expect(lines.some((line) => line.includes('had the old fixed password'))).toBe(true);
      expect(existsSync(`${dataDir}.password.pending`)).toBe(false);
    } finally {
      await db.stop();
    }
  });

  it('finishes a change of password that an earlier start left half done', { timeout: TIMEOUT }, async () => {
    const dataDir = path.join(base, 'interrupted-password');
    const legacy = (await start(dataDir, { password: 'tuopin' })).db;
    // The earlier start chose a password and set it in the cluster, then died before recording it.
    await writeFile(`${dataDir}.password.pending`, 'chosen-by-the-interrupted-start\n', { mode: 0o600 });
    await query(legacy, "alter role tuopin password 'chosen-by-the-interrupted-start'");
    await legacy.stop();
    const { db } = await start(dataDir);
    try {
      expect((await readFile(`${dataDir}.password`, 'utf8')).trim()).toBe('chosen-by-the-interrupted-start');
      expect(await connectWith(db, 'chosen-by-the-interrupted-start')).toBe('ok');
    } finally {
      await db.stop();
    }
  });
});

describe('supervision', () => {
  it('restarts a server that was killed, on the same port, until stopped', { timeout: TIMEOUT }, async () => {
    const dataDir = path.join(base, 'supervised');
    const { db } = await start(dataDir);
    try {
      const firstPid = db.pid!;
      process.kill(firstPid, 'SIGKILL');
      const deadline = Date.now() + 60_000;
      while (db.restarts === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(db.restarts).toBe(1);
      expect(db.pid).not.toBe(firstPid);
      expect(await query(db, 'select 1 as one')).toEqual([{ one: 1 }]);
      await db.stop();
      expect(isProcessAlive(db.pid!)).toBe(false);
      expect(await postmasterPid(dataDir)).toBeUndefined();
    } finally {
      await db.stop();
    }
  });

  it('leaves a dead server dead when supervision is off', { timeout: TIMEOUT }, async () => {
    const { db } = await start(path.join(base, 'unsupervised'), { supervise: false });
    try {
      process.kill(db.pid!, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(db.restarts).toBe(0);
      await expect(query(db, 'select 1')).rejects.toThrow();
    } finally {
      await db.stop();
    }
  });
});

describe.runIf(isRoot)('as root, with directories the postgres user cannot reach', () => {
  it('detects unreachable paths precisely', async () => {
    const user = await ensurePostgresOsUser(() => {});
    const closed = await mkdtemp(path.join(base, 'closed-')); // 0700, owned by root
    await mkdir(path.join(closed, 'inner'), { mode: 0o755 });
    expect(canAccessAs(user, base, 'x')).toBe(true);
    expect(canAccessAs(user, closed, 'x')).toBe(false);
    expect(canAccessAs(user, path.join(closed, 'inner'), 'x')).toBe(false); // 0755 itself, but behind a 0700 parent
    await chmod(closed, 0o711);
    expect(canAccessAs(user, path.join(closed, 'inner'), 'x')).toBe(true);
  });

  it('copies the binaries once to a world-readable cache', { timeout: TIMEOUT }, async () => {
    const user = await ensurePostgresOsUser(() => {});
    const original = locatePostgresBinaries();
    const closed = await mkdtemp(path.join(base, 'checkout-')); // 0700, like /root
    await cp(original.nativeDir, path.join(closed, 'native'), { recursive: true, verbatimSymlinks: true });
    const hidden = binariesIn(path.join(closed, 'native'), original.version, original.platformId);
    const cacheRoot = path.join(base, 'cache');
    await mkdir(cacheRoot, { mode: 0o755 });

    const notes: string[] = [];
    const cached = await ensureBinariesReachable(hidden, user, (l) => notes.push(l), cacheRoot);
    expect(cached.nativeDir).toBe(path.join(cacheRoot, `tuopin-postgres-${original.version}-${original.platformId}`, 'native'));
    expect(notes.filter((l) => l.includes('copying'))).toHaveLength(1);
    expect(canAccessAs(user, cached.postgres, 'x')).toBe(true);
    // Library symlinks (if the package has them; pnpm may have hydrated them into files) stay links.
    const sourceLib = path.join(hidden.nativeDir, 'lib', 'libpq.so');
    const cachedLib = path.join(cached.nativeDir, 'lib', 'libpq.so');
    expect((await lstat(cachedLib)).isSymbolicLink()).toBe((await lstat(sourceLib)).isSymbolicLink());
    if ((await lstat(sourceLib)).isSymbolicLink()) expect(await readlink(cachedLib)).toBe(await readlink(sourceLib));
    const ran = spawnSync(cached.postgres, ['--version'], { uid: user.uid, gid: user.gid, cwd: '/', encoding: 'utf8' });
    expect(ran.stdout).toContain('PostgreSQL) 17');

    // Second time: the complete copy is reused, and reachable binaries are used where they are.
    const again = await ensureBinariesReachable(hidden, user, (l) => notes.push(l), cacheRoot);
    expect(again.nativeDir).toBe(cached.nativeDir);
    expect(notes.filter((l) => l.includes('copying'))).toHaveLength(1);
    expect((await ensureBinariesReachable(cached, user, () => {}, cacheRoot)).nativeDir).toBe(cached.nativeDir);
  });

  it('moves an existing cluster out of an unreachable directory', async () => {
    const user = await ensurePostgresOsUser(() => {});
    const closed = await mkdtemp(path.join(base, 'old-checkout-'));
    const requested = path.join(closed, 'data');
    await mkdir(requested, { mode: 0o700 });
    await writeFile(path.join(requested, 'PG_VERSION'), '17\n');
    const relocationRoot = path.join(base, 'relocated');

    const real = await prepareDataDir(requested, user, () => {}, relocationRoot);
    expect(path.dirname(real)).toBe(relocationRoot);
    expect(await readlink(requested)).toBe(real);
    expect(await readFile(path.join(real, 'PG_VERSION'), 'utf8')).toBe('17\n');
    const info = await stat(real);
    expect([info.uid, info.gid, info.mode & 0o777]).toEqual([user.uid, user.gid, 0o700]);
    // Deterministic: the next run lands on the same directory.
    expect(await prepareDataDir(requested, user, () => {}, relocationRoot)).toBe(real);

    // Deleting the link means starting afresh: the old cluster is moved aside, never picked up again.
    await rm(requested);
    const notes: string[] = [];
    const fresh = await prepareDataDir(requested, user, (line) => notes.push(line), relocationRoot);
    expect(fresh).toBe(real);
    expect(await readdir(fresh)).toEqual([]);
    const aside = (await readdir(relocationRoot)).filter((name) => name.startsWith(`${path.basename(real)}.orphaned-`));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(relocationRoot, aside[0], 'PG_VERSION'), 'utf8')).toBe('17\n');
    expect(notes.some((line) => line.includes('starting afresh'))).toBe(true);
  });

  it('runs a cluster whose requested data directory is unreachable', { timeout: TIMEOUT }, async () => {
    const closed = await mkdtemp(path.join(base, 'private-')); // 0700, like /root/<checkout>
    const requested = path.join(closed, '.data', 'postgres');
    const { db, lines } = await start(requested);
    try {
      expect(db.dataDir.startsWith('/var/tmp/tuopin-pgdata/')).toBe(true);
      expect(await readlink(requested)).toBe(db.dataDir);
      expect(lines.some((l) => l.includes(`so its data lives in ${db.dataDir}`))).toBe(true);
      expect(await query(db, 'SELECT current_user AS u')).toEqual([{ u: 'tuopin' }]);
      await db.stop();
      const second = await start(requested);
      expect(second.db.dataDir).toBe(db.dataDir);
      await second.db.stop();
    } finally {
      await db.stop();
      await rm(db.dataDir, { recursive: true, force: true });
    }
  });
});
