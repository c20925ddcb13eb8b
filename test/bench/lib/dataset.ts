/**
 * The bench database: the demo data plus a synthetic province of N households (the server's own
 * `seed` commands), plus projects, funds and ledger entries for that province (scale-projects.ts).
 * A seeded database is kept between runs, named by size and a key over the migrations, the
 * seeders' sources and the bench's own data SQL, so a second run of the same size starts in seconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serverEnv } from '../auth.js';
import { copyDatabase, dropDatabase, quoteIdent, withClient, type Cluster } from './cluster.js';
import type { BenchOptions } from './options.js';
import { runNode } from './processes.js';
import { addScaleProjects, SCALE_PROJECTS_VERSION } from './scale-projects.js';

export interface Dataset {
  /** The seeded database the read questions run against. */
  database: string;
  /** Fresh copy of it for the write question. */
  writeDatabase: string;
  migrations: string[];
  /** True when this run seeded it; false when a cached one was reused. */
  seeded: boolean;
  seedSeconds: number | null;
  counts: Record<string, number>;
}

/** Migration files of core and every plugin, in name order, each with a hash of its text. */
export function listMigrations(serverDir: string): { name: string; sha: string }[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules') continue;
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (path.basename(dir) === 'migrations' && entry.endsWith('.ts') && !entry.endsWith('.test.ts') && entry !== 'index.ts') {
        found.push(full);
      }
    }
  };
  for (const root of ['packages', 'plugins']) {
    const base = path.join(serverDir, root);
    if (!existsSync(base)) continue;
    for (const pkg of readdirSync(base)) walk(path.join(base, pkg, 'src'));
  }
  return found
    .map((file) => ({
      name: path.relative(serverDir, file),
      sha: createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 12),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A hash of the seeders' sources: core's (`packages/server/src/seed`) and the plugins' demo and
 * scale data (`plugins/<name>/src/demo`, where `seedScale` lives), so that a change to what
 * `seed --households` writes seeds the database afresh.
 */
export function seedSourcesSha(serverDir: string): string {
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts')) hash.update(path.relative(serverDir, full)).update(readFileSync(full));
    }
  };
  walk(path.join(serverDir, 'packages', 'server', 'src', 'seed'));
  const plugins = path.join(serverDir, 'plugins');
  if (existsSync(plugins)) for (const name of readdirSync(plugins).sort()) walk(path.join(plugins, name, 'src', 'demo'));
  return hash.digest('hex').slice(0, 12);
}

function cacheKey(households: number, migrations: { name: string; sha: string }[], seeders: string): string {
  return createHash('sha1')
    .update(JSON.stringify({ households, migrations, seeders, projects: SCALE_PROJECTS_VERSION }))
    .digest('hex')
    .slice(0, 10);
}

function seedEnv(url: string, serverDir: string): Record<string, string> {
  return { ...serverEnv(serverDir), DATABASE_URL: url, NODE_ENV: 'production' };
}

/** Prints the server's JSON log lines as short progress lines. */
function progress(log: (line: string) => void) {
  return (line: string) => {
    try {
      const entry = JSON.parse(line) as { message?: string };
      if (entry.message) log(`  seed: ${entry.message}`);
    } catch {
      if (line.trim()) log(`  seed: ${line}`);
    }
  };
}

export async function prepareDataset(cluster: Cluster, options: BenchOptions, log: (line: string) => void): Promise<Dataset> {
  const migrations = listMigrations(options.serverDir);
  const key = cacheKey(options.households, migrations, seedSourcesSha(options.serverDir));
  const database = `bench_${options.households}_${key}`;
  const writeDatabase = 'bench_write';

  const { rows } = await cluster.admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [
    `bench\\_${options.households}\\_%`,
  ]);
  let seeded = false;
  let seedSeconds: number | null = null;
  if (rows.some((row) => row.datname === database)) {
    log(`reusing the seeded database ${database} (same size and migrations)`);
  } else {
    for (const row of rows) await dropDatabase(cluster, row.datname); // other keys of this size: stale
    const started = performance.now();
    const building = `${database}_building`;
    await dropDatabase(cluster, building);
    await cluster.admin.query(`create database ${quoteIdent(building)}`);
    const url = cluster.url(building);
    log(`seeding ${building}: demo data, then ${options.households.toLocaleString('en')} synthetic households`);
    const cli = path.join('packages', 'server', 'src', 'cli.ts');
    await runNode({ cwd: options.serverDir, args: [cli, 'seed'], env: seedEnv(url, options.serverDir), logName: 'seed-demo.log', onLine: progress(log) });
    await runNode({
      cwd: options.serverDir,
      args: [cli, 'seed', '--households', String(options.households)],
      env: seedEnv(url, options.serverDir),
      logName: 'seed-scale.log',
      onLine: progress(log),
    });
    await withClient(cluster, building, async (client) => {
      const added = await addScaleProjects(client);
      log(`  projects for the synthetic province: ${JSON.stringify(added)}`);
      log('  vacuum analyze');
      await client.query('vacuum analyze');
    });
    await cluster.admin.query(`alter database ${quoteIdent(building)} rename to ${quoteIdent(database)}`);
    seeded = true;
    seedSeconds = Math.round((performance.now() - started) / 100) / 10;
    log(`seeded ${database} in ${seedSeconds} s`);
  }

  const counts = await withClient(cluster, database, async (client) => {
    const { rows: [row] } = await client.query<Record<string, string>>(
      `select (select count(*) from household) as households, (select count(*) from member) as members,
              (select count(*) from area where level = 'VILLAGE') as villages, (select count(*) from area where level = 'COUNTY') as counties,
              (select count(*) from project) as projects, (select count(*) from fund) as funds, (select count(*) from ledger_entry) as ledger_entries,
              pg_database_size(current_database()) as bytes`,
    );
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  });
  return { database, writeDatabase, migrations: migrations.map((m) => m.name), seeded, seedSeconds, counts };
}

/** A fresh copy of the seeded database for the write question (after the peer's schema is in). */
export async function prepareWriteCopy(cluster: Cluster, dataset: Dataset): Promise<void> {
  await copyDatabase(cluster, dataset.database, dataset.writeDatabase);
}
