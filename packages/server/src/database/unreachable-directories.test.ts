import { spawnSync } from 'node:child_process';
import { chmod, cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binariesIn, ensureBinariesReachable, locatePostgresBinaries } from './postgres-binaries.js';
import { prepareDataDir } from './postgres-data-dir.js';
import { canAccessAs, ensurePostgresOsUser } from './postgres-user.js';
import { CLUSTER_TIMEOUT, isRoot, queryCluster, startCluster, useClusterDirectory } from './test-clusters.js';

const base = useClusterDirectory('tuopin-pg-unreachable-');

describe.runIf(isRoot)('as root, with directories the postgres user cannot reach', () => {
  it('detects unreachable paths precisely', async () => {
    const user = await ensurePostgresOsUser(() => {});
    const closed = await mkdtemp(path.join(base(), 'closed-')); // 0700, owned by root
    await mkdir(path.join(closed, 'inner'), { mode: 0o755 });
    expect(canAccessAs(user, base(), 'x')).toBe(true);
    expect(canAccessAs(user, closed, 'x')).toBe(false);
    expect(canAccessAs(user, path.join(closed, 'inner'), 'x')).toBe(false); // 0755 itself, but behind a 0700 parent
    await chmod(closed, 0o711);
    expect(canAccessAs(user, path.join(closed, 'inner'), 'x')).toBe(true);
  });

  it('copies the binaries once to a world-readable cache', { timeout: CLUSTER_TIMEOUT }, async () => {
    const user = await ensurePostgresOsUser(() => {});
    const original = locatePostgresBinaries();
    const closed = await mkdtemp(path.join(base(), 'checkout-')); // 0700, like /root
    await cp(original.nativeDir, path.join(closed, 'native'), { recursive: true, verbatimSymlinks: true });
    const hidden = binariesIn(path.join(closed, 'native'), original.version, original.platformId);
    const cacheRoot = path.join(base(), 'cache');
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
    const closed = await mkdtemp(path.join(base(), 'old-checkout-'));
    const requested = path.join(closed, 'data');
    await mkdir(requested, { mode: 0o700 });
    await writeFile(path.join(requested, 'PG_VERSION'), '17\n');
    const relocationRoot = path.join(base(), 'relocated');

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

  it('runs a cluster whose requested data directory is unreachable', { timeout: CLUSTER_TIMEOUT }, async () => {
    const closed = await mkdtemp(path.join(base(), 'private-')); // 0700, like /root/<checkout>
    const requested = path.join(closed, '.data', 'postgres');
    const { db, lines } = await startCluster(requested);
    try {
      expect(db.dataDir.startsWith('/var/tmp/tuopin-pgdata/')).toBe(true);
      expect(await readlink(requested)).toBe(db.dataDir);
      expect(lines.some((l) => l.includes(`so its data lives in ${db.dataDir}`))).toBe(true);
      expect(await queryCluster(db, 'SELECT current_user AS u')).toEqual([{ u: 'tuopin' }]);
      await db.stop();
      const second = await startCluster(requested);
      expect(second.db.dataDir).toBe(db.dataDir);
      await second.db.stop();
    } finally {
      await db.stop();
      await rm(db.dataDir, { recursive: true, force: true });
    }
  });
});