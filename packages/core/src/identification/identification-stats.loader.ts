import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import { rangeParameters, RANGES_CTE, scopedRanges } from '../area/region-stats.loader.js';
import type { TuopinContext } from '../kernel/context.js';
import { SqlText } from '../kernel/read/read-statement.js';

/** What `RegionStats.identification` resolves to: the area and the year asked about (null: every year). */
export interface IdentificationStatsSource {
  readonly code: string;
  readonly year: number | null;
}

/** Households and people of one group (a cause, a category, a class). */
export interface IdentifiedGroup {
  key: string;
  households: number;
  people: number;
}

export interface IdentificationFigures {
  households: number;
  people: number;
  byCause: IdentifiedGroup[];
  byCategory: IdentifiedGroup[];
  byClass: IdentifiedGroup[];
  applicationsOpen: number;
  applicationsApproved: number;
  applicationsRejected: number;
}

// One statement per year asked in a request, over exactly the ranges the caller may see. Who was
// identified comes from the registry (year_identified), so households entered from older rolls
// count as well as those the workflow approved; people are the members registered. Applications
// count by the year they were filed.
const STATS_SQL = `
  with ${RANGES_CTE},
  h as (
    select r.code, h.primary_cause, h.category, h.assistance_class, h.member_count
    from r join household h on h.village_code between r.lo and r.hi
    where ?::int is null or h.year_identified = ?::int)
  select code, 'total' as block, null as key, count(*)::int8 as households, coalesce(sum(member_count), 0)::int8 as people from h group by code
  union all select code, 'cause', primary_cause, count(*), sum(member_count) from h group by code, primary_cause
  union all select code, 'category', category, count(*), sum(member_count) from h group by code, category
  union all select code, 'class', assistance_class, count(*), sum(member_count) from h where assistance_class is not null group by code, assistance_class
  union all select r.code, 'applications', a.outcome, count(*), 0 from r
    join identification_application a on a.village_code between r.lo and r.hi
    where ?::int is null or extract(year from a.applied_on) = ?::int
    group by r.code, a.outcome`;

interface StatsRow {
  code: string;
  block: string;
  key: string | null;
  households: string;
  people: string;
}

const statsKey = (code: string, year: number | null) => `${code}:${year ?? ''}`;

function figuresOf(rows: readonly StatsRow[]): IdentificationFigures {
  const groups = (block: string) =>
    rows
      .filter((row) => row.block === block)
      .map((row) => ({ key: row.key!, households: Number(row.households), people: Number(row.people) }))
      .sort((a, b) => b.households - a.households || a.key.localeCompare(b.key));
  const total = rows.find((row) => row.block === 'total');
  const applications = (outcome: string) => Number(rows.find((row) => row.block === 'applications' && row.key === outcome)?.households ?? 0);
  return {
    households: Number(total?.households ?? 0),
    people: Number(total?.people ?? 0),
    byCause: groups('cause'),
    byCategory: groups('category'),
    byClass: groups('class'),
    applicationsOpen: applications('OPEN'),
    applicationsApproved: applications('APPROVED'),
    applicationsRejected: applications('REJECTED'),
  };
}

/** Identification figures of areas for a year (or every year): one statement per year asked in a request. */
export const identificationStatsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<IdentificationStatsSource, IdentificationFigures, string>(
      async (sources) => {
        const byYear = new Map<number | null, string[]>();
        for (const { code, year } of sources) byYear.set(year, [...(byYear.get(year) ?? []), code]);
        const rowsByKey = new Map<string, StatsRow[]>();
        for (const [year, codes] of byYear) {
          const ranges = scopedRanges(ctx, codes);
          if (ranges.length === 0) continue;
          const rows = await ctx.db.rows<StatsRow>(new SqlText().append(STATS_SQL, ...rangeParameters(ranges), year, year, year, year));
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
