/**
 * Where the slowest answers of a run at a fixed rate spent their time: inside the server's own
 * pauses (its garbage collector's, or its event loop running no timer: busy, or not scheduled), or
 * elsewhere (the load generator, the sockets, PostgreSQL, the other processes on the two cores).
 *
 * The p99 at a fixed rate is a handful of answers, and the report's ratio of two of them swings
 * from run to run (README, sessions 47–53). So each run also accounts for its slowest answers with
 * the server's pauses, recorded by `pause-recorder.cjs` in our server and the peer's alike: the
 * profile of a tail, where the CPU profile says nothing of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BENCH_DIR } from './options.js';

/** The recorder, loaded into a server with --require (CommonJS, no build). */
export const PAUSE_RECORDER = path.join(BENCH_DIR, 'pause-recorder.cjs');

export interface Pause {
  kind: 'gc' | 'stall';
  /** ms since the epoch. */
  startMs: number;
  ms: number;
}

/** An answer of a run at a fixed rate: when its request was due (ms since the epoch), and how long it took from then. */
export interface TimedAnswer {
  dueMs: number;
  latencyMs: number;
}

/** The slowest 1 % of a run's answers (those at its p99 or above) against the server's pauses in the run. */
export interface TailAccount {
  /** How many answers, and their time in all. */
  answers: number;
  ms: number;
  /** How much of that time fell inside a pause of the server (pauses that overlap counted once). */
  msInPauses: number;
  /** The pauses in the run: the collector's, and the event loop's stalls (which contain most of the collector's). */
  gcPauses: number;
  gcMs: number;
  longestGcMs: number;
  stalls: number;
  stallMs: number;
  longestStallMs: number;
}

/** Every pause in a recorder's log, and how many recordings it started and stopped. */
export function parsePauseLog(text: string): { pauses: Pause[]; ons: number; offs: number } {
  const pauses: Pause[] = [];
  let ons = 0;
  let offs = 0;
  for (const line of text.split('\n')) {
    const [kind, start, ms] = line.split(' ');
    if (kind === 'on') ons++;
    if (kind === 'off') offs++;
    if (kind === 'gc' || kind === 'stall') pauses.push({ kind, startMs: Number(start), ms: Number(ms) });
  }
  return { pauses, ons, offs };
}

function readLog(log: string) {
  return parsePauseLog(existsSync(log) ? readFileSync(log, 'utf8') : '');
}

/** Waits until the recorder has written its `on` or `off` line for the `count`-th time. */
async function waitForLine(pid: number, log: string, line: 'ons' | 'offs', count: number): Promise<Pause[]> {
  for (let waited = 0; ; waited += 20) {
    const read = readLog(log);
    if (read[line] >= count) return read.pauses;
    if (waited > 10_000) throw new Error(`the pause recorder of process ${pid} did not write its ${line.slice(0, -1)} line within 10 s (${log})`);
    await sleep(20);
  }
}

/**
 * Runs `work` with the server's recorder on (its log `log`), and returns the pauses it recorded in
 * all. The recorder is started and stopped by a signal each; each is waited for, so that two signals
 * never arrive together (they would count as one).
 */
export async function recordPauses<T>(pid: number, log: string, work: () => Promise<T>): Promise<{ result: T; pauses: Pause[] }> {
  const before = readLog(log);
  process.kill(pid, 'SIGUSR2');
  await waitForLine(pid, log, 'ons', before.ons + 1);
  let result: T;
  try {
    result = await work();
  } finally {
    process.kill(pid, 'SIGUSR2');
  }
  return { result, pauses: await waitForLine(pid, log, 'offs', before.offs + 1) };
}

/** The answers at the p99 or above: the slowest n − ⌈0.99 n⌉ + 1, as load.ts's percentile counts. */
export function slowestPercent(answers: readonly TimedAnswer[]): TimedAnswer[] {
  const n = answers.length;
  return [...answers].sort((a, b) => b.latencyMs - a.latencyMs).slice(0, n - Math.ceil(0.99 * n) + 1);
}

/** Intervals merged where they overlap, in order. */
function union(pauses: readonly Pause[]): [number, number][] {
  const sorted = pauses.map((p): [number, number] => [p.startMs, p.startMs + p.ms]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The run's slowest answers against the pauses that fell within it. */
export function tailAccount(answers: readonly TimedAnswer[], pauses: readonly Pause[]): TailAccount {
  if (answers.length === 0) return { answers: 0, ms: 0, msInPauses: 0, gcPauses: 0, gcMs: 0, longestGcMs: 0, stalls: 0, stallMs: 0, longestStallMs: 0 };
  const first = Math.min(...answers.map((a) => a.dueMs));
  const last = Math.max(...answers.map((a) => a.dueMs + a.latencyMs));
  const inRun = pauses.filter((p) => p.startMs < last && p.startMs + p.ms > first);
  const merged = union(inRun);
  const slowest = slowestPercent(answers);
  let msInPauses = 0;
  for (const { dueMs, latencyMs } of slowest) {
    for (const [start, end] of merged) msInPauses += Math.max(0, Math.min(end, dueMs + latencyMs) - Math.max(start, dueMs));
  }
  const of = (kind: Pause['kind']) => inRun.filter((p) => p.kind === kind).map((p) => p.ms);
  const gc = of('gc');
  const stalls = of('stall');
  const sum = (xs: number[]) => round2(xs.reduce((a, b) => a + b, 0));
  return {
    answers: slowest.length,
    ms: sum(slowest.map((a) => a.latencyMs)),
    msInPauses: round2(msInPauses),
    gcPauses: gc.length,
    gcMs: sum(gc),
    longestGcMs: round2(Math.max(0, ...gc)),
    stalls: stalls.length,
    stallMs: sum(stalls),
    longestStallMs: round2(Math.max(0, ...stalls)),
  };
}
