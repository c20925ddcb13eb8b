import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { EmbeddedPostgres } from './embedded-postgres.js';
import { CLUSTER_TIMEOUT, queryCluster, startCluster, useClusterDirectory } from './test-clusters.js';

const base = useClusterDirectory('tuopin-pg-password-');

describe('the superuser password', () => {
  /** Connects with an explicit password; resolves to the SQLSTATE of a refusal, or 'ok'. */
  async function connectWith(db: EmbeddedPostgres, password: string): Promise<string> {
    const client = new pg.Client({ host: '127.0.0.1', port: db.port, user: 'tuopin', password, database: 'postgres' });
    client.on('error', () => {});
    try {
      await client.connect();
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    } finally {
      await client.end().catch(() => {});
    }
  }

  it('is random per cluster, kept 0600 beside the data directory, and the old fixed one is refused', { timeout: CLUSTER_TIMEOUT }, async () => {
    const dataDir = path.join(base(), 'random-password');
    const { db } = await startCluster(dataDir);
    try {
      const file = `${dataDir}.password`;
      const password = (await readFile(file, 'utf8')).trim();
      expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(db.url()).toContain(encodeURIComponent(password));
      expect(await connectWith(db, password)).toBe('ok');
      expect(await connectWith(db, 'tuopin')).toBe('28P01');
      await db.stop();
      const again = await startCluster(dataDir);
      expect(again.db.url()).toBe(db.url().replace(`:${db.port}/`, `:${again.db.port}/`));
      await again.db.stop();
      const other = await startCluster(path.join(base(), 'random-password-2'));
      expect(other.db.url()).not.toContain(encodeURIComponent(password));
      await other.db.stop();
    } finally {
      await db.stop();
    }
  });

  it('replaces the fixed password of a cluster made before, on its first start', { timeout: CLUSTER_TIMEOUT }, async () => {
    const dataDir = path.join(base(), 'legacy-password');
    await (await startCluster(dataDir, { password: 'tuopin' })).db.stop(); // how clusters used to be made
    expect(existsSync(`${dataDir}.password`)).toBe(false);
    const { db, lines } = await startCluster(dataDir);
    try {
      const password = (await readFile(`${dataDir}.password`, 'utf8')).trim();
      expect(await connectWith(db, password)).toBe('ok');
      expect(await connectWith(db, 'tuopin')).toBe('28P01');
      expect(lines.some((line) => line.includes('had the old fixed password'))).toBe(true);
      expect(existsSync(`${dataDir}.password.pending`)).toBe(false);
    } finally {
      await db.stop();
    }
  });

  it('finishes a change of password that an earlier start left half done', { timeout: CLUSTER_TIMEOUT }, async () => {
    const dataDir = path.join(base(), 'interrupted-password');
    const legacy = (await startCluster(dataDir, { password: 'tuopin' })).db;
    // The earlier start chose a password and set it in the cluster, then died before recording it.
    await writeFile(`${dataDir}.password.pending`, 'chosen-by-the-interrupted-start\n', { mode: 0o600 });
    await queryCluster(legacy, "alter role tuopin password 'chosen-by-the-interrupted-start'");
    await legacy.stop();
    const { db } = await startCluster(dataDir);
    try {
      expect((await readFile(`${dataDir}.password`, 'utf8')).trim()).toBe('chosen-by-the-interrupted-start');
      expect(await connectWith(db, 'chosen-by-the-interrupted-start')).toBe('ok');
    } finally {
      await db.stop();
    }
  });
});