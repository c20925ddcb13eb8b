/**
 * The three servers under test, started alike: the same Node, a production configuration, a pool
 * of the same size, one database each time. Ours through its own CLI (`start`, built as `pnpm start`
 * builds it), the peer and the raw floor through the small scripts in ../servers/, compiled alike.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertAuthorised, authHeaders, serverEnv, type BenchCaller } from '../auth.js';
import type { Question, Vars } from '../questions/index.js';
import { BENCH_DIR, REPO_DIR } from './options.js';
import { compiledScript, ourServerArgs } from './compiled.js';
import { PAUSE_RECORDER } from './pauses.js';
import { LOG_DIR, startNode, type NodeProcess } from './processes.js';
import { BENCH_METRICS_TOKEN } from './read-audit-tally.js';

/** `county`: our server again, asked by a county officer (personal data unmasked, so the read audit is on). */
export type ServerName = 'ours' | 'county' | 'peer' | 'raw';

export const SERVER_LABELS: Record<ServerName, string> = {
  ours: 'tuopin',
  county: 'tuopin, county officer',
  peer: 'PostGraphile 5.1.5 (amber)',
  raw: 'raw SQL (node-postgres)',
};

export interface StartOptions {
  databaseUrl: string;
  poolSize: number;
  serverDir: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** Who asks our server (`county`): the county officer. */
  caller?: BenchCaller;
  logName: string;
  /** Load the pause recorder (pauses.ts), for runs at a fixed rate; never into the raw floor, which has none. */
  recordPauses?: boolean;
}

export interface RunningServer {
  readonly name: ServerName;
  readonly port: number;
  readonly pid: number;
  readonly process: NodeProcess;
  /** The HTTP request for a question with these variables. */
  request(question: Question, vars: Vars): { path: string; body: string };
  readonly headers: Record<string, string>;
  url(path: string): string;
  /** What the pause recorder writes (pauses.ts); null when it was not loaded. */
  readonly pauseLog: string | null;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The environment of every server under test: production mode. */
export const PRODUCTION = { NODE_ENV: 'production', GRAPHILE_ENV: 'production' };

/** The pause recorder's log of a server whose own log is `logName`, emptied for its start. */
function freshPauseLog(logName: string): string {
  mkdirSync(LOG_DIR, { recursive: true });
  const file = path.join(LOG_DIR, logName.replace(/\.log$/, '') + '-pauses.log');
  writeFileSync(file, '');
  return file;
}

async function spawnServer(name: ServerName, port: number, options: StartOptions, pauseLog: string | null): Promise<NodeProcess> {
  // Our server and the peer's carry the pause recorder alike: it writes nothing, and its timer does not run, until a run at a fixed rate starts it.
  const recorder: { nodeFlags?: string[]; env: Record<string, string> } = pauseLog
    ? { nodeFlags: [...(options.nodeFlags ?? []), '--require', PAUSE_RECORDER], env: { BENCH_PAUSE_LOG: pauseLog } }
    : { nodeFlags: options.nodeFlags, env: {} };
  const common = { nodeFlags: recorder.nodeFlags, logName: options.logName };
  if (name === 'ours' || name === 'county') {
    return startNode({
      ...common,
      cwd: options.serverDir,
      args: await ourServerArgs(options.serverDir),
      // /metrics on the API's port, for the read audit's figures (read-audit-tally.ts).
      env: { ...PRODUCTION, ...serverEnv(options.serverDir), ...recorder.env, DATABASE_URL: options.databaseUrl, TUOPIN_POOL_SIZE: String(options.poolSize), PORT: String(port), TUOPIN_METRICS_TOKEN: BENCH_METRICS_TOKEN },
    });
  }
  const env = { ...PRODUCTION, ...recorder.env, DATABASE_URL: options.databaseUrl, POOL_SIZE: String(options.poolSize), PORT: String(port) };
  if (name === 'peer') {
    return startNode({
      ...common,
      cwd: REPO_DIR,
      args: [await compiledScript(path.join(BENCH_DIR, 'servers', 'postgraphile.ts'))],
      env: { ...env, NODE_OPTIONS: `--require ${path.join(BENCH_DIR, 'promise-with-resolvers.cjs')}` },
    });
  }
  return startNode({ ...common, cwd: REPO_DIR, args: [await compiledScript(path.join(BENCH_DIR, 'servers', 'raw.ts'))], env });
}

function graphqlRequest(side: 'ours' | 'peer') {
  return (question: Question, vars: Vars) => {
    const graphql = question[side];
    return { path: '/graphql', body: JSON.stringify({ query: graphql.query, variables: graphql.variables(vars) }) };
  };
}

/** Starts a server and waits until it answers (`{ __typename }`, or the raw floor's Q6b). */
export async function startServer(name: ServerName, options: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const pauseLog = options.recordPauses && name !== 'raw' ? freshPauseLog(options.logName) : null;
  const proc = await spawnServer(name, port, options, pauseLog);
  if (name === 'county' && !options.caller) throw new Error('the county officer\'s run needs its caller');
  const auth = name === 'ours' ? authHeaders() : name === 'county' ? authHeaders(options.caller) : {};
  const headers = { 'content-type': 'application/json', ...auth };
  const url = (p: string) => `http://127.0.0.1:${port}${p}`;
  const probe = name === 'raw' ? { path: '/Q6b', body: '{}' } : { path: '/graphql', body: '{"query":"{ __typename }"}' };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`${SERVER_LABELS[name]} exited during start-up; see ${proc.logFile}`);
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(`${SERVER_LABELS[name]} did not answer within 180 s; see ${proc.logFile}`);
    }
    let refusal: Error | null = null;
    try {
      const response = await fetch(url(probe.path), { method: 'POST', headers, body: probe.body, signal: AbortSignal.timeout(10_000) });
      const text = await response.text();
      if (name === 'ours' || name === 'county') {
        try {
          assertAuthorised(response.status, text);
        } catch (error) {
          refusal = error as Error;
        }
      }
      if (response.ok && !refusal) break;
    } catch {
      // not listening yet
    }
    if (refusal) {
      await proc.stop();
      throw refusal;
    }
    await sleep(200);
  }
  return {
    name,
    port,
    pid: proc.pid,
    process: proc,
    headers,
    url,
    pauseLog,
    request: name === 'raw' ? (question, vars) => ({ path: `/${question.id}`, body: JSON.stringify(vars) }) : graphqlRequest(name === 'peer' ? 'peer' : 'ours'),
    stop: () => proc.stop(),
  };
}

/** The server's headers, with the question's own caller for our server when it names one. */
export function headersFor(server: RunningServer, question: Question): Record<string, string> {
  const caller = server.name === 'ours' ? question.ours.caller : undefined;
  return caller ? { ...server.headers, ...authHeaders(caller) } : server.headers;
}

/** One request; returns the status and the parsed body. */
export async function ask(server: RunningServer, question: Question, vars: Vars): Promise<{ status: number; body: any; text: string }> {
  const { path: p, body } = server.request(question, vars);
  const response = await fetch(server.url(p), { method: 'POST', headers: headersFor(server, question), body, signal: AbortSignal.timeout(120_000) });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left null; the caller reports the text
  }
  return { status: response.status, body: parsed, text };
}
