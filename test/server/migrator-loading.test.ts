/**
 * The migrator (`@mikro-orm/migrations`, umzug and what umzug loads) is imported only when a
 * migration is pending: a server keeps every module it imported, about 2.6 MB of heap for these
 * (packages/server/src/database/pending-migrations.ts). The built command line runs as a process
 * of its own, with a preload that reports at exit whether umzug was loaded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPlatform, corePlugin } from '@tuopin/core';
import { createOrm, pendingMigrations } from '@tuopin/server';
import { createTestDatabase } from '@tuopin/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServerForTest } from './built-server.js';
import { runCli } from './cli-process.js';

let built: Awaited<ReturnType<typeof buildServerForTest>>;
let preloadDir: string;
let preload: string;
beforeAll(async () => {
  built = await buildServerForTest();
  preloadDir = mkdtempSync(path.join(tmpdir(), 'tuopin-migrator-'));
  preload = path.join(preloadDir, 'report-umzug.cjs');
  // CommonJS packages imported by the built (ESM) server are in require.cache too.
  writeFileSync(preload, `process.on('exit', () => console.log('umzug loaded: ' + Object.keys(require.cache).some((file) => file.includes('/umzug/'))));\n`);
}, 60_000);
afterAll(() => {
  built?.remove();
  if (preloadDir) rmSync(preloadDir, { recursive: true, force: true });
});

async function migrateCommand(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const running = runCli(built.entry, ['migrate'], { DATABASE_URL: databaseUrl, TUOPIN_PLUGINS: '', NODE_OPTIONS: `--require ${preload}` });
  const code = await running.exited;
  return { code, output: running.output() };
}

async function appliedCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>('select count(*)::int as count from mikro_orm_migrations');
    return rows[0].count;
  } finally {
    await client.end();
  }
}

describe('the migrator is loaded only when a migration is pending', () => {
  it('an up-to-date database: nothing applied, umzug never loaded', async () => {
    const databaseUrl = await createTestDatabase();
    const before = await appliedCount(databaseUrl);
    expect(before).toBeGreaterThanOrEqual(corePlugin.migrations.length);
    const { code, output } = await migrateCommand(databaseUrl);
    expect(code, output).toBe(0);
    expect(output).toContain('"message":"database schema is up to date"');
    expect(output).toContain('umzug loaded: false');
    expect(await appliedCount(databaseUrl)).toBe(before);
  }, 120_000);

  it('a new database: every migration applied, through umzug', async () => {
    const databaseUrl = await createTestDatabase({ empty: true });
    const { code, output } = await migrateCommand(databaseUrl);
    expect(code, output).toBe(0);
    expect(output).toContain('"message":"migrations applied"');
    expect(output).toContain('umzug loaded: true');
    expect(await appliedCount(databaseUrl)).toBe(corePlugin.migrations.length);
  }, 120_000);
});

describe('pendingMigrations', () => {
  it('names what the database has not recorded, in the list order, whatever the ending', async () => {
    const orm = await createOrm({ databaseUrl: await createTestDatabase(), platform: buildPlatform({ plugins: [corePlugin] }), poolSize: 1 });
    try {
      const names = corePlugin.migrations.map((migration) => migration.name);
      expect(names.length).toBeGreaterThan(1);
      expect(await pendingMigrations(orm, names)).toEqual([]);
      // The migrator stores names without `.ts`/`.js`; a listed name with one is still applied.
      expect(await pendingMigrations(orm, [`${names[0]}.ts`, 'zz-20990101000000-not-yet', names[1], 'aa-20990102000000-nor-this.js'])).toEqual([
        'zz-20990101000000-not-yet',
        'aa-20990102000000-nor-this.js',
      ]);
    } finally {
      await orm.close();
    }
  });

  it('on a database without the migrations table, every listed name', async () => {
    const orm = await createOrm({ databaseUrl: await createTestDatabase({ empty: true }), platform: buildPlatform({ plugins: [corePlugin] }), poolSize: 1 });
    try {
      expect(await pendingMigrations(orm, ['b-1', 'a-2'])).toEqual(['b-1', 'a-2']);
    } finally {
      await orm.close();
    }
  });
});
