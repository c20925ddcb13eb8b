import { appendCodeRanges, grantedIds, readableRanges, scopedLoaderByCode, type Conditions, type TuopinContext } from '@tuopin/core';
import { SchoolSchema } from './school.entity.js';

/** Schools by id within the caller's areas, or granted to him (a school's staff); others load as null. */
export const schoolLoader = scopedLoaderByCode(SchoolSchema, 'id', 'areaCode', 'School');

export interface SchoolFilter {
  regionCode: string | null;
  kind?: string | null;
}

/**
 * The schools `s` a list shows: in the caller's areas under the region, and those granted to him
 * (a school's staff, whose school may lie outside the area his token names). Null: none.
 */
export function schoolConditions(ctx: TuopinContext, filter: SchoolFilter): Conditions | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  const granted = filter.regionCode === null ? grantedIds(ctx.principal, 'School').map(Number) : [];
  if (ranges.length === 0 && granted.length === 0) return null;
  return (sql) => {
    if (ranges.length === 0) sql.append(' and s.id = any(?::int[])', granted);
    else if (granted.length === 0) appendCodeRanges(sql, 's.area_code', ranges);
    else {
      sql.append(' and (s.id = any(?::int[]) or (true', granted);
      appendCodeRanges(sql, 's.area_code', ranges);
      sql.append('))');
    }
    if (filter.kind) sql.append(' and s.kind = ?', filter.kind);
  };
}
