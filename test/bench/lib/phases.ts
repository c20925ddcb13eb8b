/**
 * The phases around the measured rounds: the equivalence check before anything is timed, and the
 * CPU profile of our server after.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readStatements, resetStatements, withClient } from './cluster.js';
import { throughput } from './load.js';
import { WORK_DIR } from './options.js';
import { monotonicUs, summariseProfile, type Window } from './profile.js';
import { poolFor, ROUND_ORDER, settle, targetFor, warmUp, withServer, withServers, type RunContext } from './rounds.js';
import type { Question } from '../questions/question.js';
import type { RunningServer } from './servers.js';
import { answer, verifyRead, verifyWrite } from './verify.js';

/** Variables checked per read question (the slow statistics question gets fewer). */
const CHECKED_READS = 25;
const CHECKED_WRITES = 3;

/** Starts every server on one database, side by side, and runs `work` with them. */
function withAllServers(ctx: RunContext, database: string, tag: string, work: (servers: RunningServer[]) => Promise<void>): Promise<void> {
  return withServers(ctx, ROUND_ORDER, database, `verify-${tag}`, work);
}

export async function verifyPhase(ctx: RunContext): Promise<void> {
  const reads = ctx.questions.filter((q) => !q.write);
  const writes = ctx.questions.filter((q) => q.write);
  if (reads.length > 0) {
    await withAllServers(ctx, ctx.dataset.database, 'read', async (servers) => {
      const county = servers.find((s) => s.name === 'county')!;
      const others = servers.filter((s) => s !== county);
      for (const question of reads) {
        const pool = ctx.pools.get(question.id)!;
        const samples = pool.slice(0, question.id === 'Q3' ? 5 : CHECKED_READS);
        const nonEmpty = await verifyRead(question, others, samples);
        const countyPool = ctx.county.pools.get(question.id);
        if (countyPool) {
          // The county officer sees what the administrator sees inside his counties, ID numbers unmasked.
          const ours = servers.find((s) => s.name === 'ours')!;
          const countySamples = countyPool.slice(0, 10);
          const peer = servers.find((s) => s.name === 'peer')!;
          const countyNonEmpty = await verifyRead(question, [county, peer], countySamples, 'county');
          await verifyRead(question, [ours, peer], countySamples);
          ctx.log(`  ${question.id}: the county officer's answers equal the peer's for ${countySamples.length} variable sets in his counties (${countyNonEmpty} non-empty)`);
        }
        if (question.id !== 'Q6b' && nonEmpty === 0) throw new Error(`${question.id}: every checked answer was empty; the check proves nothing`);
        ctx.results.get(question.id)!.verified = { samples: samples.length, nonEmpty };
        ctx.log(`  ${question.id} ${question.title}: same answers from all three servers for ${samples.length} variable sets (${nonEmpty} non-empty)`);
      }
      await pageSizePhase(ctx, others);
    });
  }
  if (writes.length > 0) {
    await withAllServers(ctx, ctx.dataset.writeDatabase, 'write', async (all) => {
      const servers = all.filter((s) => s.name !== 'county');
      await withClient(ctx.cluster, ctx.dataset.writeDatabase, async (client) => {
        for (const question of writes) {
          const pool = ctx.pools.get(question.id)!;
          const samples = Array.from({ length: CHECKED_WRITES }, (_, n) => question.fresh!(pool, n));
          await verifyWrite(question, servers, samples, client);
          ctx.results.get(question.id)!.verified = { samples: samples.length, nonEmpty: samples.length };
          ctx.log(`  ${question.id} ${question.title}: same rows written and returned by all three servers for ${samples.length} variable sets`);
        }
      });
    });
  }
}

/** Requests per server and page size in the page-size check. */
const SCALING_REQUESTS = 5;

/**
 * Statements per request at a small and a large page (`first`): they must not grow with it (no
 * query per row). Sequential requests, statements counted by pg_stat_statements.
 */
