/**
 * The Markdown report and the console summary: medians over the rounds, our throughput ÷ the
 * peer's, the raw floor ÷ ours, our p99 ÷ the peer's at each fixed rate, statements per request,
 * and, for our server, where the time goes (CPU profile, SQL).
 */
import { num, ratio, share, times } from './format.js';
import { MIN_RATE_REQUESTS } from './load.js';
import { medianOf, p99RatioAt, peakRssOf, rateRuns, rpsOf, saturatedRounds, type BenchResults, type QuestionResult } from './results.js';
import { SERVER_LABELS, type ServerName } from './servers.js';
import { judgeTargets, P99_TARGET_QUESTIONS, TARGET_HOUSEHOLDS } from './targets.js';

const SERVERS: ServerName[] = ['ours', 'county', 'peer', 'raw'];

const oneLine = (sql: string, max = 220) => {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** ours p99 ÷ peer p99 at a rate, or 'sat.' when ours could not keep up in most rounds. */
function p99Ratio(q: QuestionResult, percent: string | number): string {
  const r = p99RatioAt(q, percent);
  return r === 'saturated' ? 'sat.' : times(r);
}

export interface Ratios {
  id: string;
  title: string;
  /** The county officer's run ÷ peer throughput by connections ('–' where he does not ask). */
  county: Record<string, string>;
  /** ours ÷ peer throughput by connections. */
  throughput: Record<string, string>;
  rawOverOurs: string;
  /** ours p99 ÷ peer p99 by rate per cent. */
  p99: Record<string, string>;
  statements: Record<ServerName, number>;
}

export function ratiosOf(results: BenchResults): Ratios[] {
  const { connections, ratePercents } = results.meta.options as { connections: number[]; ratePercents: number[] };
  return results.questions.map((q) => {
    const rps = (server: ServerName, c: number) => rpsOf(q, server, c);
    return {
      id: q.id,
      title: q.title,
      throughput: Object.fromEntries(connections.map((c) => [c, ratio(rps('ours', c), rps('peer', c))])),
      county: Object.fromEntries(connections.map((c) => [c, q.rounds.county ? ratio(rps('county', c), rps('peer', c)) : '–'])),
      rawOverOurs: ratio(rps('raw', 10), rps('ours', 10)),
      p99: Object.fromEntries(ratePercents.map((p) => [p, p99Ratio(q, p)])),
      statements: Object.fromEntries(SERVERS.map((s) => [s, medianOf(q, s, 'throughput', 10, (m) => m.statementsPerRequest)])) as Record<ServerName, number>,
    };
  });
}

/** The table `pnpm bench` prints at the end. */
export function consoleSummary(results: BenchResults): string {
  const { connections, ratePercents } = results.meta.options as { connections: number[]; ratePercents: number[] };
  const rows = ratiosOf(results).map((r) => [
    `${r.id} ${r.title}`,
    ...connections.map((c) => r.throughput[c]),
    r.county[10] ?? '–',
    r.rawOverOurs,
    ratePercents.map((p) => r.p99[p]).join(' '),
    SERVERS.map((s) => num(r.statements[s], 2)).join(' / '),
  ]);
  const header = ['question', ...connections.map((c) => `ours÷peer @${c}`), 'county÷peer @10', 'raw÷ours @10', `p99 ours÷peer @${ratePercents.join('/')}%`, 'stmt/req ours/county/peer/raw'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The "## Targets" list: every target of targets.ts, met (✅), missed (❌) or not measured (–). */
function targetLines(results: BenchResults): string[] {
  const mark = { true: '✅', false: '❌', null: '–' } as const;
  const lines = judgeTargets(results).map(({ target, verdict }) => `- ${mark[String(verdict.met) as keyof typeof mark]} ${target.text}: ${verdict.measured}`);
  const households = results.meta.data.households;
  if (households < TARGET_HOUSEHOLDS) {
    lines.unshift(
      `The targets are set at ${num(TARGET_HOUSEHOLDS, 0)} households (\`pnpm bench --full\`); this run had ${num(households, 0)}, ` +
        'so the marks below only say where things stand.',
      '',
    );
  }
  return lines;
}

/** The tail accounts of a server's runs at one rate, one per round that recorded one. */
const tailsOf = (q: QuestionResult, s: ServerName, percent: number) => rateRuns(q, s, percent).flatMap((m) => (m.tail ? [m.tail] : []));

/** The runs' slowest 1 % of answers over all rounds: the share of their time inside the server's pauses, and how many. */
function tailInPauses(q: QuestionResult, s: ServerName, percent: number): string {
  const tails = tailsOf(q, s, percent);
  const ms = tails.reduce((sum, t) => sum + t.ms, 0);
  if (tails.length === 0 || ms === 0) return '–';
  return `${num((tails.reduce((sum, t) => sum + t.msInPauses, 0) / ms) * 100, 0)} % of ${tails.reduce((n, t) => n + t.answers, 0)}`;
}

/** A server's runs at one rate, round by round: p99, the collector's pauses, the event loop's stalls. */
function pauseRow(q: QuestionResult, s: ServerName, percent: number): string {
  const runs = rateRuns(q, s, percent);
  const tails = tailsOf(q, s, percent);
  const sum = (pick: (t: (typeof tails)[number]) => number) => tails.reduce((n, t) => n + pick(t), 0);
  const longest = (pick: (t: (typeof tails)[number]) => number) => Math.max(...tails.map(pick));
  return `| ${percent} % | ${SERVER_LABELS[s]} | ${runs.map((m) => num(m.latencyMs.p99)).join(' · ')} | ` +
    `${sum((t) => t.gcPauses)} · ${num(sum((t) => t.gcMs), 0)} · ${num(longest((t) => t.longestGcMs))} | ` +
    `${sum((t) => t.stalls)} · ${num(sum((t) => t.stallMs), 0)} · ${num(longest((t) => t.longestStallMs))} | ${tailInPauses(q, s, percent)} |`;
}

function rateSection(q: QuestionResult, ratePercents: number[]): string[] {
  const out = ['', `Latency at fixed rates (open loop; per cent of the peer's best, ${num(q.peerMaxRps ?? NaN)} req/s in round 1), ms. ` +
    'Saturated: the server fell behind by more than a quarter second of requests (or 50) and the run stopped sending; its percentiles cover what was answered. ' +
    'Slowest 1 % in pauses: of the answers at their run\'s p99 or above, over all rounds, the share of their time that fell inside a pause of the server: its garbage collector\'s, or its event loop running no timer for 5 ms past due (`lib/pauses.ts`); the rest was spent outside the server\'s process or while it ran.', ''];
  out.push('| rate | req/s | ours p50 / p95 / p99 | county officer p50 / p95 / p99 | peer p50 / p95 / p99 | ours p99 ÷ peer p99 | slowest 1 % in pauses: ours / peer | errors ours / peer |', '|---|---|---|---|---|---|---|---|');
  for (const p of ratePercents) {
    const lat = (s: ServerName) =>
      ['p50', 'p95', 'p99'].map((k) => num(medianOf(q, s, 'rate', p, (m) => m.latencyMs[k as 'p50']))).join(' / ') +
      (saturatedRounds(q, s, p) ? ` (saturated in ${saturatedRounds(q, s, p)} of ${q.rounds[s]?.length} rounds)` : '');
    const errors = (s: ServerName) => num(medianOf(q, s, 'rate', p, (m) => m.errorRate * 100), 2) + ' %';
    out.push(`| ${p} % | ${num(q.ratesRps[p])} | ${lat('ours')} | ${q.rounds.county ? lat('county') : '–'} | ${lat('peer')} | ${p99Ratio(q, p)} | ${tailInPauses(q, 'ours', p)} / ${tailInPauses(q, 'peer', p)} | ${errors('ours')} / ${errors('peer')} |`);
  }
  const servers = (['ours', 'county', 'peer'] as ServerName[]).filter((s) => ratePercents.some((p) => tailsOf(q, s, p).length > 0));
  if (servers.length === 0) return out;
  out.push('', '<details><summary>The tails at the fixed rates: p99 by round; over all rounds, the garbage collector\'s pauses and the event loop\'s stalls of 5 ms or more (which contain most of the collector\'s), each as how many · their ms · the longest ms; the slowest 1 % of answers and their time in either</summary>', '',
    '| rate | server | p99 by round, ms | GC pauses | stalls | slowest 1 % in pauses |', '|---|---|---|---|---|---|');
  for (const p of ratePercents) for (const s of servers) out.push(pauseRow(q, s, p));
  out.push('', '</details>');
  return out;
}

function questionSection(q: QuestionResult, results: BenchResults): string[] {
  const { connections, ratePercents, rounds } = results.meta.options as { connections: number[]; ratePercents: number[]; rounds: number };
  const out: string[] = [`### ${q.id} — ${q.title}`, '', `${q.description}. ${q.variableSets} variable sets drawn from the data; ` +
    `${q.verified.samples} checked before timing: all three servers gave the same answer (${q.verified.nonEmpty} non-empty).`, ''];
  const rps = (s: ServerName, c: number) => rpsOf(q, s, c);
  out.push('| connections | ours req/s | county officer req/s | peer req/s | raw req/s | ours ÷ peer | county officer ÷ peer | raw ÷ ours | ours p99 ms | county officer p99 ms | peer p99 ms |', '|---|---|---|---|---|---|---|---|---|---|---|');
  for (const c of connections) {
    const p99 = (s: ServerName) => medianOf(q, s, 'throughput', c, (m) => m.latencyMs.p99);
    out.push(`| ${c} | ${num(rps('ours', c))} | ${num(rps('county', c))} | ${num(rps('peer', c))} | ${num(rps('raw', c))} | ${ratio(rps('ours', c), rps('peer', c))} | ${ratio(rps('county', c), rps('peer', c))} | ${ratio(rps('raw', c), rps('ours', c))} | ${num(p99('ours'))} | ${num(p99('county'))} | ${num(p99('peer'))} |`);
  }
  if (Object.keys(q.ratesRps).length) out.push(...rateSection(q, ratePercents));
  out.push('', 'Cost per request (10 connections; PostgreSQL CPU: user + system time of the backends on the question\'s database and of the WAL writer while this server alone was loaded, with what DB exec ms leaves out: parsing, commits and the WAL\'s flush, the sockets; read record wait: how long a response waited for its read record to be committed, from our server\'s /metrics, averaged over all requests, with the records each insert carried; main thread busy: the share of the run\'s time the server\'s JavaScript thread was on a CPU, near 100 % when the server itself was the bottleneck, well under when its requests were waiting on something else):', '',
    '| server | statements | DB exec ms | PostgreSQL CPU ms | server CPU ms | main thread busy | read record wait ms (records / insert) | peak RSS MiB | error rate (all runs) |', '|---|---|---|---|---|---|---|---|---|');
  for (const s of SERVERS) {
    if (!q.rounds[s]) continue;
    const all = q.rounds[s]!.flatMap((r) => [...Object.values(r.throughput), ...Object.values(r.rate)]);
    const errors = all.reduce((n, m) => n + m.errors, 0);
    const total = all.reduce((n, m) => n + m.requests, 0);
    const at10 = (pick: (m: any) => number) => medianOf(q, s, 'throughput', 10, pick);
    out.push(`| ${SERVER_LABELS[s]} | ${num(at10((m) => m.statementsPerRequest), 2)} | ${num(at10((m) => m.dbMsPerRequest), 2)} | ${num(at10((m) => m.postgresCpuMsPerRequest ?? NaN), 2)} | ${num(at10((m) => m.cpuMsPerRequest), 2)} | ${share(at10((m) => m.mainThreadBusy ?? NaN))} | ${readRecordWait(q, s)} | ${num(peakRssOf(q, s), 0)} | ${total ? num((errors / (total + errors)) * 100, 3) : '–'} % |`);
  }
  if (q.pageSizes) {
    out.push('', `Statements per request at first = ${q.pageSizes.sizes.join(' and ')}: ` +
      SERVERS.filter((s) => q.pageSizes!.statementsPerRequest[s]).map((s) => `${s} ${q.pageSizes!.statementsPerRequest[s]!.join(' → ')}`).join(', ') + '.');
  }
  // The county officer's statements too: his scope and the read audit make them differ from ours.
  for (const s of ['ours', 'county', 'peer'] as ServerName[]) {
    const sql = q.sql[s];
    if (!sql?.length) continue;
    const requests = q.rounds[s]?.[0]?.throughput[10]?.requests ?? NaN;
    out.push('', `<details><summary>SQL of ${SERVER_LABELS[s]} (round 1, 10 connections, most total time first)</summary>`, '', '| calls / request | mean ms | statement |', '|---|---|---|');
    for (const stmt of sql.slice(0, s === 'peer' ? 6 : 12)) out.push(`| ${num(stmt.calls / requests, 2)} | ${num(stmt.meanMs, 3)} | \`${cell(oneLine(stmt.query))}\` |`);
    out.push('', '</details>');
  }
  for (const [who, profile, file] of [
    ['our server', q.profile, q.profileFile],
    ['our server asked by the county officer', q.countyProfile, q.countyProfileFile],
  ] as const) {
    if (!profile) continue;
    out.push('', `<details><summary>Where ${who}'s CPU goes (${file}, ${num(profile.busyMs, 0)} ms busy)</summary>`, '', '| package / part | self ms | share |', '|---|---|---|');
    for (const p of profile.byPackage.slice(0, 12)) out.push(`| ${cell(p.name)} | ${num(p.ms, 0)} | ${p.share} % |`);
    out.push('', '| function | where | self ms | share |', '|---|---|---|---|');
    for (const f of profile.topFunctions) out.push(`| ${cell(f.name)} | ${cell(f.where)} | ${num(f.ms, 0)} | ${f.share} % |`);
    out.push('', '</details>');
  }
  out.push('', `(Medians over ${rounds} rounds.)`, '');
  return out;
}

/** `; read into shared buffers before the rounds: …` when the run prewarmed its databases. */
function prewarmNote(prewarmed: BenchResults['meta']['prewarmed']): string {
  if (!prewarmed?.length) return '';
  return `; read into shared buffers before the rounds: ${prewarmed.map((p) => `${p.database} ${num(p.mib, 0)} MiB in ${p.seconds} s`).join(', ')}`;
}

/** The longer fixed-rate runs of the questions whose p99 is a target; nothing for runs saved before them (session 61). */
function longerTailRuns(o: Record<string, any>): string {
  if (o.rateMinAnswers === undefined || o.rateMinAnswers <= MIN_RATE_REQUESTS) return '';
  return `; on ${[...P99_TARGET_QUESTIONS].join(' and ')}, whose p99 is a target, at least ${num(o.rateMinAnswers, 0)} or ${o.rateMaxSec} s`;
}

export function markdownReport(results: BenchResults): string {
  const { meta } = results;
  const o = meta.options as Record<string, any>;
  const d = meta.data;
  const { connections, ratePercents } = o as { connections: number[]; ratePercents: number[] };
  const out: string[] = [
    `# tuopin vs PostGraphile — ${meta.mode} benchmark, ${meta.date.slice(0, 10)}`,
    '',
    '| | |',
    '|---|---|',
    `| date | ${meta.date} |`,
    `| commit | ${meta.commit}${meta.serverCommit !== meta.commit ? ` (server code from ${meta.serverDir} at ${meta.serverCommit})` : ''} |`,
    `| machine | ${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.memoryGiB} GiB, ${meta.machine.os}; load average at start ${meta.machine.loadAverageAtStart.join(' ')} |`,
    `| software | Node ${meta.machine.node}, PostgreSQL ${meta.machine.postgres} (embedded), PostGraphile 5.1.5 amber preset, autocannon 8 |`,
    `| data | ${num(d.households, 0)} households, ${num(d.members, 0)} members, ${num(d.villages, 0)} villages, ${num(d.counties, 0)} counties, ${num(d.projects, 0)} projects, ${num(d.funds, 0)} funds, ${num(d.ledger_entries, 0)} ledger entries; ${num(d.bytes / 2 ** 30, 2)} GiB (${meta.seeded ? `seeded in ${meta.seedSeconds} s` : 'cached database'})${prewarmNote(meta.prewarmed)} |`,
    `| servers | each on the same Node, production mode, a pool of ${o.poolSize} connections, started fresh for every round; reads on the seeded database, the write on a copy of it |`,
    `| runs | ${o.rounds} rounds; in each, the servers started fresh side by side and every question asked of peer, ours, ours asked by a county officer, raw floor in turn before the next question; medians reported. Autovacuum off: before each server's question, outside its runs, the tables written since their last vacuum are vacuumed and analyzed. Throughput: autocannon, ${o.durationSec} s per connection count after ${o.warmupSec} s of warm-up. Latency: open-loop at ${ratePercents.join(' / ')} % of the peer's best throughput, ${o.durationSec} s (at least ${MIN_RATE_REQUESTS} requests${longerTailRuns(o)}), over up to ${o.rateConnections} connections. Load generator on the same 2-core machine. |`,
    `| PostgreSQL settings | ${Object.entries(meta.postgresSettings).map(([k, v]) => `${k}=${v}`).join(', ')} |`,
    '',
    '## Summary',
    '',
    `| question | ${connections.map((c) => `ours ÷ peer req/s @${c}`).join(' | ')} | ${connections.map((c) => `county officer ÷ peer req/s @${c}`).join(' | ')} | raw floor ÷ ours @10 | ${ratePercents.map((p) => `ours p99 ÷ peer p99 @${p} %`).join(' | ')} | statements / request ours · county · peer · raw |`,
    `|---|${connections.map(() => '---').join('|')}|${connections.map(() => '---').join('|')}|---|${ratePercents.map(() => '---').join('|')}|---|`,
    ...ratiosOf(results).map((r) =>
      `| ${r.id} ${r.title} | ${connections.map((c) => r.throughput[c]).join(' | ')} | ${connections.map((c) => r.county[c]).join(' | ')} | ${r.rawOverOurs} | ${ratePercents.map((p) => r.p99[p]).join(' | ')} | ${SERVERS.map((s) => num(r.statements[s], 2)).join(' · ')} |`,
    ),
    '',
    'ours: a national administrator (personal data masked); county officer: the same server asked by a county officer of every ' +
      'county of the synthetic province (personal data unmasked, so every read is audited), with the variables inside his counties; ' +
      '"–" where he does not ask (a province\'s counties; the write, which a county officer asks already). ' +
      'Above 1.0× in the throughput columns we are faster; below 1.0× in the p99 columns our tail latency is lower; ' +
      '"sat." means our server could not sustain that rate at all (see the question\'s section).',
    '',
    '## Targets',
    '',
    ...targetLines(results),
    '',
    '## The questions',
    '',
  ];
  for (const q of results.questions) out.push(...questionSection(q, results));
  out.push('## Reproduce', '', '```sh', `npx -y pnpm@12.4.2 install && npx -y pnpm@12.4.2 bench${meta.mode === 'full' ? ' --full' : ''}`, '```', '');
  return out.join('\n');
}

/** The read record wait at 10 connections (medians over the rounds), with records per insert; "–" when nothing was recorded or measured. */
function readRecordWait(q: QuestionResult, s: ServerName): string {
  const waitMs = medianOf(q, s, 'throughput', 10, (m) => m.readAudit?.waitMs ?? NaN);
  const perInsert = medianOf(q, s, 'throughput', 10, (m) => m.readAudit?.recordsPerInsert ?? NaN);
  if (!Number.isFinite(perInsert)) return '–';
  return `${num(waitMs, 2)} (${num(perInsert, 1)})`;
}
