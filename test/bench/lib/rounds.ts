/**
 * The measured part of a run: each round starts the servers fresh, side by side (on the read
 * database for the read questions, on the write copy for the write question), and asks each
 * question of every server in turn (peer, ours, the county officer, raw floor) before the next
 * question; every question warmed up, then its throughput at each connection count and its latency
 * at fixed rates, with statements, CPU and memory read around every run. Only the server being
 * measured is loaded; the others wait idle.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CountyRun } from './county.js';
import type { Question, Vars } from '../questions/index.js';
import { postgresCpuTimesMs, readStatements, resetStatements, vacuumWritten, withClient, type Cluster } from './cluster.js';
import type { Dataset } from './dataset.js';
import { fixedRate, MIN_RATE_REQUESTS, throughput, type LoadResult, type LoadTarget } from './load.js';
import { P99_TARGET_QUESTIONS } from './targets.js';
import { recordPauses, tailAccount, type TimedAnswer } from './pauses.js';
import type { BenchOptions } from './options.js';
import { cpuSpentMs, cpuTimeMs, mainThreadCpuTimeMs, peakRssMiB, resetPeakRss } from './processes.js';
import { readAuditPerRequest, readAuditTally } from './read-audit-tally.js';
import type { Measurement, QuestionResult, ServerRound } from './results.js';
import { headersFor, SERVER_LABELS, startServer, type RunningServer, type ServerName } from './servers.js';

export const ROUND_ORDER: ServerName[] = ['peer', 'ours', 'county', 'raw'];
/** Request numbers below this are left to the equivalence check of the write question. */
export const FIRST_TIMED_WRITE = 1000;

export interface RunContext {
  cluster: Cluster;
  dataset: Dataset;
  options: BenchOptions;
  questions: readonly Question[];
  pools: Map<string, Vars[]>;
  /** The county officer who asks the `county` run, and the variables inside his counties, by question (absent: not asked). */
  county: CountyRun;
  results: Map<string, QuestionResult>;
  log(line: string): void;
  /** Servers running now, so that an interrupted run can stop them. */
  running: Set<RunningServer>;
}

let writeCounter = FIRST_TIMED_WRITE;

/** Requests for one server: read questions rotate through the sampled variables, writes never repeat. */
export function targetFor(server: RunningServer, question: Question, pool: Vars[]): LoadTarget {
  let next: () => { path: string; body: string };
  if (question.write) {
    next = () => server.request(question, question.fresh!(pool, writeCounter++));
  } else {
    const prepared = pool.map((vars) => server.request(question, vars));
    let i = 0;
    next = () => prepared[i++ % prepared.length];
  }
  const side = server.name === 'raw' ? null : question[server.name === 'peer' ? 'peer' : 'ours'];
  return {
    origin: server.url(''),
    headers: headersFor(server, question),
    next,
    failed: (body) => body.includes('"errors"') || (side?.failed?.(body) ?? false),
  };
}

export async function withServer<T>(ctx: RunContext, name: ServerName, database: string, logName: string, work: (server: RunningServer) => Promise<T>, nodeFlags?: string[]): Promise<T> {
  const server = await startServer(name, {
    caller: ctx.county.caller,
    databaseUrl: ctx.cluster.url(database),
    poolSize: ctx.options.poolSize,
    serverDir: ctx.options.serverDir,
    nodeFlags,
    logName,
    recordPauses: true,
  });
  ctx.running.add(server);
  try {
    return await work(server);
  } finally {
    await server.stop();
    ctx.running.delete(server);
  }
}

/**
 * Starts the servers of `names` on one database side by side (in that order) and runs `work` with
 * them; each server's log is `<name>-<tag>.log`.
 */
export async function withServers(ctx: RunContext, names: readonly ServerName[], database: string, tag: string, work: (servers: RunningServer[]) => Promise<void>): Promise<void> {
  const servers: RunningServer[] = [];
  const nest = async (rest: readonly ServerName[]): Promise<void> => {
    if (rest.length === 0) return work(servers);
    const [name, ...others] = rest;
    await withServer(ctx, name, database, `${name}-${tag}.log`, async (server) => {
      servers.push(server);
      await nest(others);
    });
  };
  await nest(names);
}

/**
 * Waits until the server has finished what was in flight: no statement of its database is active
 * and its CPU time stopped moving (at most 60 s).
 */
export async function settle(ctx: RunContext, pid: number, database: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = cpuTimeMs(pid);
  while (Date.now() < deadline) {
    await sleep(150);
    const now = cpuTimeMs(pid);
    const { rows } = await ctx.cluster.admin.query<{ n: string }>(
      `select count(*) as n from pg_stat_activity where datname = $1 and state is not null and state <> 'idle'`,
      [database],
    );
    if (now === last && Number(rows[0].n) === 0) return;
    last = now;
  }
}

