/**
 * The load and what one burst of it costs: the server's CPU (/proc/<pid>/stat), PostgreSQL's
 * execution time (pg_stat_statements) and PostgreSQL's own CPU (its backends on the database and
 * the WAL writer, /proc), per request.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { postgresCpuTimesMs, readStatements, resetStatements, type Cluster } from '../lib/cluster.js';
import { cpuSpentMs, cpuTimeMs } from '../lib/processes.js';
import type { RunningServer } from '../lib/servers.js';
import type { Question, Vars } from '../questions/index.js';

export interface Run {
  cpuUs: number;
  /** The statements' execution time (pg_stat_statements). */
  dbUs: number;
  /**
   * PostgreSQL's own CPU, with what execution time leaves out (parsing, commits and the WAL's
   * flush, the sockets): the county officer's read record costs PostgreSQL more there than in its
   * execution (test/bench/README.md, session 44). NaN where /proc could not be read.
   */
  postgresCpuUs: number;
  statements: number;
  rps: number;
  errors: number;
}

/** The pause before each burst. */
export const SETTLE_MS = 1_000;

/** Sends `amount` requests of the question, its variable sets in turn. */
export type Load = (amount: number) => Promise<autocannon.Result>;

export function loadOf(server: RunningServer, question: Question, pool: Vars[], connections: number): Load {
  const bodies = pool.map((vars) => server.request(question, vars).body);
  let next = 0;
  return (amount) =>
    autocannon({
      url: server.url('/graphql'),
      method: 'POST',
      headers: server.headers,
      connections,
      amount,
      timeout: 30,
      requests: [{ setupRequest: (request: any) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
    });
}

/** Requests that got no answer, timed out or were refused. */
export function failedRequests(result: autocannon.Result): number {
  return result.errors + result.timeouts + result.non2xx;
}

/** One burst of requests to one server: its CPU and the database's time per request. */
export async function measureBurst(cluster: Cluster, database: string, pid: number, load: Load, requests: number): Promise<Run> {
  // The other server shares the core: its work left from its own burst (collecting garbage,
  // closing connections) ends before this one starts.
  await sleep(SETTLE_MS);
  await resetStatements(cluster);
  const cpuBefore = cpuTimeMs(pid);
  const postgresBefore = postgresCpuTimesMs(cluster, database);
  const started = performance.now();
  const result = await load(requests);
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = cpuTimeMs(pid) - cpuBefore;
  const postgresAfter = postgresCpuTimesMs(cluster, database);
  const statements = await readStatements(cluster, database);
  const answered = Math.max(1, result.requests.total);
  return {
    cpuUs: (cpuMs * 1000) / answered,
    dbUs: (statements.reduce((sum, s) => sum + s.totalMs, 0) * 1000) / answered,
    postgresCpuUs: postgresBefore && postgresAfter ? (cpuSpentMs(postgresBefore, postgresAfter) * 1000) / answered : NaN,
    statements: statements.reduce((sum, s) => sum + s.calls, 0) / answered,
    rps: answered / seconds,
    errors: failedRequests(result),
  };
}

/** Each round's before and after bursts, which ran next to each other. */
export function pairedRatios<T>(before: readonly T[], after: readonly T[]): [before: T, after: T][] {
  return before.slice(0, after.length).map((run, round) => [run, after[round]!]);
}
