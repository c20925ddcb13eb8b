/**
 * The embedded cluster's superuser password. It listens on 127.0.0.1, where any local user can
 * connect, so the password is random per cluster and kept in a file only our OS user can read
 * (`<data dir>.password`, mode 0600, e.g. `.data/postgres.password`). Clusters made before this
 * had the fixed password `tuopin`; they get a random one on their first start (see
 * `startEmbeddedPostgres`).
 *
 * A new password is first written as `<file>.pending` and only renamed into place once the
 * cluster accepts it, so a start interrupted at any point — before initdb finished, or between
 * changing the password in the cluster and recording it — finds the password again next time.
 */
import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The fixed password of clusters created before passwords were random. */
export const LEGACY_PASSWORD = 'tuopin';

export interface PasswordFiles {
  /** The password the cluster accepts. */
  readonly file: string;
  /** A password chosen but not yet known to be accepted. */
  readonly pending: string;
}

/** Where the password of the cluster requested at `dataDir` is kept. */
export function passwordFilesOf(dataDir: string): PasswordFiles {
  const file = `${path.resolve(dataDir)}.password`;
  return { file, pending: `${file}.pending` };
}

/** The password in a file, or undefined when there is none. Tightens a file others could read. */
export async function readPasswordFile(file: string): Promise<string | undefined> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return undefined;
  if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
  const password = text.trim();
  if (password.length === 0) throw new Error(`${file} is empty; delete it if the cluster still has its old password`);
  return password;
}

/** The pending password, chosen now if there is none yet. */
export async function pendingPassword(files: PasswordFiles): Promise<string> {
  const existing = await readPasswordFile(files.pending);
  if (existing !== undefined) return existing;
  // base64url: no quote or backslash, so it can be written into ALTER ROLE as a literal.
  const password = randomBytes(32).toString('base64url');
  await writeFile(files.pending, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

/** Records the pending password as the cluster's. */
export async function confirmPendingPassword(files: PasswordFiles): Promise<void> {
  await rename(files.pending, files.file);
}
