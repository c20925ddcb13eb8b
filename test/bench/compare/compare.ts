/**
 * `pnpm bench --compare DIR`: this checkout's server against another checkout's (DIR, "before"),
 * side by side on the same data, pinned: for each read question, the server's CPU per request
 * and PostgreSQL's execution time per request. These two do not depend on how busy the machine is
 * the way requests per second do, and short `--only` runs of the full bench could not tell two
 * builds apart (test/bench/README.md, sessions 32 and 33).
 *
 * Both servers run at once and are loaded in turn, in short bursts: on a shared virtual machine
 * the cost of the same work drifts by half within minutes (session 34), so each "after" burst is
 * set against the "before" burst next to it in time, and the report gives the median of those
 * paired ratios as well as each side's medians. See test/bench/README.md.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { prewarmDatabase, readStatements, resetStatements, startCluster, withClient, type Cluster } from '../lib/cluster.js';
import { summariseAllocations, type AllocationSummary } from '../lib/allocations.js';
import { countyRun } from '../lib/county.js';
import { prepareDataset } from '../lib/dataset.js';
import { commitOf, machineInfo } from '../lib/machine.js';
import { parseOptions, REPO_DIR, WORK_DIR } from '../lib/options.js';
import { median, pinToCpu } from '../lib/pinning.js';
import { cpuTimeMs } from '../lib/processes.js';
import { saveDailyReport } from '../lib/report-name.js';
import { startServer, type RunningServer } from '../lib/servers.js';
import { answer, firstDifference, isEmpty } from '../lib/verify.js';
import { QUESTIONS, questionById, type Question, type Vars } from '../questions/index.js';
import type { BenchCaller } from '../auth.js';

export interface CompareOptions {
  /** The other checkout: the "before" side. */
  before: string;
  only: string[] | null;
  /** Asked by the county officer (personal data unmasked, so the read audit is on) instead of the administrator. */
  county: boolean;
  households: number;
  rounds: number;
  /** Requests measured per server and round. */
  requests: number;
  warmup: number;
  connections: number;
  /** Also measures the bytes each side allocates per request (compare/allocation-sampler.cjs). */
  allocations: boolean;
  /**
   * Questions each server answers first, `historyRequests` of each at HISTORY_CONNECTIONS, before
   * the measured question's warm-up: in the full bench a server answers the lighter questions after
   * the heavier ones, and what V8 learnt under them stays (README, session 40).
   */
  history: string[];
  historyRequests: number;
}

const USAGE = `usage: pnpm bench --compare DIR [--only Q1,Q6a] [--county] [--allocations] [--history Q1,Q4] [--history-requests N] [--households N] [--rounds N] [--requests N] [--warmup N] [--connections N]
  DIR          another tuopin checkout with its dependencies installed (the "before" side)
  --county     ask as the county officer (read audit on) instead of the national administrator
  --allocations  also the bytes each side allocates per request, and where (a sampling heap profile)
  --history    questions each server answers first (--history-requests of each, default 10,000, at 50 connections), before the warm-up
  --rounds     bursts of each server, in turn (default 12; the order alternates, so each goes first as often)
  --requests   requests measured per server and burst (default 1,500)`;

const DEFAULTS = { rounds: 12, requests: 1_500, warmup: 3_000, connections: 10, historyRequests: 10_000 };
/** The history's load: the full bench's heaviest, where requests wait longest for PostgreSQL. */
const HISTORY_CONNECTIONS = 50;
/** The pause before each burst. */
const SETTLE_MS = 1_000;
/** Variable sets whose answers must be the same from both sides before anything is timed. */
const CHECKED = 10;

