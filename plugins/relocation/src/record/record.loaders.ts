import { createContextCache } from '@pothos/core';
import { codeRangeSql, rangeParameters, readableRanges, scopedLoaderByCode, scopedRanges, SqlText, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { RelocationRecordSchema } from './record.entity.js';

/** Records by id within the caller's areas; others load as null, like records that do not exist. */
export const recordLoader = scopedLoaderByCode(RelocationRecordSchema, 'id', 'villageCode');

/** The SQL condition of the records the caller may read under an area (null: everywhere it may). */
export function readableRecords(ctx: TuopinContext, regionCode: string | null) {
  const ranges = readableRanges(ctx, regionCode);
  return ranges.length === 0 ? null : codeRangeSql('r.village_code', ranges);
}

// One statement per batch of areas, over the part of each area the caller may see.
const COUNT_SQL = `
  select a.code, count(r.id)::int8 as records
  from unnest(?::text[], ?::text[], ?::text[]) as a(code, lo, hi)
  join relocation_record r on r.village_code between a.lo and a.hi
  group by a.code`;

/** The plugin's figures of an area and everything under it. */
export interface RecordFigures {
  records: number;
}

/** The figures of areas by code, within the caller's scope: the same ranges as core's statistics. */
export const recordStatsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<string, RecordFigures>(async (codes) => {
      const ranges = scopedRanges(ctx, codes);
      if (ranges.length === 0) return codes.map(() => ({ records: 0 }));
      const rows = await ctx.db.rows<{ code: string; records: string }>(new SqlText().append(COUNT_SQL, ...rangeParameters(ranges)));
      const byCode = new Map(rows.map((row) => [row.code, Number(row.records)]));
      return codes.map((code) => ({ records: byCode.get(code) ?? 0 }));
    }),
);
