/**
 * The targets of issue 12, which the full report (`pnpm bench --full`) must show: one declarative
 * entry per target, each a check over a run's results that gives the measured figure and whether
 * the target is met. report.ts renders them; a question a run did not ask (`--only`) leaves the
 * targets that need it unjudged ("–") rather than failed.
 *
 * Throughput and cost are read at 10 connections against PostGraphile on the same database, as the
 * issue asks; every figure is the median over the rounds (results.ts).
 */
import { num, share, times } from './format.js';
import { medianOf, p99RatioAt, peakRssOf, rpsOf, type BenchResults, type Measurement, type QuestionResult } from './results.js';
import type { ServerName } from './servers.js';

/** The size of province the targets are set at; a quick run is smaller and says so. */
export const TARGET_HOUSEHOLDS = 1_000_000;
/** Connections of the throughput runs the targets read. */
export const TARGET_CONNECTIONS = 10;
/** Fixed rates (per cent of the peer's best) at which our p99 must be no worse than the peer's. */
export const TARGET_P99_RATES = [25, 50, 75] as const;

export interface TargetVerdict {
  /** true: met; false: missed; null: not measured (a question the run did not ask), cannot be judged. */
  met: boolean | null;
  /** The measured figure, against the target where that helps: "0.67× (770.8 vs 1,146.8 req/s)". */
  measured: string;
}

export interface Target {
  /** Stable name, e.g. 'Q1 throughput'. */
  id: string;
  /** What the target asks, as the report states it (Markdown). */
  text: string;
  /** The question whose p99 at the fixed rates the target judges, if any: its runs there collect more answers (options.ts, `rateMinAnswers`). */
  p99Of?: string;
  check(results: BenchResults): TargetVerdict;
}

const notRun = (...ids: string[]): TargetVerdict => ({ met: null, measured: `not measured (${ids.join(', ')} not run)` });

const questionOf = (results: BenchResults, id: string): QuestionResult | undefined => results.questions.find((q) => q.id === id);

/** Met when every part is met; missed when any part is missed; otherwise (a part not measured) unjudged. */
function allOf(parts: (boolean | null)[]): boolean | null {
  if (parts.includes(false)) return false;
  return parts.includes(null) ? null : true;
}

/**
 * What the county officer's request costs beside the administrator's (10 connections): where his
 * read record's cost shows, in our server and in PostgreSQL. Empty when neither was measured.
 */
