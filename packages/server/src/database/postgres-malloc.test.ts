import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedPostgres } from './embedded-postgres.js';
import { POSTGRES_MALLOC_TUNABLES, withPostgresMallocTuning } from './postgres-malloc.js';
import { CLUSTER_TIMEOUT, startCluster, useClusterDirectory } from './test-clusters.js';

const base = useClusterDirectory('tuopin-pg-malloc-');

/**
 * A query that needs a few hundred kilobytes in one piece, freed when it ends: string_agg's
 * buffer, doubled up to about 1.2 MB. A registration's statement needs one such block of its
 * executor's memory (a 256 KB block, while the household's checks are prepared).
 */
const LARGE_QUERY = `select length(string_agg(g::text, ',')) as n from generate_series(1, 200000) g`;
const RUNS = 20;

/** The minor page faults a backend has taken so far: field 10 of /proc/<pid>/stat. */
async function minorFaults(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[7]);
}

/** Minor page faults per run of LARGE_QUERY in one backend, once it has run the query a few times. */
async function faultsPerLargeQuery(db: EmbeddedPostgres): Promise<number> {
  const client = new pg.Client({ connectionString: db.url() });
  await client.connect();
  try {
    const { rows: [{ pid }] } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    for (let i = 0; i < 3; i++) await client.query(LARGE_QUERY);
    const before = await minorFaults(pid);
    for (let i = 0; i < RUNS; i++) {
      const { rows: [{ n }] } = await client.query<{ n: number }>(LARGE_QUERY);
      expect(n).toBeGreaterThan(1_000_000);
    }
    return ((await minorFaults(pid)) - before) / RUNS;
  } finally {
    await client.end();
  }
}

describe("PostgreSQL's malloc setting", () => {
  let tuned: EmbeddedPostgres | undefined;
  /** A cluster with session 58's setting alone: the heap's top kept, glibc's mmap threshold fixed at 128 KB. */
  let trimOnly: EmbeddedPostgres | undefined;

  beforeAll(async () => {
    tuned = (await startCluster(path.join(base(), 'tuned'))).db;
    const own = process.env.GLIBC_TUNABLES;
    process.env.GLIBC_TUNABLES = 'glibc.malloc.trim_threshold=33554432';
    try {
      trimOnly = (await startCluster(path.join(base(), 'trim-only'))).db;
    } finally {
      if (own === undefined) delete process.env.GLIBC_TUNABLES;
      else process.env.GLIBC_TUNABLES = own;
    }
  }, 2 * CLUSTER_TIMEOUT);

  afterAll(async () => {
    await tuned?.stop();
    await trimOnly?.stop();
  });

  it('is in the environment the embedded postmaster starts with', async () => {
    // The postmaster's environment, from /proc: its backends are forked from it and keep it.
    // glibc (2.36) ends the variable at its first ':' in place as it reads it, so /proc shows the
    // first tunable alone; the next test shows that both are in effect.
    const environment = (await readFile(`/proc/${tuned!.pid}/environ`, 'utf8')).split('\0');
    const tunables = environment.find((entry) => entry.startsWith('GLIBC_TUNABLES='))?.slice('GLIBC_TUNABLES='.length);
    expect(tunables).toMatch(/^glibc\.malloc\./);
    expect(POSTGRES_MALLOC_TUNABLES.startsWith(tunables!)).toBe(true);
  });

  it("lets a backend reuse a query's large memory on the next query instead of mapping it afresh", async () => {
    // With the trim threshold alone glibc maps every piece of 128 KB or more on its own and unmaps
    // it when freed, so each run faults all of it in again (a 1 MB buffer is 256 pages).
    const withTrimOnly = await faultsPerLargeQuery(trimOnly!);
    expect(withTrimOnly).toBeGreaterThan(100);
    // With the mmap threshold raised too, the memory stays in the heap, whose top is kept.
    const withBoth = await faultsPerLargeQuery(tuned!);
    expect(withBoth).toBeLessThan(withTrimOnly / 10);
  });

  it("is added to an environment without GLIBC_TUNABLES, and leaves a caller's own alone", () => {
    expect(withPostgresMallocTuning({ PATH: '/bin' })).toEqual({ PATH: '/bin', GLIBC_TUNABLES: POSTGRES_MALLOC_TUNABLES });
    const own = { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' };
    expect(withPostgresMallocTuning(own)).toBe(own);
  });
});
