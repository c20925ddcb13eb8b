/** The Markdown report of `pnpm bench --compare`: each side's medians, the paired ratios, the bytes. */
import type { AllocationSummary } from '../lib/allocations.js';
import { num, ratio, times } from '../lib/format.js';
import { median } from '../lib/pinning.js';
import { pairedRatios, type Run } from './bursts.js';
import { HISTORY_CONNECTIONS, type CompareOptions } from './compare-options.js';
import { CHECKED, type Side } from './sides.js';

export interface CompareResults {
  date: string;
  sides: Side[];
  options: CompareOptions;
  machine: string;
  database: string;
  /** Each question's bursts, by side, in the order they ran. */
  runs: Map<string, Map<Side['label'], Run[]>>;
  /** Keyed `${question} ${side}`. */
  allocations: Map<string, AllocationSummary>;
}

export function compareReport(input: CompareResults): string {
  const { options } = input;
  const lines = [
    `# Before and after, pinned — ${input.date.slice(0, 10)}`,
    '',
    `before: ${input.sides[0]!.commit} (${input.sides[0]!.serverDir}); after: ${input.sides[1]!.commit} (this checkout). ${input.machine}.`,
    `Asked by ${options.county ? 'the county officer of every county of the synthetic province (read audit on)' : 'the national administrator'}, on ${input.database}. Both servers started as \`start\` runs them and kept up for the question, both on CPU 1, loaded in turn by the load generator (autocannon, ${options.connections} connections) on CPU 0; ${historyWords(options)}${options.warmup.toLocaleString('en')} requests of warm-up each, then ${options.rounds} bursts of ${options.requests.toLocaleString('en')} requests each, the order alternating; medians. Paired: each after burst ÷ the before burst next to it in time, whose median cancels the machine's drift between bursts. CPU: the server process's user + system time (/proc/<pid>/stat). PostgreSQL: execution time of the database's statements (pg_stat_statements), and PostgreSQL's own CPU (user + system time of its backends on the database and of the WAL writer, /proc: with parsing, commits, the WAL's flush and the sockets), per request. Both sides gave the same answers for up to ${CHECKED} variable sets of each question first (not all of them empty).`,
    '',
    '| question | side | server CPU µs / request | range | PostgreSQL µs / request | range | PostgreSQL CPU µs / request | range | statements / request | req/s | errors |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const ratios: string[] = [];
  for (const [id, bySide] of input.runs) {
    const medians = new Map<Side['label'], { cpu: number; db: number; postgresCpu: number }>();
    for (const [label, runs] of bySide) {
      const cpu = median(runs.map((r) => r.cpuUs));
      const db = median(runs.map((r) => r.dbUs));
      // NaN where /proc could not be read: shown as "–", and no ratio is given for it.
      const postgresCpu = median(runs.map((r) => r.postgresCpuUs));
      medians.set(label, { cpu, db, postgresCpu });
      const range = (pick: (r: Run) => number) => (runs.some((r) => Number.isNaN(pick(r))) ? '–' : `${num(Math.min(...runs.map(pick)), 0)}–${num(Math.max(...runs.map(pick)), 0)}`);
      lines.push(
        `| ${id} | ${label} | ${num(cpu, 0)} | ${range((r) => r.cpuUs)} | ${num(db, 0)} | ${range((r) => r.dbUs)} | ${num(postgresCpu, 0)} | ${range((r) => r.postgresCpuUs)} | ${median(runs.map((r) => r.statements)).toFixed(2)} | ${median(runs.map((r) => r.rps)).toFixed(0)} | ${runs.reduce((sum, r) => sum + r.errors, 0)} |`,
      );
    }
    const before = medians.get('before')!;
    const after = medians.get('after')!;
    const pairs = pairedRatios(bySide.get('before')!, bySide.get('after')!);
    // Ratios over nothing ({ __typename } runs no statement) or not measured are '–', not NaN×.
    const paired = (pick: (r: Run) => number) => {
      const each = pairs.map(([b, a]) => (pick(b) > 0 ? pick(a) / pick(b) : NaN)).filter(Number.isFinite);
      return each.length === 0 ? '–' : `${times(median(each))} (${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)})`;
    };
    const postgresCpu =
      before.postgresCpu > 0
        ? `; PostgreSQL CPU ${ratio(after.postgresCpu, before.postgresCpu)}, paired ${paired((r) => r.postgresCpuUs)}, server and PostgreSQL CPU together ${ratio(after.cpu + after.postgresCpu, before.cpu + before.postgresCpu)}, paired ${paired((r) => r.cpuUs + r.postgresCpuUs)}`
        : '';
    ratios.push(
      `- ${id}: server CPU ${ratio(after.cpu, before.cpu)}, PostgreSQL ${ratio(after.db, before.db)}, both together ${ratio(after.cpu + after.db, before.cpu + before.db)} (after ÷ before; below 1 is cheaper); ` +
        `paired, burst by burst: server CPU ${paired((r) => r.cpuUs)}, PostgreSQL ${paired((r) => r.dbUs)}, both together ${paired((r) => r.cpuUs + r.dbUs)}${postgresCpu}`,
    );
  }
  return [...lines, '', ...ratios, '', ...allocationSection(input.runs, input.allocations, input.options.requests), ''].join('\n');
}

/** The report's words for what each server answered before the warm-up. */
function historyWords(options: CompareOptions): string {
  if (options.history.length === 0) return '';
  return `first a history, ${options.historyRequests.toLocaleString('en')} requests of each of ${options.history.join(', ')} at ${HISTORY_CONNECTIONS} connections, then `;
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
