import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POSTGRES_MALLOC_TUNABLES, withPostgresMallocTuning } from './postgres-malloc.js';
import { CLUSTER_TIMEOUT, startCluster, useClusterDirectory } from './test-clusters.js';

const base = useClusterDirectory('tuopin-pg-malloc-');

describe("PostgreSQL's malloc setting", () => {
  it('is in the environment the embedded postmaster starts with', { timeout: CLUSTER_TIMEOUT }, async () => {
    const { db } = await startCluster(path.join(base(), 'malloc'));
    try {
      // The postmaster's environment, from /proc: its backends are forked from it and keep it.
      const environment = (await readFile(`/proc/${db.pid}/environ`, 'utf8')).split('\0');
      expect(environment).toContain(`GLIBC_TUNABLES=${POSTGRES_MALLOC_TUNABLES}`);
    } finally {
      await db.stop();
    }
  });

  it("is added to an environment without GLIBC_TUNABLES, and leaves a caller's own alone", () => {
    expect(withPostgresMallocTuning({ PATH: '/bin' })).toEqual({ PATH: '/bin', GLIBC_TUNABLES: POSTGRES_MALLOC_TUNABLES });
    const own = { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' };
    expect(withPostgresMallocTuning(own)).toBe(own);
  });
});
