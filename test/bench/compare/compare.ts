/**
 * `pnpm bench --compare DIR`: this checkout's server against another checkout's (DIR, "before"),
 * side by side on the same data, pinned: for each read question, the server's CPU per request,
 * PostgreSQL's execution time and its own CPU per request. These do not depend on how busy the machine is
 * the way requests per second do, and short `--only` runs of the full bench could not tell two
 * builds apart (test/bench/README.md, sessions 32 and 33).
 *
 * Both servers run at once and are loaded in turn, in short bursts: on a shared virtual machine
 * the cost of the same work drifts by half within minutes (session 34), so each "after" burst is
 * set against the "before" burst next to it in time, and the report gives the median of those
 * paired ratios as well as each side's medians. See test/bench/README.md.
 */
import path from 'node:path';
import { prewarmDatabase, startCluster, vacuumWritten, withClient, type Cluster } from '../lib/cluster.js';
import type { AllocationSummary } from '../lib/allocations.js';
import { countyRun } from '../lib/county.js';
import { prepareDataset } from '../lib/dataset.js';
import { commitOf, machineInfo } from '../lib/machine.js';
import { parseOptions, REPO_DIR } from '../lib/options.js';
import { pinToCpu } from '../lib/pinning.js';
import { saveDailyReport } from '../lib/report-name.js';
import type { RunningServer } from '../lib/servers.js';
import { QUESTIONS, questionById, type Question, type Vars } from '../questions/index.js';
import type { BenchCaller } from '../auth.js';
import { measureAllocations } from './allocation-profile.js';
import { failedRequests, loadOf, measureBurst, type Run } from './bursts.js';
import { HISTORY_CONNECTIONS, parseCompareOptions, type CompareOptions } from './compare-options.js';
import { compareReport } from './compare-report.js';
import { checkSameAnswers, CHECKED, withSide, type Side } from './sides.js';

export { parseCompareOptions } from './compare-options.js';

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
    // As the full bench does before each question (autovacuum is off in the bench's cluster): what
    // was written since the last vacuum (the county officer's read records of earlier runs, the
    // dataset's own preparation) is vacuumed and analyzed before any burst, not left for the
    // planner to guess at or for a burst to pay for.
    const vacuumed = await withClient(cluster, dataset.database, vacuumWritten);
    if (vacuumed.length > 0) log(`vacuumed and analyzed ${vacuumed.join(', ')}`);
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
      const nonEmpty = await checkSameAnswers(cluster, dataset.database, sides, question, pool, caller);
      log(`${question.id}: both sides give the same answers for ${Math.min(CHECKED, pool.length)} variable sets (${nonEmpty} non-empty)`);
      const running = cluster;
      const bursts = await withSide(running, dataset.database, sides[0]!, caller, (before) =>
        withSide(running, dataset.database, sides[1]!, caller, (after) =>
          measureInTurn({ cluster: running, database: dataset.database, sides, servers: { before, after }, question, pool, pools, history, options, log }),
        ),
      );
      runs.set(question.id, bursts);
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

/**
 * Both servers up: each answers the history and its warm-up, then they are loaded in turn, one
 * burst each per round. Returns each side's bursts in the order they ran.
 */
async function measureInTurn(input: {
  cluster: Cluster;
  database: string;
  sides: Side[];
  servers: Record<Side['label'], RunningServer>;
  question: Question;
  pool: Vars[];
  pools: Map<string, Vars[]>;
  history: Question[];
  options: CompareOptions;
  log: (line: string) => void;
}): Promise<Map<Side['label'], Run[]>> {
  const { sides, servers, question, options } = input;
  const bySide = new Map<Side['label'], Run[]>(sides.map((side) => [side.label, []]));
  const loads = sides.map((side) => loadOf(servers[side.label], question, input.pool, options.connections));
  for (const [index, side] of sides.entries()) {
    pinToCpu(servers[side.label].pid, 1);
    for (const earlier of input.history) {
      const result = await loadOf(servers[side.label], earlier, input.pools.get(earlier.id)!, HISTORY_CONNECTIONS)(options.historyRequests);
      const failed = failedRequests(result);
      if (failed > 0) throw new Error(`${side.label}: ${failed} requests of the history's ${earlier.id} failed`);
    }
    await loads[index]!(options.warmup);
  }
  for (let round = 0; round < options.rounds; round++) {
    // Alternating order: the server measured second in a pair reads about 2 % higher (session 32).
    for (const index of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const side = sides[index]!;
      const run = await measureBurst(input.cluster, input.database, servers[side.label].pid, loads[index]!, options.requests);
      bySide.get(side.label)!.push(run);
      input.log(`  ${question.id} round ${round + 1} ${side.label}: ${run.cpuUs.toFixed(0)} µs CPU, ${run.dbUs.toFixed(0)} µs in PostgreSQL (${run.postgresCpuUs.toFixed(0)} µs of its CPU), ${run.statements.toFixed(2)} statements per request; ${run.rps.toFixed(0)} req/s${run.errors ? `; ${run.errors} errors` : ''}`);
    }
  }
  return bySide;
}
