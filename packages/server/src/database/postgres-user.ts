/**
 * PostgreSQL refuses to run as root, so when we are root the cluster runs as the OS user `postgres`.
 * This file finds (or creates) that user and answers "can that user reach this path?".
 */
import { spawnSync } from 'node:child_process';
import { runCommand, type RunAs } from './run-command.js';

export const POSTGRES_OS_USER = 'postgres';

/** The OS account the server processes run as. */
export interface PostgresOsUser extends RunAs {
  readonly name: string;
}

async function lookupUser(name: string): Promise<PostgresOsUser | undefined> {
  const uid = await runCommand('id', ['-u', name]);
  const gid = await runCommand('id', ['-g', name]);
  if (uid.code !== 0 || gid.code !== 0) return undefined;
  return { name, uid: Number(uid.output[0]), gid: Number(gid.output[0]) };
}

/**
 * Returns the `postgres` OS user, creating it as a system user (no home, no login shell) when it
 * does not exist yet. Only meaningful when running as root. `name` exists for tests.
 */
export async function ensurePostgresOsUser(
  note: (line: string) => void,
  name: string = POSTGRES_OS_USER,
): Promise<PostgresOsUser> {
  const existing = await lookupUser(name);
  if (existing) return existing;

  note(`running as root: creating system user '${name}' to run PostgreSQL (it refuses to run as root)`);
  // groupadd exits 9 when the group already exists (e.g. left behind by a removed user); that is fine.
  const group = await runCommand('groupadd', ['--system', name]);
  if (group.code !== 0 && group.code !== 9) {
    throw new Error(`could not create group '${name}' (groupadd exited ${group.code}): ${group.output.join('\n')}`);
  }
  const user = await runCommand('useradd', [
    '--system', '-g', name, '-M', '-d', '/nonexistent', '-s', '/usr/sbin/nologin', name,
  ]);
  const created = await lookupUser(name);
  if (!created) {
    throw new Error(
      `could not create OS user '${name}' (useradd exited ${user.code}): ${user.output.join('\n')}\n` +
        `Create it yourself (e.g. 'useradd --system -U -M -s /usr/sbin/nologin postgres') or do not run as root.`,
    );
  }
  note(`created system user '${name}' (uid ${created.uid}, gid ${created.gid})`);
  return created;
}

/**
 * True when `user` may read ('r'), write ('w') or execute/traverse ('x') `path`. Asks the kernel
 * by running `test` as that user (spawned with the same uid/gid as the server will be), so the
 * modes of every ancestor directory, ACLs and groups count exactly as they will for the server.
 * Requires root (to switch uid).
 */
export function canAccessAs(user: RunAs, path: string, mode: 'r' | 'w' | 'x'): boolean {
  const result = spawnSync('test', [`-${mode}`, path], { uid: user.uid, gid: user.gid, cwd: '/', stdio: 'ignore' });
  if (result.error) throw result.error;
  return result.status === 0;
}
