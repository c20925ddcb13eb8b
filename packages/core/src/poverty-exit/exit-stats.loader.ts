import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { rangeParameters, RANGES_CTE, scopedRanges } from '../area/region-stats.loader.js';
import type { TuopinContext } from '../kernel/context.js';
import { SqlText } from '../kernel/read/read-statement.js';

/** What `RegionStats.exits` resolves to: the area and the year asked about (null: every year on record). */
export interface ExitStatsSource {
  readonly code: string;
  readonly year: number | null;
}

/** A township's year: the people its county's target asks for, and the people who exited. */
export interface TownshipExitFigures {
  code: string;
  name: string;
  targetPeople: number;
  exitedPeople: number;
}

export interface ExitFigures {
  households: number;
  people: number;
  returnedHouseholds: number;
  returnedNow: number;
  villagesExited: number;
  countiesExited: number;
  targetPeople: number;
  byTownship: TownshipExitFigures[];
}

// One statement per year asked in a request, over exactly the ranges the caller may see. Exits are
// the registry's: households EXITED with that exit year (removed by the exit workflow, or entered
// with it as historical records). A township counts when it lies in the range, with its target
// and its exits (its villages share its 9-digit prefix).
const STATS_SQL = `
  with ${RANGES_CTE},
  y as not materialized (select ?::int2 as year)
  select r.code, 'households' as block, null as key, null as name, count(*)::int8 as n, 0::int8 as m from r cross join y
    join household h on h.village_code between r.lo and r.hi and h.status = 'EXITED' and (y.year is null or h.exit_year = y.year) group by r.code
  union all select r.code, 'people', null, null, coalesce(sum(h.member_count), 0), 0 from r cross join y
    join household h on h.village_code between r.lo and r.hi and h.status = 'EXITED' and (y.year is null or h.exit_year = y.year) group by r.code
  union all select r.code, 'returnedHouseholds', null, null, count(distinct hr.household_id), 0 from r cross join y
    join household_return hr on hr.village_code between r.lo and r.hi and (y.year is null or hr.year = y.year) group by r.code
  union all select r.code, 'returnedNow', null, null, count(*), 0 from r
    join household h on h.village_code between r.lo and r.hi and h.status = 'RETURNED' group by r.code
  union all select r.code, 'villagesExited', null, null, count(*), 0 from r cross join y
    join area a on a.level = 'VILLAGE' and a.code between r.lo and r.hi and (y.year is null and a.exit_year is not null or a.exit_year = y.year) group by r.code
  union all select r.code, 'countiesExited', null, null, count(*), 0 from r cross join y
    join county_exit c on c.area_code between r.lo and r.hi and (y.year is null or c.exit_year = y.year) and c.approved_on is not null group by r.code
  union all select r.code, 'township', t.code, t.name,
      coalesce((select sum(rt.target_people) from reduction_target rt where rt.area_code = t.code and (y.year is null or rt.year = y.year)), 0),
      coalesce((select sum(h.member_count) from household h
                where h.village_code between t.code and substr(t.code, 1, 9) || '999' and h.village_code between r.lo and r.hi
                  and h.status = 'EXITED' and (y.year is null or h.exit_year = y.year)), 0)
    from r cross join y join area t on t.level = 'TOWNSHIP' and t.code between r.lo and r.hi`;

interface StatsRow {
  code: string;
  block: string;
  key: string | null;
  name: string | null;
  n: string;
  m: string;
}

const statsKey = (code: string, year: number | null) => `${code}:${year ?? ''}`;

function figuresOf(rows: readonly StatsRow[]): ExitFigures {
  const total = (block: string) => rows.filter((row) => row.block === block).reduce((sum, row) => sum + Number(row.n), 0);
  const townships = new Map<string, TownshipExitFigures>();
  for (const row of rows.filter((row) => row.block === 'township')) {
    // A township split by the caller's scope ranges comes in pieces: add them up.
    const known = townships.get(row.key!) ?? { code: row.key!, name: row.name!, targetPeople: 0, exitedPeople: 0 };
    known.targetPeople = Math.max(known.targetPeople, Number(row.n));
    known.exitedPeople += Number(row.m);
    townships.set(row.key!, known);
  }
  const byTownship = [...townships.values()].filter((t) => t.targetPeople > 0 || t.exitedPeople > 0).sort((a, b) => a.code.localeCompare(b.code));
  return {
    households: total('households'),
    people: total('people'),
    returnedHouseholds: total('returnedHouseholds'),
    returnedNow: total('returnedNow'),
    villagesExited: total('villagesExited'),
    countiesExited: total('countiesExited'),
    targetPeople: byTownship.reduce((sum, t) => sum + t.targetPeople, 0),
    byTownship,
  };
}

/** Exit figures of areas for a year (or every year): one statement per year asked in a request. */
export const exitStatsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<ExitStatsSource, ExitFigures, string>(
      async (sources) => {
        const byYear = new Map<number | null, string[]>();
        for (const { code, year } of sources) byYear.set(year, [...(byYear.get(year) ?? []), code]);
        const rowsByKey = new Map<string, StatsRow[]>();
        for (const [year, codes] of byYear) {
          const ranges = scopedRanges(ctx, codes);
          if (ranges.length === 0) continue;
          const rows = await ctx.db.rows<StatsRow>(new SqlText().append(STATS_SQL, ...rangeParameters(ranges), year));
          for (const row of rows) {
            const key = statsKey(row.code, year);
            rowsByKey.set(key, [...(rowsByKey.get(key) ?? []), row]);
          }
        }
        return sources.map(({ code, year }) => figuresOf(rowsByKey.get(statsKey(code, year)) ?? []));
      },
      { cacheKeyFn: (source) => statsKey(source.code, source.year) },
    ),
);
