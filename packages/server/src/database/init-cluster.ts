/**
 * Creating a new cluster with initdb. It runs in a staging directory next to the data directory
 * and is renamed into place only when complete: initdb writes PG_VERSION early, so a run killed
 * halfway would otherwise leave a directory that looks initialised but cannot start.
 */
import { chown, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCommand, type RunAs } from './run-command.js';

export interface InitClusterOptions {
  initdb: string;
  dataDir: string;
  user: string;
  password: string;
  runAs: RunAs | undefined;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

/** Runs initdb for `dataDir`, which must not exist or be an empty directory. */
export async function initCluster(options: InitClusterOptions): Promise<void> {
  const { dataDir, runAs } = options;
  const parent = path.dirname(dataDir);
  const staging = `${dataDir}.initdb-staging`;
  await rm(staging, { recursive: true, force: true }); // debris of an interrupted earlier attempt
  await mkdir(staging, { mode: 0o700 });

  // The password reaches initdb through a file (never the command line, which `ps` shows). The
  // file sits in a fresh 0700 directory beside the data dir because that location is known to be
  // reachable by the server's OS user, unlike e.g. a TMPDIR under /root.
  const secretDir = await mkdtemp(path.join(parent, '.initdb-secret-'));
  const passwordFile = path.join(secretDir, 'password');
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (runAs) {
    for (const p of [staging, secretDir, passwordFile]) await chown(p, runAs.uid, runAs.gid);
  }

  try {
    const result = await runCommand(
      options.initdb,
      [
        '--pgdata', staging,
        '--username', options.user,
        `--pwfile=${passwordFile}`,
        // Password authentication for every connection; we only listen on 127.0.0.1 anyway.
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // C collation: byte-order comparisons, so btree indexes serve LIKE 'prefix%' and range
        // scans on text codes, and sorting does not depend on the host's locales.
        '--locale=C',
        '--no-instructions',
      ],
      { runAs, env: options.env, onLine: options.log },
    );
    if (result.code !== 0) {
      throw new Error(`initdb failed for ${dataDir} (exit ${result.code}):\n${result.output.slice(-30).join('\n')}`);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(secretDir, { recursive: true, force: true });
  }

  // rename() replaces an empty directory atomically; a non-empty one (ENOTEMPTY) is not ours to clobber.
  try {
    await rename(staging, dataDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOTEMPTY' || (error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); move it away or empty it`);
    }
    throw error;
  }
}