export function parseCompareOptions(argv: string[]): CompareOptions {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  const at = argv.indexOf('--compare');
  const before = argv[at + 1];
  if (!before || before.startsWith('--')) throw new Error(`--compare needs the other checkout's directory\n${USAGE}`);
  const options: CompareOptions = { before: path.resolve(before), only: null, county: false, allocations: false, history: [], households: parseOptions([]).households, ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (i === at + 1 || flag === '--compare') continue;
    if (flag === '--county' || flag === '--allocations') {
      options[flag === '--county' ? 'county' : 'allocations'] = true;
      continue;
    }
    const value = argv[++i];
    if (flag === '--only' || flag === '--history') {
      if (!value || value.startsWith('--')) throw new Error(`${flag} needs question ids\n${USAGE}`);
      options[flag === '--only' ? 'only' : 'history'] = value.split(',').map((id) => id.trim());
      continue;
    }
    const key = ({ '--households': 'households', '--rounds': 'rounds', '--requests': 'requests', '--warmup': 'warmup', '--connections': 'connections', '--history-requests': 'historyRequests' } as const)[flag as '--rounds'];
    const n = Number(value);
    if (!key || !Number.isInteger(n) || n < 1) throw new Error(`${flag} ${value ?? ''}: not an option of --compare, or not a positive whole number\n${USAGE}`);
    options[key] = n;
  }
  return options;
}

interface Side {
  label: 'before' | 'after';
  serverDir: string;
  commit: string;
}

interface Run {
  cpuUs: number;
  dbUs: number;
  statements: number;
  rps: number;
  errors: number;
}

export async function runCompare(argv: string[], log: (line: string) => void): Promise<void> {
  const options = parseCompareOptions(argv);
  const date = new Date().toISOString();
  const sides: Side[] = [
    { label: 'before', serverDir: options.before, commit: commitOf(options.before) },
    { label: 'after', serverDir: REPO_DIR, commit: commitOf(REPO_DIR) },
  ];
  const questions = (options.only ? options.only.map(questionById) : QUESTIONS).filter((question) => !question.write);
  if (questions.length === 0) throw new Error('--compare measures read questions; the write (Q5) changes the data it is asked on');
  const history = options.history.map(questionById);
  if (history.some((question) => question.write)) throw new Error('--history takes read questions; the write (Q5) changes the data the questions are asked on');
  let cluster: Cluster | undefined;
  try {
    cluster = await startCluster(log);
    const machine = await machineInfo(cluster);
    const dataset = await prepareDataset(cluster, { ...parseOptions([]), households: options.households }, log);
    const read = await prewarmDatabase(cluster, dataset.database);
    log(`${dataset.database}: ${read.mib} MiB read into shared buffers`);
    const pools = new Map<string, Vars[]>();
    await withClient(cluster, dataset.database, async (client) => {
      for (const question of new Set([...questions, ...history])) pools.set(question.id, await question.sample(client));
    });
    let caller: BenchCaller | undefined;
    let asked = questions;
    if (options.county) {
      // He asks what the full bench's county run asks: the questions with variables inside his counties.
      const county = await countyRun(cluster, dataset.database, questions, pools);
      caller = county.caller;
      asked = questions.filter((question) => county.pools.has(question.id));
      if (asked.length === 0) throw new Error(`the county officer asks none of ${questions.map((q) => q.id).join(', ')}`);
      const unasked = history.filter((question) => !county.pools.has(question.id));
      if (unasked.length > 0) throw new Error(`--history: the county officer does not ask ${unasked.map((q) => q.id).join(', ')}`);
      for (const question of new Set([...asked, ...history])) pools.set(question.id, county.pools.get(question.id)!);
      log(`asked by the county officer: ${asked.map((q) => q.id).join(', ')}`);
    }
    pinToCpu(process.pid, 0);
    const runs = new Map<string, Map<Side['label'], Run[]>>();
    const allocations = new Map<string, AllocationSummary>();
    for (const question of asked) {
      const pool = pools.get(question.id)!;
      const bySide = new Map<Side['label'], Run[]>(sides.map((side) => [side.label, []]));
      runs.set(question.id, bySide);
      const nonEmpty = await checkSameAnswers(cluster, dataset.database, sides, question, pool, caller);
      log(`${question.id}: both sides give the same answers for ${Math.min(CHECKED, pool.length)} variable sets (${nonEmpty} non-empty)`);
      const running = cluster;
      await withSide(running, dataset.database, sides[0]!, caller, (before) =>
        withSide(running, dataset.database, sides[1]!, caller, async (after) => {
          const servers = { before, after };
          const loads = sides.map((side) => loadOf(servers[side.label], question, pool, options));
          for (const [index, side] of sides.entries()) {
            pinToCpu(servers[side.label].pid, 1);
            for (const earlier of history) {
              const result = await loadOf(servers[side.label], earlier, pools.get(earlier.id)!, { ...options, connections: HISTORY_CONNECTIONS })(options.historyRequests);
              const failed = failedRequests(result);
              if (failed > 0) throw new Error(`${side.label}: ${failed} requests of the history's ${earlier.id} failed`);
            }
            await loads[index]!(options.warmup);
          }
          for (let round = 0; round < options.rounds; round++) {
            // Alternating order: the server measured second in a pair reads about 2 % higher (session 32).
            for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
              const side = sides[index]!;
              const run = await measureBurst(running, dataset.database, servers[side.label].pid, loads[index]!, options.requests);
              bySide.get(side.label)!.push(run);
              log(`  ${question.id} round ${round + 1} ${side.label}: ${run.cpuUs.toFixed(0)} µs CPU, ${run.dbUs.toFixed(0)} µs in PostgreSQL, ${run.statements.toFixed(2)} statements per request; ${run.rps.toFixed(0)} req/s${run.errors ? `; ${run.errors} errors` : ''}`);
            }
          }
        }),
      );
      if (options.allocations) {
        for (const side of sides) {
          const summary = await measureAllocations(cluster, dataset.database, side, question, pool, caller, options);
          allocations.set(`${question.id} ${side.label}`, summary);
          log(`  ${question.id} ${side.label}: ${summary.bytesPerRequest.toLocaleString('en')} bytes allocated per request`);
        }
      }
    }
    const markdown = compareReport({ date, sides, options, machine: `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average at the start ${machine.loadAverageAtStart.join(' ')}`, database: dataset.database, runs, allocations });
    // A second report on a day gets the time too: the day's first is never written over.
    const file = saveDailyReport('compare', date, markdown);
    console.log(`\n${markdown}`);
    log(`report: ${path.relative(REPO_DIR, file)} (and latest-compare.md)`);
  } finally {
    await cluster?.stop().catch(() => {});
  }
}

