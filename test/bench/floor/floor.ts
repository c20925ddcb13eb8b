/**
 * `pnpm bench --floor`: what each part of our HTTP stack costs on `{ __typename }`, in server CPU
 * per request (/proc/<pid>/stat around a fixed number of requests), from bare yoga up to `start`
 * itself, with PostGraphile beside it. Every layer is a process of its own (the same Node,
 * production mode, a pool of 10, on the bench's PostgreSQL); all are started first and then
 * measured in turn, `rounds` times, and medians are reported. See test/bench/README.md.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { authHeaders, serverEnv } from '../auth.js';
import { quoteIdent, startCluster, type Cluster } from '../lib/cluster.js';
import { commitOf, machineInfo, type MachineInfo } from '../lib/machine.js';
import { REPO_DIR, WORK_DIR } from '../lib/options.js';
import { saveDailyReport } from '../lib/report-name.js';
import { monotonicUs, summariseProfile } from '../lib/profile.js';
import { installPeerSchema } from '../lib/peer-schema.js';
import { floorServerEntry } from '../lib/compiled.js';
import { cpuTimeMs, runNode, startNode, type NodeProcess } from '../lib/processes.js';
import { PRODUCTION, startServer } from '../lib/servers.js';
import { LAYERS } from './layers.js';
import { median, pinToCpu } from '../lib/pinning.js';

export interface FloorOptions {
  rounds: number;
  /** Requests measured per layer and round. */
  requests: number;
  /** Requests sent before the first measurement of a layer (JIT warm-up). */
  warmup: number;
  connections: number;
  /** Instead of the table: profile bare yoga and `start` (--cpu-prof) and say where their time goes. */
  profile: boolean;
  /**
   * The load generator (this process) on CPU 0 and every server on CPU 1 (`taskset`), so that each
   * server has a core to itself and is measured saturated: without it the load generator shares
   * both cores with the server and becomes the limit (about 3,300 requests a second here), and
   * a server's CPU per request is then that of a half-idle server.
   */
  pin: boolean;
}

const DEFAULTS: FloorOptions = { rounds: 3, requests: 10_000, warmup: 3_000, connections: 10, profile: false, pin: false };
const DATABASE = 'bench_floor';
const BODY = '{"query":"{ __typename }"}';

export function parseFloorOptions(argv: string[]): FloorOptions {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--floor') continue;
    if (flag === '--profile' || flag === '--pin') {
      options[flag === '--profile' ? 'profile' : 'pin'] = true;
      continue;
    }
    const key = ({ '--rounds': 'rounds', '--requests': 'requests', '--warmup': 'warmup', '--connections': 'connections' } as const)[flag as '--rounds'];
    const value = Number(argv[++i]);
    if (!key || !Number.isInteger(value) || value < 1) throw new Error(`usage: pnpm bench --floor [--profile] [--pin] [--rounds N] [--requests N] [--warmup N] [--connections N] (got ${flag})`);
    options[key] = value;
  }
  return options;
}

interface Variant {
  name: string;
  port: number;
  process: NodeProcess;
  headers: Record<string, string>;
}

interface Measurement {
  cpuUsPerRequest: number;
  rps: number;
  errors: number;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startLayer(index: number, databaseUrl: string, nodeFlags: string[] = []): Promise<Variant> {
  const port = await freePort();
  const proc = startNode({
    nodeFlags,
    cwd: REPO_DIR,
    args: [await floorServerEntry()],
    env: { ...PRODUCTION, ...serverEnv(REPO_DIR), DATABASE_URL: databaseUrl, TUOPIN_POOL_SIZE: '10', PORT: String(port), FLOOR_LAYER: String(index) },
    logName: `floor-layer-${index}.log`,
  });
  const variant = { name: LAYERS[index], port, process: proc, headers: { 'content-type': 'application/json', ...authHeaders() } };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`floor layer ${index} exited during start-up; see ${proc.logFile}`);
    if (Date.now() > deadline) throw new Error(`floor layer ${index} did not answer within 120 s; see ${proc.logFile}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: variant.headers, body: BODY });
      const text = await response.text();
      if (response.ok && text.includes('"Query"')) return variant;
      if (response.status !== 200) throw new Error(`floor layer ${index} answered ${response.status}: ${text.slice(0, 200)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('floor layer')) throw error;
    }
    await sleep(200);
  }
}