async function measure(ctx: RunContext, server: RunningServer, database: string, run: () => Promise<LoadResult>): Promise<{ m: Measurement; sql: Awaited<ReturnType<typeof readStatements>> }> {
  await resetStatements(ctx.cluster);
  const auditBefore = await readAuditTally(server);
  resetPeakRss(server.pid);
  const cpuBefore = cpuTimeMs(server.pid);
  const postgresCpuBefore = postgresCpuTimesMs(ctx.cluster, database);
  const mainThreadBefore = mainThreadCpuTimeMs(server.pid);
  const result = await run();
  // Read before settling: the share is of the run's own time, not of the drain after it.
  const mainThreadMs = mainThreadCpuTimeMs(server.pid) - mainThreadBefore;
  await settle(ctx, server.pid, database);
  const cpuMs = cpuTimeMs(server.pid) - cpuBefore;
  const postgresCpuAfter = postgresCpuTimesMs(ctx.cluster, database);
  const postgresCpuMs = postgresCpuBefore && postgresCpuAfter ? cpuSpentMs(postgresCpuBefore, postgresCpuAfter) : NaN;
  const readAudit = readAuditPerRequest(auditBefore, await readAuditTally(server), result.sent);
  const sql = await readStatements(ctx.cluster, database);
  // Per request sent: requests still in flight when a run stops are executed all the same.
  const per = (x: number) => (result.sent > 0 ? Math.round((x / result.sent) * 1000) / 1000 : NaN);
  return {
    m: {
      ...result,
      statementsPerRequest: per(sql.reduce((n, s) => n + s.calls, 0)),
      dbMsPerRequest: per(sql.reduce((n, s) => n + s.totalMs, 0)),
      cpuMsPerRequest: per(cpuMs),
      postgresCpuMsPerRequest: per(postgresCpuMs),
      mainThreadBusy: result.durationSec > 0 ? Math.round((mainThreadMs / (result.durationSec * 1000)) * 100) / 100 : NaN,
      peakRssMiB: Math.round(peakRssMiB(server.pid) * 10) / 10,
      readAudit,
    },
    sql,
  };
}

/** Requests a server answers before a question is measured, so that V8 has optimised the hot paths. */
const WARM_UP_REQUESTS = 600;

/** At least `minSec` seconds at 10 connections, and then until WARM_UP_REQUESTS were answered (at most `maxSec`). */
export async function warmUp(target: LoadTarget, minSec: number, maxSec: number): Promise<void> {
  let answered = 0;
  let elapsed = 0;
  while (elapsed < minSec || (answered < WARM_UP_REQUESTS && elapsed < maxSec)) {
    const run = await throughput(target, 10, 1);
    answered += run.requests;
    elapsed += run.durationSec;
  }
}