function countyCostBeside(q: QuestionResult): string {
  const pair = (pick: (m: Measurement) => number | undefined) =>
    [medianOf(q, 'county', 'throughput', TARGET_CONNECTIONS, (m) => pick(m) ?? NaN), medianOf(q, 'ours', 'throughput', TARGET_CONNECTIONS, (m) => pick(m) ?? NaN)];
  const costs = [
    ['server CPU', pair((m) => m.cpuMsPerRequest)],
    ['PostgreSQL CPU', pair((m) => m.postgresCpuMsPerRequest)],
  ] as const;
  const shown = costs.filter(([, [county, ours]]) => Number.isFinite(county) && Number.isFinite(ours));
  if (shown.length === 0) return '';
  return `; per request ${shown.map(([what, [county, ours]]) => `${what} ${num(county, 2)} ms (the administrator's ${num(ours, 2)})`).join(', ')}`;
}

/**
 * How much of the run the county officer's server and the peer's each spent running JavaScript:
 * whether his run was held back by its own CPU or by waiting (on its read records, say).
 */
function busyBeside(q: QuestionResult): string {
  const busy = (server: ServerName) => medianOf(q, server, 'throughput', TARGET_CONNECTIONS, (m) => m.mainThreadBusy ?? NaN);
  const [county, peer] = [busy('county'), busy('peer')];
  if (!Number.isFinite(county) || !Number.isFinite(peer)) return '';
  return `; main thread busy ${share(county)} of the run (the peer's ${share(peer)})`;
}

/** A server's throughput (ours, or ours asked by the county officer) ÷ the peer's on a question, optionally with p99 no worse at the fixed rates. */
function throughput(question: string, min: number, options: { server?: 'ours' | 'county'; p99?: boolean } = {}): Target {
  const server = options.server ?? 'ours';
  const who = server === 'county' ? "the county officer's run (read audit on)" : 'throughput';
  return {
    id: `${question} ${server === 'county' ? 'county ' : ''}throughput`,
    p99Of: options.p99 ? question : undefined,
    text:
      `**${question}** ${who} ≥ ${min.toFixed(2)}× PostGraphile at ${TARGET_CONNECTIONS} connections` +
      (options.p99 ? `, p99 no worse at ${TARGET_P99_RATES.join(', ')} % of its best rate` : ''),
    check(results) {
      const q = questionOf(results, question);
      if (!q) return notRun(question);
      const ours = rpsOf(q, server, TARGET_CONNECTIONS);
      const peer = rpsOf(q, 'peer', TARGET_CONNECTIONS);
      const measuredRps = Number.isFinite(ours) && Number.isFinite(peer) && peer > 0;
      const parts: (boolean | null)[] = [measuredRps ? ours / peer >= min : null];
      let measured = measuredRps ? `${times(ours / peer)} (${num(ours)} vs ${num(peer)} req/s)` : `not measured (${server} or peer at ${TARGET_CONNECTIONS} connections)`;
      if (options.p99) {
        const worse: string[] = [];
        const missing: number[] = [];
        for (const percent of TARGET_P99_RATES) {
          const r = p99RatioAt(q, percent);
          if (r === 'saturated') worse.push(`${percent} % (saturated)`);
          else if (!Number.isFinite(r)) missing.push(percent);
          else if (r > 1) worse.push(`${percent} % (${times(r)})`);
        }
        parts.push(worse.length ? false : missing.length ? null : true);
        measured += worse.length ? `; p99 worse at ${worse.join(', ')}` : '; p99 no worse at any fixed rate measured';
        if (missing.length) measured += `; p99 not measured at ${missing.map((p) => `${p} %`).join(', ')}`;
      }
      if (server === 'county') measured += countyCostBeside(q) + busyBeside(q);
      return { met: allOf(parts), measured };
    },
  };
}

/** The raw SQL floor's throughput ÷ ours on a question: how far we are from what the database allows. */
function rawFloor(question: string, max: number): Target {
  return {
    id: `${question} raw floor`,
    text: `**${question}** raw floor ≤ ${max.toFixed(2)}× ours at ${TARGET_CONNECTIONS} connections`,
    check(results) {
      const q = questionOf(results, question);
      if (!q) return notRun(question);
      const raw = rpsOf(q, 'raw', TARGET_CONNECTIONS);
      const ours = rpsOf(q, 'ours', TARGET_CONNECTIONS);
      if (!(Number.isFinite(raw) && Number.isFinite(ours) && ours > 0)) return { met: null, measured: 'not measured (raw or ours)' };
      return { met: raw / ours <= max, measured: `${times(raw / ours)} (${num(raw)} vs ${num(ours)} req/s)` };
    },
  };
}

/** Our server's user + system CPU per request on a question. */
function cpuPerRequest(question: string, maxMs: number): Target {
  return {
    id: `${question} CPU`,
    text: `**${question}** ≤ ${maxMs} ms of server CPU per request at ${TARGET_CONNECTIONS} connections`,
    check(results) {
      const q = questionOf(results, question);
      if (!q) return notRun(question);
      const ms = medianOf(q, 'ours', 'throughput', TARGET_CONNECTIONS, (m) => m.cpuMsPerRequest);
      const peer = medianOf(q, 'peer', 'throughput', TARGET_CONNECTIONS, (m) => m.cpuMsPerRequest);
      if (!Number.isFinite(ms)) return { met: null, measured: 'not measured (ours)' };
      return { met: ms <= maxMs, measured: `${num(ms, 2)} ms (PostGraphile ${num(peer, 2)} ms)` };
    },
  };
}

/** Our p50 on a question, one request at a time, at the size the targets are set at. */
function p50OneAtATime(question: string, maxMs: number): Target {
  return {
    id: `${question} p50`,
    text: `**${question}** p50 ≤ ${maxMs} ms at ${num(TARGET_HOUSEHOLDS, 0)} households, one request at a time`,
    check(results) {
      const q = questionOf(results, question);
      if (!q) return notRun(question);
      const p50 = medianOf(q, 'ours', 'throughput', 1, (m) => m.latencyMs.p50);
      const p99 = medianOf(q, 'ours', 'throughput', 1, (m) => m.latencyMs.p99);
      if (!Number.isFinite(p50)) return { met: null, measured: 'not measured (ours at 1 connection)' };
      const households = results.meta.data.households;
      return {
        met: p50 <= maxMs,
        measured: `${num(p50)} ms (p99 ${num(p99)} ms; ${num(households, 0)} households)` + (households < TARGET_HOUSEHOLDS ? ', below the size the target is set at' : ''),
      };
    },
  };
}

/** Our statements per request do not grow from a small page to a large one, on every question that measured both. */
const statementsConstant: Target = {
  id: 'statements by page size',
  text: 'statements per request do not grow with the page size',
  check(results) {
    const measured = results.questions.filter((q) => q.pageSizes?.statementsPerRequest.ours);
    if (!measured.length) return { met: null, measured: 'not measured (no question with page sizes run)' };
    const grows = measured.filter((q) => {
      const [small, large] = q.pageSizes!.statementsPerRequest.ours!;
      return large > small;
    });
    return {
      met: grows.length === 0,
      measured: measured.map((q) => `${q.id} ${q.pageSizes!.statementsPerRequest.ours!.join(' → ')} (first=${q.pageSizes!.sizes.join(' → ')})`).join('; '),
    };
  },
};

/** Our peak RSS no more than the peer's, question by question. */
const memory: Target = {
  id: 'peak memory',
  text: "peak memory (VmHWM over the throughput runs) no more than PostGraphile's on every question",
  check(results) {
    const compared = results.questions
      .map((q) => ({ id: q.id, ours: peakRssOf(q, 'ours'), peer: peakRssOf(q, 'peer') }))
      .filter((c) => Number.isFinite(c.ours) && Number.isFinite(c.peer));
    if (!compared.length) return { met: null, measured: 'not measured (no question run on both servers)' };
    const over = compared.filter((c) => c.ours > c.peer);
    return {
      met: over.length === 0,
      measured:
        (over.length ? `more on ${over.map((c) => c.id).join(', ')}` : 'no more on any question') +
        ` (ours vs PostGraphile, MiB: ${compared.map((c) => `${c.id} ${num(c.ours, 0)} vs ${num(c.peer, 0)}`).join(', ')})`,
    };
  },
};

/** Issue 12's targets, in the order the issue lists them. */
export const TARGETS: readonly Target[] = [
  throughput('Q1', 1.25, { p99: true }),
  throughput('Q4', 1.25, { p99: true }),
  throughput('Q5', 1.0),
  throughput('Q6a', 1.0),
  throughput('Q6b', 0.8),
  rawFloor('Q1', 2.0),
  cpuPerRequest('Q1', 2.5),
  throughput('Q2', 1.0),
  throughput('Q3', 1.0),
  p50OneAtATime('Q3', 20),
  statementsConstant,
  memory,
  throughput('Q1', 1.0, { server: 'county' }),
];

/** The questions whose p99 at the fixed rates is a target. */
export const P99_TARGET_QUESTIONS: ReadonlySet<string> = new Set(TARGETS.flatMap((target) => (target.p99Of ? [target.p99Of] : [])));

/** Every target judged on a run's results. */
export function judgeTargets(results: BenchResults, targets: readonly Target[] = TARGETS): { target: Target; verdict: TargetVerdict }[] {
  return targets.map((target) => ({ target, verdict: target.check(results) }));
}
