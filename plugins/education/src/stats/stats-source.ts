import { createContextCache } from '@pothos/core';
import { rangeParameters, scopedRanges, SqlText, todayOf, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';

/** What `RegionStats.education` resolves to: the area and the days counted (null: open-ended). */
export interface EducationStatsSource {
  readonly code: string;
  readonly from: string | null;
  readonly until: string | null;
}

export const statsKey = (source: EducationStatsSource) => `${source.code}|${source.from ?? ''}|${source.until ?? ''}`;

/**
 * A per-request loader of one statistics block: keys are `code|from|until`; each distinct period's
 * areas are read in one statement over exactly the ranges the caller may see (core's
 * `scopedRanges`), `sql` taking the ranges `r(code, lo, hi)` first, then the period's first and
 * last day (null: open), then today (the settings' clock).
 */
export function blockLoader<Row extends { code: string }, Figures>(sql: string, figuresOf: (rows: Row[]) => Figures) {
  return createContextCache(
    (ctx: TuopinContext) =>
      new DataLoader<string, Figures>(async (keys) => {
        const byPeriod = new Map<string, string[]>();
        for (const key of keys) {
          const at = key.indexOf('|');
          const period = key.slice(at + 1);
          byPeriod.set(period, [...(byPeriod.get(period) ?? []), key.slice(0, at)]);
        }
        const rows = new Map<string, Row[]>();
        for (const [period, codes] of byPeriod) {
          const [from, until] = period.split('|').map((day) => (day === '' ? null : day));
          const ranges = scopedRanges(ctx, codes);
          const found = ranges.length === 0 ? [] : await ctx.db.rows<Row>(new SqlText().append(sql, ...rangeParameters(ranges), from, until, todayOf(ctx.settings)));
          for (const row of found) rows.set(`${row.code}|${period}`, [...(rows.get(`${row.code}|${period}`) ?? []), row]);
        }
        return keys.map((key) => figuresOf(rows.get(key) ?? []));
      }),
  );
}
