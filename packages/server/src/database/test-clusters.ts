/**
 * What the embedded-PostgreSQL tests share: a temporary directory per test file for their
 * clusters, starting a cluster with its log collected, and a one-off query. Imported by test files
 * only; the server's build starts from its entry point and never reaches this module.
 */
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres.js';

/** Starting a cluster, initdb included, on a loaded two-core machine. */
export const CLUSTER_TIMEOUT = 120_000;

export const isRoot = process.getuid?.() === 0;

/**
 * Registers a temporary directory for the calling test file, removed after it; returns a getter
 * (the directory exists only once `beforeAll` has run).
 */
export function useClusterDirectory(prefix: string): () => string {
  let base: string | undefined;
  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), prefix));
    // mkdtemp makes it 0700; opened up so that, as root, the `postgres` user can reach the data
    // directories below it (the unreachable case has its own tests).
    await chmod(base, 0o755);
  });
  afterAll(async () => {
    if (base) await rm(base, { recursive: true, force: true });
  });
  return () => {
    if (!base) throw new Error('the cluster directory is made in beforeAll; ask for it inside a test');
    return base;
  };
}

/** Starts a cluster, collecting its log lines. */
export async function startCluster(dataDir: string, extra: Omit<EmbeddedPostgresOptions, 'dataDir' | 'log'> = {}) {
  const lines: string[] = [];
  const db = await startEmbeddedPostgres({ dataDir, log: (line) => lines.push(line), ...extra });
  return { db, lines };
}

/** One query on a connection of its own. */
export async function queryCluster<T extends pg.QueryResultRow>(db: EmbeddedPostgres, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: db.url() });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The pid in a data directory's postmaster.pid, if any. */
export async function postmasterPid(dataDir: string): Promise<number | undefined> {
  const text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : Number.parseInt(text, 10);
}
