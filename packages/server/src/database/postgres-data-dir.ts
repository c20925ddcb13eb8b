/**
 * Choosing and preparing the cluster's data directory. PostgreSQL insists that the data directory
 * is owned by the user running the server and has mode 0700 (or 0750). When we are root the
 * server runs as `postgres`, which may be unable to reach the requested directory at all (a
 * checkout under /root); then the data lives under a world-traversable root and the requested
 * path becomes a symlink to it, so `.data/` stays the one place people look.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, cp, lstat, mkdir, readdir, readlink, realpath, rename, rm, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { canAccessAs } from './postgres-user.js';
import type { RunAs } from './run-command.js';

/** Where relocated data directories go (/var/tmp survives reboots, unlike /tmp on many systems). */
export const DEFAULT_RELOCATION_ROOT = '/var/tmp/tuopin-pgdata';

/**
 * Returns the directory to pass to `postgres -D`, creating it if needed with the ownership and
 * mode PostgreSQL demands. Without `runAs` (not root) that is simply the requested directory.
 */
export async function prepareDataDir(
  requested: string,
  runAs: RunAs | undefined,
  note: (line: string) => void,
  relocationRoot: string = DEFAULT_RELOCATION_ROOT,
): Promise<string> {
  const absolute = path.resolve(requested);
  if (!runAs) {
    await mkdir(absolute, { recursive: true, mode: 0o700 });
    // The real path, so initdb's rename-into-place never replaces a symlink the user set up.
    const real = await realpath(absolute);
    await ensurePrivateDir(real, undefined);
    return real;
  }

  await mkdir(path.dirname(absolute), { recursive: true });
  // Follows the symlink an earlier relocation left behind, so the second run lands on the real data.
  const real = await realpath(absolute).catch(() => absolute);
  if (canAccessAs(runAs, path.dirname(real), 'x')) {
    await ensurePrivateDir(real, runAs);
    return real;
  }

  const target = path.join(relocationRoot, createHash('sha1').update(absolute).digest('hex').slice(0, 12));
  await prepareRelocationRoot(relocationRoot);
  if (!(await lstat(absolute).catch(() => undefined))) await setAsideOrphan(target, absolute, note);
  await vacateRequestedPath(absolute, target, note);
  await ensurePrivateDir(target, runAs);
  if (!(await lstat(absolute).catch(() => undefined))) {
    await symlink(target, absolute);
    note(
      `the '${path.dirname(absolute)}' directory is not reachable by the OS user PostgreSQL runs as, ` +
        `so its data lives in ${target}; ${absolute} is a symlink to it`,
    );
  }
  return target;
}

/**
 * Creates `dir` (mode 0700) or fixes an existing one's ownership and mode. Refuses a directory
 * that holds something other than a cluster: neither its ownership nor initdb should touch that.
 */
async function ensurePrivateDir(dir: string, owner: RunAs | undefined): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const entries = await readdir(dir);
  if (entries.length > 0 && !entries.includes('PG_VERSION')) {
    throw new Error(`${dir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away or empty it`);
  }
  const info = await stat(dir);
  if (owner && (info.uid !== owner.uid || info.gid !== owner.gid)) {
    // A cluster created by another user (e.g. an earlier non-root run): every file must change hands.
    const result = spawnSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dir], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`chown -R ${owner.uid}:${owner.gid} ${dir} failed: ${result.stderr}`);
  }
  const mode = info.mode & 0o777;
  if (mode !== 0o700 && mode !== 0o750) await chmod(dir, 0o700);
}

/**
 * The relocation root must be traversable by the server's user and controlled by root only
 * (it sits next to world-writable /var/tmp, where anybody could have created it first).
 */
async function prepareRelocationRoot(root: string): Promise<void> {
  await mkdir(root, { recursive: true, mode: 0o755 });
  const info = await stat(root);
  if (info.uid !== 0 || (info.mode & 0o022) !== 0) {
    throw new Error(`refusing to keep PostgreSQL data in ${root}: it is not owned by root or is writable by others`);
  }
  if ((info.mode & 0o777) !== 0o755) await chmod(root, 0o755);
}

/**
 * The relocated directory is named after the requested path, so a cluster whose link was deleted
 * (the README's "delete .data/ to start afresh", or a new clone in the same place) would be picked
 * up again. Nothing links to it any more: it is moved aside, not reused and not deleted.
 */
async function setAsideOrphan(target: string, requested: string, note: (line: string) => void): Promise<void> {
  if (!(await lstat(target).catch(() => undefined))) return;
  const aside = `${target}.orphaned-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(target, aside);
  note(`${target} held the data of an earlier ${requested}, whose link is gone; moved it to ${aside} and starting afresh (delete it when no longer needed)`);
}

/**
 * Makes room for the symlink at the requested path. An empty directory is removed; an existing
 * cluster there (which the server's user cannot reach) is moved to `target`. Anything else is
 * left alone and reported, because it is not ours to delete.
 */
async function vacateRequestedPath(requested: string, target: string, note: (line: string) => void): Promise<void> {
  const info = await lstat(requested).catch(() => undefined);
  if (!info) return;
  if (info.isSymbolicLink()) {
    if ((await readlink(requested)) === target) return; // ours; the target may have been cleaned away
    throw new Error(`${requested} is a symlink to ${await readlink(requested)}, which the PostgreSQL OS user cannot reach`);
  }
  if (!info.isDirectory()) throw new Error(`${requested} exists and is not a directory`);

  const entries = await readdir(requested);
  if (entries.length === 0) {
    await rm(requested, { recursive: true });
    return;
  }
  const targetExists = await lstat(target).then(() => true, () => false);
  if (!entries.includes('PG_VERSION') || targetExists) {
    throw new Error(
      `${requested} is not reachable by the PostgreSQL OS user and is not empty; ` +
        `move it away or make its parent directories traversable (chmod o+x)`,
    );
  }
  note(`moving the existing cluster in ${requested} to ${target}, where the PostgreSQL OS user can reach it`);
  try {
    await rename(requested, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(requested, target, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    await rm(requested, { recursive: true });
  }
}