async function withSide<T>(cluster: Cluster, database: string, side: Side, caller: BenchCaller | undefined, work: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await startServer(caller ? 'county' : 'ours', { databaseUrl: cluster.url(database), poolSize: 10, serverDir: side.serverDir, caller, logName: `compare-${side.label}.log` });
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

/**
 * A faster build that answers differently is not faster: both sides must give the same answers
 * first, and not all empty ones (except `{ __typename }`'s), which would prove nothing. Returns
 * how many were not empty.
 */
async function checkSameAnswers(cluster: Cluster, database: string, sides: Side[], question: Question, pool: Vars[], caller: BenchCaller | undefined): Promise<number> {
  const samples = pool.slice(0, CHECKED);
  const answers: unknown[][] = sides.map(() => []);
  for (const [index, side] of sides.entries()) {
    await withSide(cluster, database, side, caller, async (server) => {
      for (const vars of samples) answers[index]!.push(await answer(server, question, vars));
    });
  }
  samples.forEach((vars, i) => {
    const difference = firstDifference(answers[0]![i], answers[1]![i]);
    if (difference) throw new Error(`${question.id}: the two checkouts answer differently for ${JSON.stringify(vars)}: ${difference}`);
  });
  const nonEmpty = answers[0]!.filter((found) => !isEmpty(found)).length;
  if (nonEmpty === 0 && question.id !== 'Q6b') throw new Error(`${question.id}: every checked answer was empty; the comparison would prove nothing`);
  return nonEmpty;
}

/** Sends `amount` requests of the question, its variable sets in turn, at the options' connections. */
type Load = (amount: number) => Promise<autocannon.Result>;

function loadOf(server: RunningServer, question: Question, pool: Vars[], options: CompareOptions): Load {
  const bodies = pool.map((vars) => server.request(question, vars).body);
  let next = 0;
  return (amount) =>
    autocannon({
      url: server.url('/graphql'),
      method: 'POST',
      headers: server.headers,
      connections: options.connections,
      amount,
      timeout: 30,
      requests: [{ setupRequest: (request: any) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
    });
}

/** Requests that got no answer, timed out or were refused. */
function failedRequests(result: autocannon.Result): number {
  return result.errors + result.timeouts + result.non2xx;
}

/** One burst of requests to one server: its CPU and the database's time per request. */
async function measureBurst(cluster: Cluster, database: string, pid: number, load: Load, requests: number): Promise<Run> {
  // The other server shares the core: its work left from its own burst (collecting garbage,
  // closing connections) ends before this one starts.
  await sleep(SETTLE_MS);
  await resetStatements(cluster);
  const cpuBefore = cpuTimeMs(pid);
  const started = performance.now();
  const result = await load(requests);
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = cpuTimeMs(pid) - cpuBefore;
  const statements = await readStatements(cluster, database);
  const answered = Math.max(1, result.requests.total);
  return {
    cpuUs: (cpuMs * 1000) / answered,
    dbUs: (statements.reduce((sum, s) => sum + s.totalMs, 0) * 1000) / answered,
    statements: statements.reduce((sum, s) => sum + s.calls, 0) / answered,
    rps: answered / seconds,
    errors: failedRequests(result),
  };
}

/** The sampler, loaded into the server with --require (it is CommonJS, and needs no build). */
const ALLOCATION_SAMPLER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'allocation-sampler.cjs');

/**
 * The bytes one side allocates per request: a server of its own with the sampler, warmed up, then
 * sampled over the measured requests only. Not in the CPU bursts: the sampler costs time.
 */
async function measureAllocations(cluster: Cluster, database: string, side: Side, question: Question, pool: Vars[], caller: BenchCaller | undefined, options: CompareOptions): Promise<AllocationSummary> {
  const server = await startServer(caller ? 'county' : 'ours', {
    databaseUrl: cluster.url(database),
    poolSize: 10,
    serverDir: side.serverDir,
    caller,
    logName: `compare-${side.label}-allocations.log`,
    nodeFlags: ['--require', ALLOCATION_SAMPLER],
  });
  const file = path.join(tmpdir(), `tuopin-allocations-${server.pid}.heapprofile`);
  try {
    pinToCpu(server.pid, 1);
    const load = loadOf(server, question, pool, options);
    await load(options.warmup);
    process.kill(server.pid, 'SIGUSR2');
    await sleep(SETTLE_MS);
    const result = await load(options.requests);
    process.kill(server.pid, 'SIGUSR2');
    // Refused or failed requests allocate less than answered ones: their bytes would flatter the side.
    const failed = failedRequests(result);
    if (failed > 0) throw new Error(`${side.label}: ${failed} of the sampled requests failed; the bytes per request would not be the question's`);
    for (let waited = 0; !existsSync(file); waited += 100) {
      if (waited > 60_000) throw new Error(`${side.label}: the allocation profile was not written (${file})`);
      await sleep(100);
    }
    // Kept for reading further than the report's top ten (the last run's, in the bench's work directory).
    const kept = path.join(WORK_DIR, 'profiles', 'allocations', `${question.id}${caller ? '-county' : ''}-${side.label}.heapprofile`);
    mkdirSync(path.dirname(kept), { recursive: true });
    copyFileSync(file, kept);
    return summariseAllocations(file, side.serverDir, Math.max(1, result.requests.total));
  } finally {
    rmSync(file, { force: true });
    await server.stop();
  }
}

function compareReport(input: {
  date: string;
  sides: Side[];
  options: CompareOptions;
  machine: string;
  database: string;
  runs: Map<string, Map<Side['label'], Run[]>>;
  allocations: Map<string, AllocationSummary>;
}): string {
  const { options } = input;
  const lines = [
    `# Before and after, pinned — ${input.date.slice(0, 10)}`,
    '',
    `before: ${input.sides[0]!.commit} (${input.sides[0]!.serverDir}); after: ${input.sides[1]!.commit} (this checkout). ${input.machine}.`,
    `Asked by ${options.county ? 'the county officer of every county of the synthetic province (read audit on)' : 'the national administrator'}, on ${input.database}. Both servers started as \`start\` runs them and kept up for the question, both on CPU 1, loaded in turn by the load generator (autocannon, ${options.connections} connections) on CPU 0; ${historyWords(options)}${options.warmup.toLocaleString('en')} requests of warm-up each, then ${options.rounds} bursts of ${options.requests.toLocaleString('en')} requests each, the order alternating; medians. Paired: each after burst ÷ the before burst next to it in time, whose median cancels the machine's drift between bursts. CPU: the server process's user + system time (/proc/<pid>/stat). PostgreSQL: execution time of the database's statements (pg_stat_statements), per request. Both sides gave the same answers for up to ${CHECKED} variable sets of each question first (not all of them empty).`,
    '',
    '| question | side | server CPU µs / request | range | PostgreSQL µs / request | range | statements / request | req/s | errors |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const ratios: string[] = [];
  for (const [id, bySide] of input.runs) {
    const medians = new Map<Side['label'], { cpu: number; db: number }>();
    for (const [label, runs] of bySide) {
      const cpu = median(runs.map((r) => r.cpuUs));
      const db = median(runs.map((r) => r.dbUs));
      medians.set(label, { cpu, db });
      const range = (pick: (r: Run) => number) => `${Math.min(...runs.map(pick)).toFixed(0)}–${Math.max(...runs.map(pick)).toFixed(0)}`;
      lines.push(
        `| ${id} | ${label} | ${cpu.toFixed(0)} | ${range((r) => r.cpuUs)} | ${db.toFixed(0)} | ${range((r) => r.dbUs)} | ${median(runs.map((r) => r.statements)).toFixed(2)} | ${median(runs.map((r) => r.rps)).toFixed(0)} | ${runs.reduce((sum, r) => sum + r.errors, 0)} |`,
      );
    }
    const before = medians.get('before')!;
    const after = medians.get('after')!;
    const pairs = pairedRatios(bySide.get('before')!, bySide.get('after')!);
    const paired = (pick: (r: Run) => number) => {
      const each = pairs.map(([b, a]) => pick(a) / pick(b));
      return `${median(each).toFixed(2)}× (${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)})`;
    };
    ratios.push(
      `- ${id}: server CPU ${(after.cpu / before.cpu).toFixed(2)}×, PostgreSQL ${(after.db / before.db).toFixed(2)}×, both together ${((after.cpu + after.db) / (before.cpu + before.db)).toFixed(2)}× (after ÷ before; below 1 is cheaper); ` +
        `paired, burst by burst: server CPU ${paired((r) => r.cpuUs)}, PostgreSQL ${paired((r) => r.dbUs)}, both together ${paired((r) => r.cpuUs + r.dbUs)}`,
    );
  }
  return [...lines, '', ...ratios, '', ...allocationSection(input.runs, input.allocations, input.options.requests), ''].join('\n');
}

/** The report's words for what each server answered before the warm-up. */
function historyWords(options: CompareOptions): string {
  if (options.history.length === 0) return '';
  return `first a history, ${options.historyRequests.toLocaleString('en')} requests of each of ${options.history.join(', ')} at ${HISTORY_CONNECTIONS} connections, then `;
}

/** Each round's before and after bursts, which ran next to each other. */
function pairedRatios<T>(before: readonly T[], after: readonly T[]): [before: T, after: T][] {
  return before.slice(0, after.length).map((run, round) => [run, after[round]!]);
}

/** Bytes allocated per request by each side, their ratio, and where each side allocates most. */
function allocationSection(runs: Map<string, unknown>, allocations: Map<string, AllocationSummary>, requests: number): string[] {
  if (allocations.size === 0) return [];
  const lines = [
    `## Bytes allocated per request`,
    '',
    `A sampling heap profile of a server of each side (objects already collected counted too), over ${requests.toLocaleString('en')} requests after the warm-up; run apart from the CPU bursts.`,
    '',
    '| question | before | after | after ÷ before |',
    '|---|---|---|---|',
  ];
  const details: string[] = [];
  for (const id of runs.keys()) {
    const before = allocations.get(`${id} before`);
    const after = allocations.get(`${id} after`);
    if (!before || !after) continue;
    lines.push(`| ${id} | ${before.bytesPerRequest.toLocaleString('en')} | ${after.bytesPerRequest.toLocaleString('en')} | ${(after.bytesPerRequest / before.bytesPerRequest).toFixed(3)}× |`);
    for (const [label, summary] of [['before', before], ['after', after]] as const) {
      details.push('', `<details><summary>${id}, ${label}: where the bytes are allocated</summary>`, '', '| function | where | bytes / request |', '|---|---|---|');
      for (const f of summary.topFunctions) details.push(`| ${f.name} | ${f.where} | ${f.bytesPerRequest.toLocaleString('en')} |`);
      details.push('', '</details>');
    }
  }
  return [...lines, ...details];
}
