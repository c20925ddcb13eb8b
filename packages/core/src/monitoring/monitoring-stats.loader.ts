import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { rangeParameters, RANGES_CTE, scopedRanges } from '../area/region-stats.loader.js';
import type { TuopinContext } from '../kernel/context.js';
import { SqlText } from '../kernel/read/read-statement.js';
import { monitoringDecisionDaysOf } from './monitoring.settings.js';

/** What `RegionStats.monitoring` resolves to: the area and the lead year asked about (null: every year). */
export interface MonitoringStatsSource {
  readonly code: string;
  readonly year: number | null;
}

/** Cases and the people in their households, of one group (a category, a risk). */
export interface MonitoredGroup {
  key: string;
  cases: number;
  people: number;
}

/** Measures of one type, and the cases that got them. */
export interface MeasureGroup {
  key: string;
  measures: number;
  cases: number;
}

export interface MonitoringFigures {
  cases: number;
  people: number;
  byCategory: MonitoredGroup[];
  byRisk: MonitoredGroup[];
  undecided: number;
  monitored: number;
  eliminated: number;
  notIdentified: number;
  closed: number;
  decided: number;
  decidedInTime: number;
  decidedLate: number;
  decisionDays: number;
  measuresByType: MeasureGroup[];
}

// One statement per lead year asked in a request, over exactly the ranges the caller may see. A
// case's state: undecided while its workflow runs without a decision, monitored once identified
// until its risk is eliminated, closed when a step rejected it before any decision. Days to the
// decision are calendar days from the lead, as `MonitoringCase.daysToDecision` counts them; the
// limit is the configured one (`monitoringDecisionDays`). Measures count by the case's lead year.
const STATS_SQL = `
  with ${RANGES_CTE},
  c as (
    select r.code, m.id, m.category, m.risk_types, m.people, m.decision, m.eliminated_on, w.state,
      m.decided_on - m.lead_date as days
    from r join monitoring_case m on m.village_code between r.lo and r.hi
    join workflow_case w on w.id = m.id
    where ?::int is null or extract(year from m.lead_date) = ?::int)
  select code, 'total' as block, null as key, count(*)::int8 as n, coalesce(sum(people), 0)::int8 as m from c group by code
  union all select code, 'category', category, count(*), sum(people) from c group by code, category
  union all select code, 'risk', risk, count(*), sum(people) from c cross join unnest(c.risk_types) risk group by code, risk
  union all select code, 'state',
      case when eliminated_on is not null then 'ELIMINATED' when decision = 'IDENTIFIED' then 'MONITORED'
           when decision is not null then 'NOT_IDENTIFIED' when state = 'OPEN' then 'UNDECIDED' else 'CLOSED' end,
      count(*), 0 from c group by 1, 2, 3
  union all select code, 'decision', case when days <= ?::int then 'IN_TIME' else 'LATE' end, count(*), sum(days)
    from c where days is not null group by 1, 2, 3
  union all select c.code, 'measure', x.measure_type, count(*), count(distinct c.id)
    from c join monitoring_measure x on x.case_id = c.id group by c.code, x.measure_type`;

interface StatsRow {
  code: string;
  block: string;
  key: string | null;
  n: string;
  m: string;
}

const statsKey = (code: string, year: number | null) => `${code}:${year ?? ''}`;

const byCountThenKey = <G extends { key: string }>(count: (g: G) => number) => (a: G, b: G) => count(b) - count(a) || a.key.localeCompare(b.key);

function figuresOf(rows: readonly StatsRow[]): MonitoringFigures {
  const groups = (block: string) =>
    rows
      .filter((row) => row.block === block)
      .map((row) => ({ key: row.key!, cases: Number(row.n), people: Number(row.m) }))
      .sort(byCountThenKey((g) => g.cases));
  const one = (block: string, key: string | null) => rows.find((row) => row.block === block && row.key === key);
  const n = (block: string, key: string | null) => Number(one(block, key)?.n ?? 0);
  const inTime = n('decision', 'IN_TIME');
  const late = n('decision', 'LATE');
  return {
    cases: n('total', null),
    people: Number(one('total', null)?.m ?? 0),
    byCategory: groups('category'),
    byRisk: groups('risk'),
    undecided: n('state', 'UNDECIDED'),
    monitored: n('state', 'MONITORED'),
    eliminated: n('state', 'ELIMINATED'),
    notIdentified: n('state', 'NOT_IDENTIFIED'),
    closed: n('state', 'CLOSED'),
    decided: inTime + late,
    decidedInTime: inTime,
    decidedLate: late,
    decisionDays: Number(one('decision', 'IN_TIME')?.m ?? 0) + Number(one('decision', 'LATE')?.m ?? 0),
    measuresByType: rows
      .filter((row) => row.block === 'measure')
      .map((row) => ({ key: row.key!, measures: Number(row.n), cases: Number(row.m) }))
      .sort(byCountThenKey((g) => g.measures)),
  };
}

/** Monitoring figures of areas for a lead year (or every year): one statement per year asked in a request. */
export const monitoringStatsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<MonitoringStatsSource, MonitoringFigures, string>(
      async (sources) => {
        const byYear = new Map<number | null, string[]>();
        for (const { code, year } of sources) byYear.set(year, [...(byYear.get(year) ?? []), code]);
        const rowsByKey = new Map<string, StatsRow[]>();
        for (const [year, codes] of byYear) {
          const ranges = scopedRanges(ctx, codes);
          if (ranges.length === 0) continue;
          const sql = new SqlText().append(STATS_SQL, ...rangeParameters(ranges), year, year, monitoringDecisionDaysOf(ctx.settings));
          for (const row of await ctx.db.rows<StatsRow>(sql)) {
            const key = statsKey(row.code, year);
            rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), row]);
          }
        }
        return sources.map(({ code, year }) => figuresOf(rowsByKey.get(statsKey(code, year)) ?? []));
      },
      { cacheKeyFn: (source) => statsKey(source.code, source.year) },
    ),
);
