/**
 * Load generators. Throughput: autocannon, N connections each sending its next request as soon as
 * the last one answered (closed loop). Latency at a fixed rate: our own open-loop sender, since
 * autocannon's rate limit lets every connection fire its quota at the start of each second (all
 * connections at once), which measures bursts rather than a steady rate. Requests are sent at
 * even intervals and latency is counted from the moment a request was due, so a slow server
 * cannot hide its backlog (no coordinated omission).
 */
import type { EventEmitter } from 'node:events';
import { Agent, request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import type { TimedAnswer } from './pauses.js';

export interface LoadTarget {
  /** http://127.0.0.1:port */
  origin: string;
  headers: Record<string, string>;
  /** The next request (path and JSON body), rotating through the prepared variables. */
  next(): { path: string; body: string };
  /** True when a 200 response is still a failure (GraphQL errors, an error payload). */
  failed(body: string): boolean;
}

export interface LoadResult {
  kind: 'throughput' | 'rate';
  connections: number;
  /** Requested rate (rate runs). */
  targetRps: number | null;
  durationSec: number;
  /** Responses received. */
  requests: number;
  /** Requests sent (some may still be in flight when a throughput run ends). */
  sent: number;
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  /** Transport errors and timeouts, non-2xx answers, 2xx answers that carry an error. */
  errors: number;
  errorRate: number;
  /** Rate runs: the server fell behind (a backlog beyond a quarter second of requests) and sending stopped early. */
  saturated?: boolean;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function summarise(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN;
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(mean),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** One autocannon run: its responses' latencies and its counts. */
async function autocannonRun(target: LoadTarget, connections: number, durationSec: number) {
  const latencies: number[] = [];
  let failedBodies = 0;
  const first = target.next();
  // The instance is an EventEmitter that is also thenable; the typings only know the promise.
  const instance = autocannon({
    url: `${target.origin}${first.path}`,
    method: 'POST',
    headers: target.headers,
    connections,
    duration: durationSec,
    timeout: 60,
    requests: [
      {
        setupRequest: (req: any) => {
          const { path, body } = target.next();
          return { ...req, path, body };
        },
        onResponse: (status: number, body: string) => {
          if (status === 200 && target.failed(body)) failedBodies++;
        },
      } as any,
    ],
  }) as unknown as EventEmitter & PromiseLike<autocannon.Result>;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  return {
    latencies,
    duration: result.duration,
    sent: Math.max(latencies.length, result.requests.sent),
    transportErrors: result.errors + result.timeouts,
    errors: result.errors + result.timeouts + result.non2xx + failedBodies,
  };
}

/** Closed-loop throughput with `connections` connections for `durationSec` seconds (autocannon). */
export async function throughput(target: LoadTarget, connections: number, durationSec: number): Promise<LoadResult> {
  const run = await autocannonRun(target, connections, durationSec);
  const requests = run.latencies.length;
  return {
    kind: 'throughput',
    connections,
    targetRps: null,
    durationSec: run.duration,
    requests,
    sent: run.sent,
    rps: Math.round((requests / run.duration) * 10) / 10,
    latencyMs: summarise(run.latencies),
    errors: run.errors,
    errorRate: requests + run.transportErrors > 0 ? run.errors / (requests + run.transportErrors) : 0,
  };
}

/**
 * Open-loop load at `rps` requests per second for `durationSec` (at least `minRequests`
 * requests), over at most `connections` keep-alive connections. `answers`, when given, receives
 * every answer with the moment its request was due, for the account of the slowest (pauses.ts).
 */
export const MIN_RATE_REQUESTS = 15;

export async function fixedRate(target: LoadTarget, rps: number, durationSec: number, connections: number, answers?: TimedAnswer[], minRequests = MIN_RATE_REQUESTS): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.max(minRequests, Math.round(rps * durationSec));
  const interval = 1000 / rps;
  const latencies: number[] = [];
  let errors = 0;
  let done = 0;
  const start = performance.now();
  const send = (due: number) => {
    const { path, body } = target.next();
    const req = httpRequest(
      `${target.origin}${path}`,
      { method: 'POST', agent, headers: { ...target.headers, 'content-length': Buffer.byteLength(body) }, timeout: 60_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const latencyMs = performance.now() - due;
          latencies.push(latencyMs);
          answers?.push({ dueMs: performance.timeOrigin + due, latencyMs });
          if (res.statusCode !== 200 || target.failed(Buffer.concat(chunks).toString('utf8'))) errors++;
          done++;
        });
      },
    );
    req.on('error', () => {
      errors++;
      done++;
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(body);
  };
  // A server that cannot keep up would build an unbounded backlog; past a quarter second's worth of
  // requests in flight the run stops sending and is reported as saturated.
  const maxBacklog = Math.max(connections, Math.ceil(rps / 4));
  let sent = 0;
  let saturated = false;
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait - 0.5);
    if (sent - done > maxBacklog) {
      saturated = true;
      break;
    }
    send(due);
    sent++;
  }
  const deadline = performance.now() + 60_000;
  while (done < sent && performance.now() < deadline) await sleep(5);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  errors += sent - done;
  return {
    kind: 'rate',
    connections,
    targetRps: Math.round(rps * 10) / 10,
    durationSec: Math.round(elapsed * 100) / 100,
    requests: latencies.length,
    sent,
    rps: Math.round((latencies.length / elapsed) * 10) / 10,
    latencyMs: summarise(latencies),
    errors,
    errorRate: sent > 0 ? errors / sent : 0,
    saturated,
  };
}
