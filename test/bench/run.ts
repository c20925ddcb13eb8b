/**
 * `pnpm bench [--full]`: tuopin against PostGraphile 5 and the raw SQL floor, on the same machine,
 * the same data and the same questions. See test/bench/README.md.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dropDatabase, POSTGRES_SETTINGS, prewarmDatabase, startCluster, withClient, type Cluster, type Prewarmed } from './lib/cluster.js';
import { countyRun } from './lib/county.js';
import { prepareDataset, prepareWriteCopy } from './lib/dataset.js';
import { commitOf, machineInfo } from './lib/machine.js';
import { parseOptions, REPO_DIR, RESULTS_DIR } from './lib/options.js';
import { installPeerSchema } from './lib/peer-schema.js';
import { profilePhase, verifyPhase } from './lib/phases.js';
import { consoleSummary, markdownReport } from './lib/report.js';
import { reportStem } from './lib/report-name.js';
import type { BenchResults, QuestionResult } from './lib/results.js';
import { runRounds, type RunContext } from './lib/rounds.js';
import type { RunningServer } from './lib/servers.js';
import { QUESTIONS, questionById, type Vars } from './questions/index.js';
import { runFloor } from './floor/floor.js';
import { runCompare } from './compare/compare.js';
import { withPostgresMallocTuning } from '../../packages/server/src/database/postgres-malloc.js';

const started = performance.now();
const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const questions = options.only ? options.only.map(questionById) : QUESTIONS;
  log(`${options.mode} mode: ${options.households.toLocaleString('en')} households, ${options.rounds} rounds, ${options.durationSec} s runs; our server from ${options.serverDir}`);
  const date = new Date().toISOString();
  // Taken before anything runs: a checkout that moves during a long run must not relabel it.
  const commits = { bench: commitOf(REPO_DIR), server: commitOf(options.serverDir) };
  const running = new Set<RunningServer>();
  let cluster: Cluster | undefined;
  let writeCopy: string | undefined;
  const stopAll = async () => {
    await Promise.all([...running].map((server) => server.stop().catch(() => {})));
    // The write copy is as large as the data and is made afresh by every run.
    if (cluster && writeCopy) await dropDatabase(cluster, writeCopy).catch(() => {});
    await cluster?.stop().catch(() => {});
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the servers and PostgreSQL`);
      stopAll().finally(() => process.exit(130));
    });
  }

  try {
    cluster = await startCluster(log);
    const dataset = await prepareDataset(cluster, options, log);
    log(`data: ${JSON.stringify(dataset.counts)}`);
    await withClient(cluster, dataset.database, installPeerSchema);
    await prepareWriteCopy(cluster, dataset);
    writeCopy = dataset.writeDatabase;
    const prewarmed: Prewarmed[] = [];
    for (const database of questions.some((q) => q.write) ? [dataset.database, dataset.writeDatabase] : [dataset.database]) {
      log(`reading ${database} into shared buffers`);
      const read = await prewarmDatabase(cluster, database);
      prewarmed.push(read);
      log(`  ${read.mib} MiB in ${read.seconds} s`);
    }

    const pools = new Map<string, Vars[]>();
    await withClient(cluster, dataset.database, async (client) => {
      for (const question of questions) pools.set(question.id, await question.sample(client));
    });
    const results = new Map<string, QuestionResult>(
      questions.map((q) => [
        q.id,
        {
          id: q.id,
          title: q.title,
          description: q.description,
          write: !!q.write,
          variableSets: pools.get(q.id)!.length,
          verified: { samples: 0, nonEmpty: 0 },
          peerMaxRps: null,
          ratesRps: {},
          rounds: {},
          sql: {},
          profile: null,
          profileFile: null,
        },
      ]),
    );
    for (const question of questions) {
      if (pools.get(question.id)!.length === 0) throw new Error(`${question.id}: no variables could be drawn from the data`);
    }
    const county = await countyRun(cluster, dataset.database, questions, pools);
    log(`county officer: ${county.caller.scopes.length} counties of the synthetic province; asks ${[...county.pools.keys()].join(', ')}`);
    const ctx: RunContext = { cluster, dataset, options, questions, pools, results, log, running, county };

    log('checking that all three servers give the same answers');
    await verifyPhase(ctx);
    await runRounds(ctx);
    if (options.profileSec > 0) {
      log(`profiling our server (--cpu-prof, ${options.profileSec} s per question at 10 connections)`);
      await profilePhase(ctx);
    }

    const report: BenchResults = {
      meta: {
        date,
        mode: options.mode,
        commit: commits.bench,
        serverDir: options.serverDir,
        serverCommit: commits.server,
        machine: await machineInfo(cluster),
        options: { ...options, serverDir: undefined },
        // With what the cluster's environment tells glibc's malloc (postgres-malloc.ts): without it PostgreSQL spent a fifth of its CPU shrinking and regrowing its heap.
        postgresSettings: { ...POSTGRES_SETTINGS, 'environment GLIBC_TUNABLES': withPostgresMallocTuning(process.env).GLIBC_TUNABLES! },
        data: dataset.counts,
        database: dataset.database,
        seeded: dataset.seeded,
        seedSeconds: dataset.seedSeconds,
        prewarmed,
        migrations: dataset.migrations,
        wallSeconds: Math.round((performance.now() - started) / 1000),
      },
      questions: [...results.values()],
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    // A run of some questions is named after them and leaves latest-<mode> to runs of all; a
    // second run on a day gets the time too (reportStem).
    const base = `${date.slice(0, 10)}-${options.mode}${options.only ? `-${options.only.join('-')}` : ''}`;
    const stem = reportStem(base, date);
    const markdown = markdownReport(report);
    writeFileSync(path.join(RESULTS_DIR, `${stem}.md`), markdown);
    writeFileSync(path.join(RESULTS_DIR, `${stem}.json`), `${JSON.stringify(report, null, 2)}\n`);
    if (!options.only) {
      copyFileSync(path.join(RESULTS_DIR, `${stem}.md`), path.join(RESULTS_DIR, `latest-${options.mode}.md`));
      copyFileSync(path.join(RESULTS_DIR, `${stem}.json`), path.join(RESULTS_DIR, `latest-${options.mode}.json`));
    }
    console.log(`\n${consoleSummary(report)}\n`);
    log(`report: ${path.relative(REPO_DIR, path.join(RESULTS_DIR, `${stem}.md`))}${options.only ? '' : ` (and latest-${options.mode}.md, .json)`}`);
  } finally {
    await stopAll();
  }
}

/**
 * `--report FILE.json`: a saved run's Markdown report on stdout, rendered by today's report code
 * (e.g. after the targets changed), without starting anything.
 */
async function printSavedReport(argv: string[]): Promise<void> {
  const file = argv[argv.indexOf('--report') + 1];
  if (!file || file.startsWith('--')) throw new Error('--report needs the path of a saved run (results/<date>-<mode>.json)');
  const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  process.stdout.write(markdownReport(results));
}

const argv = process.argv.slice(2);
(argv.includes('--floor') ? runFloor(argv, log) : argv.includes('--compare') ? runCompare(argv, log) : argv.includes('--report') ? printSavedReport(argv) : main()).catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.stack && !error.message.includes('answer differently')) console.error(error.stack);
  process.exitCode = 1;
});