async function pageSizePhase(ctx: RunContext, servers: RunningServer[]): Promise<void> {
  for (const question of ctx.questions) {
    if (!question.pageSizes) continue;
    const pool = ctx.pools.get(question.id)!;
    const result = ctx.results.get(question.id)!;
    result.pageSizes = { sizes: question.pageSizes, statementsPerRequest: {} };
    for (const server of servers) {
      const counts: number[] = [];
      for (const first of question.pageSizes) {
        await resetStatements(ctx.cluster);
        for (let i = 0; i < SCALING_REQUESTS; i++) await answer(server, question, { ...pool[i % pool.length], first });
        const sql = await readStatements(ctx.cluster, ctx.dataset.database);
        counts.push(Math.round((sql.reduce((n, s) => n + s.calls, 0) / SCALING_REQUESTS) * 100) / 100);
      }
      result.pageSizes.statementsPerRequest[server.name] = counts;
    }
    const line = servers.map((s) => `${s.name} ${result.pageSizes!.statementsPerRequest[s.name]!.join(' → ')}`).join(', ');
    ctx.log(`  ${question.id} statements per request at first=${question.pageSizes.join(' and ')}: ${line}`);
  }
}

/** Seconds of each earlier question a profiled server answers first, at HISTORY_CONNECTIONS. */
const HISTORY_SEC = 3;
const HISTORY_CONNECTIONS = 50;

/**
 * Our server under `--cpu-prof`, one process per question, at 10 connections; then again asked by
 * the county officer (personal data unmasked, the read audit on) where he asks the question.
 *
 * Before its warm-up each profiled server first answers the questions the rounds ask that server
 * before this one, HISTORY_SEC seconds each at HISTORY_CONNECTIONS: in the rounds one process
 * answers every read question in turn, and what V8 learnt and kept under the earlier ones (its
 * optimised code, its heap's size) changes what the later ones cost (session 40: `{ __typename }`
 * cost twice as much after the household page and the project feed as on a fresh server). The
 * history is outside the profile's window, as the warm-up is.
 */
export async function profilePhase(ctx: RunContext): Promise<void> {
  const root = path.join(WORK_DIR, 'profiles');
  rmSync(root, { recursive: true, force: true });
  for (const question of ctx.questions) {
    const result = ctx.results.get(question.id)!;
    const ours = await profileOne(ctx, question, 'ours', path.join(root, question.id));
    if (ours) [result.profileFile, result.profile] = [ours.file, ours.summary];
    if (!ctx.county.pools.has(question.id)) continue;
    const county = await profileOne(ctx, question, 'county', path.join(root, `${question.id}-county`));
    if (county) [result.countyProfileFile, result.countyProfile] = [county.file, county.summary];
  }
}

/** The questions a server answers before `question` on the same process in a round (runRounds). */
function askedBefore(ctx: RunContext, name: 'ours' | 'county', question: Question): Question[] {
  const earlier = ctx.questions.slice(0, ctx.questions.indexOf(question));
  return earlier.filter((q) => Boolean(q.write) === Boolean(question.write) && poolFor(ctx, name, q) !== null);
}

async function profileOne(ctx: RunContext, question: Question, name: 'ours' | 'county', dir: string) {
  mkdirSync(dir, { recursive: true });
  const database = question.write ? ctx.dataset.writeDatabase : ctx.dataset.database;
  let window: Window | null = null;
  await withServer(
    ctx,
    name,
    database,
    `${name}-profile-${question.id}.log`,
    async (server) => {
      for (const earlier of askedBefore(ctx, name, question)) {
        const run = await throughput(targetFor(server, earlier, poolFor(ctx, name, earlier)!), HISTORY_CONNECTIONS, HISTORY_SEC);
        if (run.errors > 0) ctx.log(`  ${question.id} (${name}): ${run.errors} errors in the history's ${earlier.id}`);
      }
      const target = targetFor(server, question, poolFor(ctx, name, question)!);
      await warmUp(target, 1, ctx.options.warmupMaxSec); // left out of the summary
      const fromUs = monotonicUs();
      await throughput(target, 10, ctx.options.profileSec);
      window = { fromUs, toUs: monotonicUs() };
      await settle(ctx, server.pid, database); // a clean exit writes the profile
    },
    ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  );
  // One profile per thread; the main thread's is `CPU.<date>.<time>.<pid>.0.<n>.cpuprofile`.
  const file = existsSync(dir) ? readdirSync(dir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f)) : undefined;
  if (!file) {
    ctx.log(`  ${question.id} (${name}): no CPU profile was written (the server did not exit cleanly?)`);
    return null;
  }
  const summary = summariseProfile(path.join(dir, file), ctx.options.serverDir, window);
  const top = summary.byPackage.slice(0, 4).map((p) => `${p.name} ${p.share}%`).join(', ');
  ctx.log(`  ${question.id} (${name}): ${top}`);
  return { file: path.relative(WORK_DIR, path.join(dir, file)), summary };
}
