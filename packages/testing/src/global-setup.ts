import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPlatform, corePlugin } from '@tuopin/core';
import { createOrm, ensureDatabase, installedPluginPackages, migrate, startEmbeddedPostgres, type EmbeddedPostgres } from '@tuopin/server';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { importProjectPlugins } from './plugin-selection.js';
import type { ProvidedDatabase } from './provided.js';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One PostgreSQL per test project: an embedded cluster in a temporary directory (or the server at
 * TEST_DATABASE_URL), and a template database migrated once for the project's plugin set — core
 * and the plugins its vitest config names (`provide: { tuopinPlugins }`), or the deployment's
 * installed plugins. Each test file clones the template, which takes milliseconds, instead of
 * migrating again.
 */
export default async function setup(project: TestProject) {
  const from = project.config.root;
  const named = project.getProvidedContext().tuopinPlugins;
  const selection = { packages: named ?? installedPluginPackages(from), from, withDependencies: named !== undefined };
  const plugins = await importProjectPlugins(selection);
  let cluster: EmbeddedPostgres | undefined;
  let dataRoot: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataRoot = mkdtempSync(path.join(tmpdir(), 'tuopin-test-'));
    // mkdtemp makes it 0700: as root, the server's OS user could not reach a cluster inside it and
    // the data would be relocated to /var/tmp, outside what the teardown (or a killed run) cleans.
    chmodSync(dataRoot, 0o755);
    cluster = await startEmbeddedPostgres({
      dataDir: path.join(dataRoot, 'postgres'),
      // Tests never need durability; these make CREATE DATABASE and commits cheap.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: 300 },
    });
    adminUrl = cluster.url();
  }
  const prefix = `tuopin_test_${process.pid}_${Date.now().toString(36)}`;
  const template = `${prefix}_template`;
  await ensureDatabase(adminUrl, template);
  const orm = await createOrm({ databaseUrl: withDatabase(adminUrl, template), platform: buildPlatform({ plugins: [corePlugin, ...plugins] }), poolSize: 2 });
  await migrate(orm);
  await orm.close();

  const provided: ProvidedDatabase = { adminUrl, template, prefix, plugins: selection };
  project.provide('tuopinDatabase', provided);

  return async () => {
    if (cluster) {
      await cluster.stop();
      // The cluster's real directory, in case it was relocated all the same.
      rmSync(cluster.dataDir, { recursive: true, force: true });
      if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
      return;
    }
    // On a shared server, drop what this run created.
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${prefix}%`]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    await client.end();
  };
}
