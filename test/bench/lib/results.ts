/** What a bench run measures, as saved next to the report (`<date>-<mode>.json`). */
import type { Prewarmed, StatementStat } from './cluster.js';
import type { LoadResult } from './load.js';
import type { MachineInfo } from './machine.js';
import type { ProfileSummary } from './profile.js';
import type { TailAccount } from './pauses.js';
import type { ServerName } from './servers.js';

export interface Measurement extends LoadResult {
  /** SQL statements the server ran during the run (pg_stat_statements), per response. */
  statementsPerRequest: number;
  /** Execution time of those statements in PostgreSQL, per response. */
  dbMsPerRequest: number;
  /** User + system CPU of the server process, per response. */
  cpuMsPerRequest: number;
  /** User + system CPU of PostgreSQL's backends on the run's database and its WAL writer during the run, per response (cluster.ts; absent: runs before session 44). */
  postgresCpuMsPerRequest?: number;
  /**
   * The share of the run's time (0–1) that the server's main thread, its JavaScript, was on a CPU.
   * Near 1 the server was the bottleneck; well under, its requests spent the rest waiting on
   * something else: PostgreSQL, their read records (absent: runs before session 67).
   */
  mainThreadBusy?: number;
  /** VmHWM of the server process during the run (reset before it). */
  peakRssMiB: number;
  /** Our server's: time responses waited for their read records, per request, and records per insert (absent: no such metrics; runs before session 42). */
  readAudit?: { waitMs: number; recordsPerInsert: number | null } | null;
  /** Rate runs: the slowest 1 % of the answers against the server's pauses (pauses.ts; absent before session 54). */
  tail?: TailAccount;
}

export interface ServerRound {
  round: number;
  /** By connections. */
  throughput: Record<string, Measurement>;
  /** By per cent of the peer's best throughput. */
  rate: Record<string, Measurement>;
}

export interface QuestionResult {
  id: string;
  title: string;
  description: string;
  write: boolean;
  /** Distinct variable sets drawn from the data. */
  variableSets: number;
  verified: { samples: number; nonEmpty: number };
  /** Statements per request at a small and a large page, by server. */
  pageSizes?: { sizes: [number, number]; statementsPerRequest: Partial<Record<ServerName, number[]>> };
  /** The peer's best throughput in round 1, and the fixed rates derived from it (per cent → rps). */
  peerMaxRps: number | null;
  ratesRps: Record<string, number>;
  rounds: Partial<Record<ServerName, ServerRound[]>>;
  /** The statements of the 10-connection run of round 1, most total time first. */
  sql: Partial<Record<ServerName, StatementStat[]>>;
  /** Where our server's CPU time goes for this question. */
  profile: ProfileSummary | null;
  profileFile: string | null;
  /** The same for the county officer's run (absent: not profiled). */
  countyProfile?: ProfileSummary | null;
  countyProfileFile?: string | null;
}

export interface BenchResults {
  meta: {
    date: string;
    mode: string;
    commit: string;
    serverDir: string;
    serverCommit: string;
    machine: MachineInfo;
    options: Record<string, unknown>;
    postgresSettings: Record<string, string | number>;
    data: Record<string, number>;
    database: string;
    seeded: boolean;
    seedSeconds: number | null;
    /** The databases read into shared buffers before the rounds (absent in runs before session 31). */
    prewarmed?: Prewarmed[];
    migrations: string[];
    wallSeconds: number;
  };
  questions: QuestionResult[];
}

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

type Pick = (m: Measurement) => number;

/** Median over the rounds of one server's measurement of a run. */
export function medianOf(result: QuestionResult, server: ServerName, kind: 'throughput' | 'rate', key: string | number, pick: Pick): number {
  const rounds = result.rounds[server] ?? [];
  return median(rounds.map((round) => round[kind][String(key)]).filter((m): m is Measurement => !!m).map(pick));
}

/** Median throughput (responses per second) of a server at a number of connections. */
export function rpsOf(result: QuestionResult, server: ServerName, connections: number): number {
  return medianOf(result, server, 'throughput', connections, (m) => m.rps);
}

/** In how many rounds a server could not keep up with a fixed rate. */
export function saturatedRounds(result: QuestionResult, server: ServerName, percent: string | number): number {
  return (result.rounds[server] ?? []).filter((round) => round.rate[String(percent)]?.saturated).length;
}

/** A server's rate runs at one per cent of the peer's best, a run per round. */
export function rateRuns(result: QuestionResult, server: ServerName, percent: string | number): Measurement[] {
  return (result.rounds[server] ?? []).map((round) => round.rate[String(percent)]).filter((m): m is Measurement => !!m);
}

/**
 * Our p99 ÷ the peer's at a fixed rate (per cent of the peer's best), medians over the rounds;
 * 'saturated' when ours could not keep up in most rounds (its percentiles then cover only what it
 * answered, so a ratio would flatter it); NaN when either server was not measured at that rate.
 *
 * Medians, not the p99 of all rounds' answers together: the machine's speed drifts between rounds,
 * and pooled, one slow round's tail is the whole p99 (test/bench/README.md, *Session 54*).
 */
export function p99RatioAt(result: QuestionResult, percent: string | number): number | 'saturated' {
  const rounds = result.rounds.ours?.length ?? 0;
  if (rounds > 0 && saturatedRounds(result, 'ours', percent) * 2 > rounds) return 'saturated';
  const p99 = (server: ServerName) => medianOf(result, server, 'rate', percent, (m) => m.latencyMs.p99);
  const ours = p99('ours');
  const peer = p99('peer');
  return Number.isFinite(ours) && Number.isFinite(peer) && peer > 0 ? ours / peer : NaN;
}

/** A server's highest VmHWM over its throughput runs (every round and connection count); NaN when it did not run. */
export function peakRssOf(result: QuestionResult, server: ServerName): number {
  const peaks = (result.rounds[server] ?? []).flatMap((round) => Object.values(round.throughput).map((m) => m.peakRssMiB));
  return peaks.length ? Math.max(...peaks) : NaN;
}