/** Warm-up, throughput at each connection count, then latency at the fixed rates. */
async function measureQuestion(ctx: RunContext, server: RunningServer, question: Question, round: number, database: string): Promise<void> {
  const { options } = ctx;
  const result = ctx.results.get(question.id)!;
  const target = targetFor(server, question, poolFor(ctx, server.name, question)!);
  // Before the warm-up, so that the server's state after it is what the runs start from, as before.
  const vacuumStarted = performance.now();
  const vacuumed = await withClient(ctx.cluster, database, vacuumWritten);
  if (vacuumed.length > 0) ctx.log(`  vacuumed ${vacuumed.join(', ')} in ${Math.round(performance.now() - vacuumStarted)} ms before ${question.id} of ${SERVER_LABELS[server.name]}`);
  await warmUp(target, options.warmupSec, options.warmupMaxSec);

  await settle(ctx, server.pid, database);

  const entry: ServerRound = { round, throughput: {}, rate: {} };
  let singleLatencyMs = 0;
  for (const connections of [...options.connections].sort((a, b) => a - b)) {
    // A run long enough for every connection to be answered a few times: with c connections
    // queued on one server each answer takes about c single-request latencies.
    const seconds = Math.min(options.maxRunSec, Math.max(options.durationSec, (3 * connections * singleLatencyMs) / 1000 / Math.min(connections, 4)));
    let { m, sql } = await measure(ctx, server, database, () => throughput(target, connections, Math.ceil(seconds)));
    // A run that got no answer at all says nothing about throughput, and leaves no latency to size
    // the next runs by: its mean is NaN, and so were the next runs' lengths (session 31: our Q8,
    // seconds a request, got 0 req/s at every count in one round, its one-connection run of 4 s
    // having ended as its first answer came, after 4.0 s). It is run again, as long as runs may be.
    if (m.requests === 0 && Math.ceil(seconds) < options.maxRunSec) {
      ctx.log(`  ${question.id} ${SERVER_LABELS[server.name]}: no answer in ${Math.ceil(seconds)} s at ${connections} connections; again for ${options.maxRunSec} s`);
      ({ m, sql } = await measure(ctx, server, database, () => throughput(target, connections, options.maxRunSec)));
    }
    if (connections === 1 && m.requests > 0) singleLatencyMs = m.latencyMs.mean;
    entry.throughput[connections] = m;
    if (connections === 10 && round === 1) result.sql[server.name] = sql.slice(0, 12);
  }
  if (server.name === 'peer' && round === 1) {
    result.peerMaxRps = Math.max(...Object.values(entry.throughput).map((m) => m.rps));
    for (const percent of options.ratePercents) result.ratesRps[percent] = Math.round(((result.peerMaxRps * percent) / 100) * 10) / 10;
  }
  // Latency at fixed rates is compared between ours and the peer; the raw floor's is not needed.
  if (server.name !== 'raw' && result.peerMaxRps) {
    for (const percent of options.ratePercents) {
      const rps = Math.max(0.5, result.ratesRps[percent]);
      const answers: TimedAnswer[] = [];
      const run = () => fixedRate(target, rps, options.durationSec, options.rateConnections, answers, rateRequests(options, question, rps));
      if (!server.pauseLog) {
        entry.rate[percent] = (await measure(ctx, server, database, run)).m;
        continue;
      }
      const { result: measured, pauses } = await recordPauses(server.pid, server.pauseLog, () => measure(ctx, server, database, run));
      entry.rate[percent] = { ...measured.m, tail: tailAccount(answers, pauses) };
    }
  }
  (result.rounds[server.name] ??= []).push(entry);
  const ten = entry.throughput[10];
  ctx.log(
    `  ${question.id} ${SERVER_LABELS[server.name]}: ${options.connections.map((c) => `${entry.throughput[c].rps}/s@${c}`).join(' ')}` +
      (ten ? `, ${ten.statementsPerRequest} stmt/req, ${ten.cpuMsPerRequest} ms CPU/req, ${ten.postgresCpuMsPerRequest} ms PostgreSQL CPU/req, p99@75% ${entry.rate[75]?.latencyMs.p99 ?? '–'} ms` : '') +
      (ten?.readAudit?.recordsPerInsert ? `, read record wait ${ten.readAudit.waitMs} ms/req (${ten.readAudit.recordsPerInsert} per insert)` : '') +
      (Object.values(entry.throughput).some((m) => m.errors > 0) ? ', ERRORS' : ''),
  );
}

/**
 * The fewest requests of a fixed-rate run: `rateMinAnswers` on a question whose p99 is a target,
 * as many as `rateMaxSec` at the rate allows; the plain minimum on the others.
 */
export function rateRequests(options: BenchOptions, question: Pick<Question, 'id'>, rps: number): number {
  if (!P99_TARGET_QUESTIONS.has(question.id)) return MIN_RATE_REQUESTS;
  return Math.max(MIN_RATE_REQUESTS, Math.min(options.rateMinAnswers, Math.floor(rps * options.rateMaxSec)));
}

/** The variables a server is asked a question with; null when the county officer does not ask it. */
export function poolFor(ctx: RunContext, name: ServerName, question: Question): Vars[] | null {
  return name === 'county' ? (ctx.county.pools.get(question.id) ?? null) : ctx.pools.get(question.id)!;
}

/**
 * The rounds, question by question: a question is asked of every server within a minute or two,
 * not half an hour apart. Until session 38 each server was asked every question before the next
 * server started, and this virtual machine's speed drifts within minutes (session 37's full run:
 * the peer's CPU for the same household page 1.19 to 1.93 ms from round to round), so a ratio
 * compared moments far apart.
 */
export async function runRounds(ctx: RunContext): Promise<void> {
  for (let round = 1; round <= ctx.options.rounds; round++) {
    for (const write of [false, true]) {
      const questions = ctx.questions.filter((q) => Boolean(q.write) === write);
      const names = ROUND_ORDER.filter((name) => questions.some((q) => poolFor(ctx, name, q) !== null));
      if (names.length === 0) continue;
      const database = write ? ctx.dataset.writeDatabase : ctx.dataset.database;
      ctx.log(`round ${round}/${ctx.options.rounds}: ${write ? 'the write' : 'the reads'}, ${names.map((name) => SERVER_LABELS[name]).join(', ')} side by side`);
      await withServers(ctx, names, database, `round${round}${write ? '-write' : ''}`, async (servers) => {
        for (const question of questions) {
          for (const server of servers) if (poolFor(ctx, server.name, question) !== null) await measureQuestion(ctx, server, question, round, database);
        }
      });
    }
  }
}
