import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { rangesWithinScope } from '../kernel/area-scope.js';
import { SqlText } from '../kernel/read/read-statement.js';
import type { TuopinContext } from '../kernel/context.js';
import type { CodeRange } from './division-code.js';
import { pgTextArray } from '../kernel/pg-array.js';

export interface CoreAreaStats {
  households: number;
  people: number;
  poorHouseholds: number;
  poorPeople: number;
  ruralPopulation: number;
}

/** One (area, code range) row per range the caller may see of each requested area. */
export interface ScopedRange extends CodeRange {
  readonly code: string;
}

/**
 * The code ranges statistics for these areas must cover: each area intersected with the caller's
 * scope. Plugins computing their own statistics blocks use this too, so every block agrees.
 */
export function scopedRanges(ctx: TuopinContext, codes: readonly string[]): ScopedRange[] {
  return codes.flatMap((code) => rangesWithinScope(code, ctx.principal.areaScopes).map((range) => ({ code, ...range })));
}

/**
 * The `with` entry of a statistics statement's ranges, `r(code, lo, hi)`, taking the three
 * parameters of `rangeParameters`. Not materialized: a `with` query that several `union all`
 * branches read is otherwise computed once and scanned, and the planner plans every branch without
 * knowing the ranges (a province's finance statistics took 9 s instead of 2.6;
 * test/bench/HISTORY.md, Q8). Write the statement's other `with` queries of parameters (a day, a
 * year) the same way.
 */
export const RANGES_CTE = 'r(code, lo, hi) as not materialized (select * from unnest(?::text[], ?::text[], ?::text[]))';

/** The ranges as three parallel array parameters, for `unnest(?::text[], ?::text[], ?::text[])` (`RANGES_CTE`). */
export function rangeParameters(ranges: readonly ScopedRange[]): [string, string, string] {
  return [pgTextArray(ranges.map((r) => r.code)), pgTextArray(ranges.map((r) => r.lo)), pgTextArray(ranges.map((r) => r.hi))];
}

// One statement per batch of areas, however many areas a page of villages asks about. It reads
// the per-village rollup (village_stats, kept by triggers on household), so a province costs a
// scan of its villages, not of its millions of households.
const STATS_SQL = `
  select r.code,
         coalesce(sum(s.households), 0)::int8 as households,
         coalesce(sum(s.people), 0)::int8 as people,
         coalesce(sum(s.poor_households), 0)::int8 as poor_households,
         coalesce(sum(s.poor_people), 0)::int8 as poor_people,
         coalesce(sum(v.rural_population), 0)::int8 as rural_population
  from unnest(?::text[], ?::text[], ?::text[]) as r(code, lo, hi)
  join area v on v.level = 'VILLAGE' and v.code between r.lo and r.hi
  left join village_stats s on s.village_code = v.code
  group by r.code`;

interface StatsRow {
  code: string;
  households: string;
  people: string;
  poor_households: string;
  poor_people: string;
  rural_population: string;
}

const ZERO: CoreAreaStats = { households: 0, people: 0, poorHouseholds: 0, poorPeople: 0, ruralPopulation: 0 };

/** Core statistics of areas (each with its whole subtree), computed in SQL. */
export const coreStatsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<string, CoreAreaStats>(async (codes) => {
      const ranges = scopedRanges(ctx, codes);
      if (ranges.length === 0) return codes.map(() => ZERO);
      const rows = await ctx.db.rows<StatsRow>(new SqlText().append(STATS_SQL, ...rangeParameters(ranges)));
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => {
        const row = byCode.get(code);
        if (!row) return ZERO;
        return {
          households: Number(row.households),
          people: Number(row.people),
          poorHouseholds: Number(row.poor_households),
          poorPeople: Number(row.poor_people),
          ruralPopulation: Number(row.rural_population),
        };
      });
    }),
);
