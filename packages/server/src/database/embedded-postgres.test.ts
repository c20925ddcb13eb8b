import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isProcessAlive } from './process-control.js';
import { CLUSTER_TIMEOUT, isRoot, postmasterPid, queryCluster, startCluster, useClusterDirectory } from './test-clusters.js';

const base = useClusterDirectory('tuopin-pg-test-');

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
  it('creates a cluster once and reuses it on the next start', { timeout: CLUSTER_TIMEOUT }, async () => {
    const dataDir = path.join(base(), 'reuse');
    const first = await startCluster(dataDir);
    try {
      const [row] = await queryCluster<{ version: string; collation: string }>(
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
    const second = await startCluster(dataDir);
    try {
      expect(second.lines.some((l) => l.includes('initialising'))).toBe(false);
      const again = await stat(path.join(dataDir, 'PG_VERSION'));
      expect([again.ino, again.mtimeMs]).toEqual([version.ino, version.mtimeMs]);
      expect(await queryCluster(second.db, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await Promise.all([second.db.stop(), second.db.stop()]);
    }
  });

  it('stops a server left running by a Node process that was killed', { timeout: CLUSTER_TIMEOUT }, async () => {
    const dataDir = path.join(base(), 'leftover');
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

      const { db, lines } = await startCluster(dataDir, { port }); // the very same port must be free again
      try {
        expect(lines).toContain(
          `[embedded-postgres] found PostgreSQL (pid ${leftoverPid}, port ${port}) left running by an earlier run on ${dataDir}; stopping it`,
        );
        expect(isProcessAlive(leftoverPid!)).toBe(false);
        expect(await postmasterPid(dataDir)).not.toBe(leftoverPid);
        expect(await queryCluster(db, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      } finally {
        await db.stop();
      }
    } finally {
      child.kill('SIGKILL');
      if (leftoverPid && isProcessAlive(leftoverPid)) process.kill(leftoverPid, 'SIGKILL');
    }
  });

  it('refuses to stop a server that a running Node process still uses', { timeout: CLUSTER_TIMEOUT }, async () => {
    const dataDir = path.join(base(), 'in-use');
    const { child, port } = await startInChildProcess(dataDir);
    const pid = await postmasterPid(dataDir);
    try {
      await expect(startCluster(dataDir)).rejects.toThrow(`PostgreSQL (pid ${pid}, port ${port}) on ${dataDir} is in use by another running process (pid ${child.pid}`);
      expect(isProcessAlive(pid!)).toBe(true);
    } finally {
      // SIGTERM without a handler ends Node without 'exit' handlers: postgres is left behind,
      // and the next start cleans it up.
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    const { db, lines } = await startCluster(dataDir);
    await db.stop();
    expect(lines.some((l) => l.includes(`found PostgreSQL (pid ${pid}`))).toBe(true);
  });

  it('removes a postmaster.pid whose process is gone', { timeout: CLUSTER_TIMEOUT }, async () => {
    const dataDir = path.join(base(), 'stale-pid');
    await (await startCluster(dataDir)).db.stop();
    // A pid that certainly existed and is now dead: a finished child of ours.
    const deadPid = spawnSync('true').pid;
    expect(isProcessAlive(deadPid)).toBe(false);
    const pidFile = path.join(dataDir, 'postmaster.pid');
    await writeFile(pidFile, `${deadPid}\n${dataDir}\n1700000000\n5432\n\n127.0.0.1\n0 0\nready\n`);
    if (isRoot) spawnSync('chown', ['postgres:postgres', pidFile]);

    const { db, lines } = await startCluster(dataDir);
    try {
      expect(lines.some((l) => l.includes(`removing stale ${pidFile} (pid ${deadPid}`))).toBe(true);
      expect(await postmasterPid(dataDir)).not.toBe(deadPid);
    } finally {
      await db.stop();
    }
  });

  it('passes settings such as shared_preload_libraries', { timeout: CLUSTER_TIMEOUT }, async () => {
    const { db } = await startCluster(path.join(base(), 'settings'), {
      settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.max': 1000 },
    });
    try {
      await queryCluster(db, 'CREATE EXTENSION pg_stat_statements');
      const rows = await queryCluster<{ calls: string }>(db, 'SELECT calls FROM pg_stat_statements LIMIT 1');
      expect(rows.length).toBeGreaterThanOrEqual(0);
      expect(await queryCluster(db, 'SHOW shared_preload_libraries')).toEqual([{ shared_preload_libraries: 'pg_stat_statements' }]);
    } finally {
      await db.stop();
    }
  });

  it('names the port when it is already taken', { timeout: CLUSTER_TIMEOUT }, async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      await expect(startCluster(path.join(base(), 'port'), { port })).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('reports credentials that do not match the existing cluster', { timeout: CLUSTER_TIMEOUT }, async () => {
    const dataDir = path.join(base(), 'credentials');
    await (await startCluster(dataDir)).db.stop();
    await expect(startCluster(dataDir, { password: 'something else' })).rejects.toThrow(/rejected user "tuopin"/);
    expect(await postmasterPid(dataDir)).toBeUndefined(); // the failed start left nothing running
  });
});