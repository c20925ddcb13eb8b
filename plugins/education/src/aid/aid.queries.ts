import { appendCodeRanges, readableRanges, type Conditions, type TuopinContext } from '@tuopin/core';
import { paymentRanges } from './payment-scope.js';

export interface AidFilter {
  regionCode: string | null;
  scheme?: string | null;
  year?: number | null;
  status?: string | null;
}

/** The applications `a` a list shows: in the caller's areas under the region, filtered. Null: none. */
export function applicationConditions(ctx: TuopinContext, filter: AidFilter): Conditions | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  return (sql) => {
    appendCodeRanges(sql, 'a.village_code', ranges);
    if (filter.scheme) sql.append(' and a.scheme = ?', filter.scheme);
    if (filter.year != null) sql.append(' and a.year = ?', filter.year);
    if (filter.status) sql.append(' and a.status = ?', filter.status);
  };
}

/** The payments `p` a list shows: those the caller sees under the region (`paymentRanges`), filtered (`pullConnection` applies `updatedAfter`). Null: none. */
export function paymentConditions(ctx: TuopinContext, filter: AidFilter): Conditions | null {
  const ranges = paymentRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  return (sql) => {
    appendCodeRanges(sql, 'p.village_code', ranges);
    if (filter.scheme) sql.append(' and p.scheme = ?', filter.scheme);
    if (filter.year != null) sql.append(' and p.year = ?', filter.year);
  };
}
