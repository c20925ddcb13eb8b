import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { POSTGRES_MALLOC_TUNABLES, withPostgresMallocTuning } from './postgres-malloc.js';

let base: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'tuopin-pg-malloc-'));
  // Opened up so that, as root, the `postgres` user can reach the data directory below it.
  await chmod(base, 0o755);
});
afterAll(() => rm(base, { recursive: true, force: true }));

describe("PostgreSQL's malloc setting", () => {
  it('is in the environment the embedded postmaster starts with', { timeout: 120_000 }, async () => {
    const db = await startEmbeddedPostgres({ dataDir: path.join(base, 'malloc') });
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