/** `amount` requests at `connections` at once; the server's CPU time around them. */
async function measure(variant: Variant, amount: number, connections: number): Promise<Measurement> {
  const before = cpuTimeMs(variant.process.pid);
  const started = performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${variant.port}/graphql`,
    method: 'POST',
    headers: variant.headers,
    body: BODY,
    connections,
    amount,
    timeout: 30,
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = cpuTimeMs(variant.process.pid) - before;
  const answered = result.requests.total;
  return {
    cpuUsPerRequest: (cpuMs * 1000) / Math.max(1, answered),
    rps: answered / seconds,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export async function runFloor(argv: string[], log: (line: string) => void): Promise<void> {
  const options = parseFloorOptions(argv);
  const date = new Date().toISOString();
  let cluster: Cluster | undefined;
  const variants: Variant[] = [];
  try {
    cluster = await startCluster(log);
    const machine = await machineInfo(cluster);
    const { rowCount } = await cluster.admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (!rowCount) await cluster.admin.query(`create database ${quoteIdent(DATABASE)}`);
    const url = cluster.url(DATABASE);
    const env = { ...serverEnv(REPO_DIR), DATABASE_URL: url, NODE_ENV: 'production' };
    // Migrated and with the demo data (seed loads it into an empty database only), so that the peer finds our tables.
    await runNode({ cwd: REPO_DIR, args: [path.join('packages', 'server', 'src', 'cli.ts'), 'seed'], env, logName: 'floor-seed.log' });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await installPeerSchema(client);
    await client.end();

    if (options.profile) return await profileFloor(url, options, log);
    log(`starting ${LAYERS.length} layers, our start command and the peer`);
    for (let index = 0; index < LAYERS.length; index++) variants.push(await startLayer(index, url));
    for (const name of ['ours', 'peer'] as const) {
      const server = await startServer(name, { databaseUrl: url, poolSize: 10, serverDir: REPO_DIR, logName: `floor-${name}.log` });
      variants.push({ name: name === 'ours' ? '`start` (as the bench runs it)' : 'PostGraphile 5.1.5 (amber), for comparison', port: server.port, process: server.process, headers: server.headers });
    }
    if (options.pin) {
      pinToCpu(process.pid, 0);
      for (const variant of variants) pinToCpu(variant.process.pid, 1);
      log('pinned: the load to CPU 0, every server to CPU 1');
    }
    for (const variant of variants) await measure(variant, options.warmup, options.connections);

    const runs = new Map<string, Measurement[]>(variants.map((v) => [v.name, []]));
    for (let round = 1; round <= options.rounds; round++) {
      log(`round ${round}/${options.rounds}`);
      for (const variant of variants) {
        const m = await measure(variant, options.requests, options.connections);
        runs.get(variant.name)!.push(m);
        log(`  ${variant.name}: ${m.cpuUsPerRequest.toFixed(0)} µs CPU/request, ${m.rps.toFixed(0)} req/s${m.errors ? `, ${m.errors} errors` : ''}`);
      }
    }
    const markdown = floorReport({ date, commit: commitOf(REPO_DIR), machine, options, variants: variants.map((v) => v.name), runs });
    // A second report on a day gets the time too: the day's first is never written over.
    const file = saveDailyReport('floor', date, markdown);
    console.log(`\n${markdown}`);
    log(`report: ${path.relative(REPO_DIR, file)} (and latest-floor.md)`);
  } finally {
    await Promise.all(variants.map((v) => v.process.stop().catch(() => {})));
    await cluster?.stop().catch(() => {});
  }
}

/** Bare yoga (as the app sets it) and `start` under --cpu-prof: self time by package and the top functions, measured window only. */
async function profileFloor(url: string, options: FloorOptions, log: (line: string) => void): Promise<void> {
  const root = path.join(WORK_DIR, 'profiles', 'floor');
  rmSync(root, { recursive: true, force: true });
  for (const which of ['yoga alone', 'start'] as const) {
    const dir = path.join(root, which === 'start' ? 'start' : 'yoga');
    mkdirSync(dir, { recursive: true });
    const flags = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
    const variant =
      which === 'start'
        ? await startServer('ours', { databaseUrl: url, poolSize: 10, serverDir: REPO_DIR, logName: 'floor-ours-profile.log', nodeFlags: flags }).then((s) => ({ name: which, port: s.port, process: s.process, headers: s.headers }))
        : await startLayer(1, url, flags); // yoga as the app sets it: the part of `start` that is yoga's
    try {
      await measure(variant, options.warmup, options.connections);
      const fromUs = monotonicUs();
      const m = await measure(variant, options.requests, options.connections);
      const window = { fromUs, toUs: monotonicUs() };
      await variant.process.stop();
      const file = readdirSync(dir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f));
      if (!file) throw new Error(`no CPU profile was written in ${dir}`);
      const summary = summariseProfile(path.join(dir, file), REPO_DIR, window, 25);
      console.log(`\n## ${which}: ${m.cpuUsPerRequest.toFixed(0)} µs CPU/request (under the profiler), ${summary.busyMs} ms busy for ${options.requests} requests\n`);
      console.log(summary.byPackage.slice(0, 20).map((p) => `${p.name.padEnd(60)} ${String(p.ms).padStart(8)} ms ${String(p.share).padStart(5)} %`).join('\n'));
      console.log('');
      console.log(summary.topFunctions.map((f) => `${f.name.padEnd(40)} ${f.where.padEnd(70)} ${String(f.ms).padStart(8)} ms ${String(f.share).padStart(5)} %`).join('\n'));
    } finally {
      await variant.process.stop();
    }
  }
  log(`profiles in ${path.relative(REPO_DIR, root)}`);
}

function floorReport(input: { date: string; commit: string; machine: MachineInfo; options: FloorOptions; variants: string[]; runs: Map<string, Measurement[]> }): string {
  const { machine, options } = input;
  const rows: string[] = [];
  let previous: number | null = null;
  const ours = median(input.runs.get(input.variants[input.variants.length - 2])!.map((m) => m.cpuUsPerRequest));
  const peer = median(input.runs.get(input.variants[input.variants.length - 1])!.map((m) => m.cpuUsPerRequest));
  input.variants.forEach((name, i) => {
    const runs = input.runs.get(name)!;
    const cpu = median(runs.map((m) => m.cpuUsPerRequest));
    const inStack = i < LAYERS.length;
    const delta = inStack && previous !== null ? `${cpu - previous >= 0 ? '+' : ''}${(cpu - previous).toFixed(0)}` : '';
    const spread = `${Math.min(...runs.map((m) => m.cpuUsPerRequest)).toFixed(0)}–${Math.max(...runs.map((m) => m.cpuUsPerRequest)).toFixed(0)}`;
    const errors = runs.reduce((sum, m) => sum + m.errors, 0);
    rows.push(`| ${name} | ${cpu.toFixed(0)} | ${delta} | ${spread} | ${median(runs.map((m) => m.rps)).toFixed(0)} | ${errors} |`);
    if (inStack) previous = cpu;
  });
  return [
    `# The HTTP floor: \`{ __typename }\`, layer by layer — ${input.date.slice(0, 10)}`,
    '',
    `commit ${input.commit}; ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average at the start ${machine.loadAverageAtStart.join(' ')}.`,
    `Each layer a process of its own (production mode, pool of 10); ${options.warmup.toLocaleString('en')} requests of warm-up, then ${options.rounds} rounds of ${options.requests.toLocaleString('en')} requests at ${options.connections} connections (autocannon, on the same machine${options.pin ? '; pinned: autocannon on CPU 0, each server on CPU 1, so every server is measured saturated' : ', unpinned: autocannon shares the cores with the server and is the limit'}); medians. CPU is the server process's user + system time from /proc/<pid>/stat around the requests: it does not depend on how busy the machine is the way req/s does (req/s here are noisy on a shared machine).`,
    '',
    '| layer | server CPU µs / request | Δ from the layer above | range over rounds | req/s | errors |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `\`start\` ÷ PostGraphile in CPU per request: ${(ours / peer).toFixed(2)}× (the peer's throughput ÷ ours, on a CPU-bound server: ${(peer / ours).toFixed(2)}× would be our share).`,
    '',
  ].join('\n');
}
