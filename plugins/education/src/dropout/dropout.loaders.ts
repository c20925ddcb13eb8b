import { createContextCache } from '@pothos/core';
import { appendCodeRanges, groupRows, readableRanges, rowsWhereIn, scopedLoaderByCode, type Conditions, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { DropoutCaseSchema, PersuasionVisitSchema, type PersuasionVisit } from './dropout.entity.js';

/** Cases by id within the caller's areas; others load as null. */
export const dropoutCaseLoader = scopedLoaderByCode(DropoutCaseSchema, 'id', 'villageCode');

/** Each case's visits in the order made; reached from a case the caller sees. */
export const visitsByCaseLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, PersuasionVisit[]>(async (ids) =>
      groupRows(ids, await rowsWhereIn(ctx, PersuasionVisitSchema, 'caseId', ids, { orderBy: [['caseId', 'asc'], ['visitedOn', 'asc'], ['id', 'asc']] }), (row) => row.caseId),
    ),
);

/** The cases `d` a list shows: in the caller's areas under the region, open or closed. Null: none. */
export function dropoutConditions(ctx: TuopinContext, filter: { regionCode: string | null; open?: boolean | null }): Conditions | null {
  const ranges = readableRanges(ctx, filter.regionCode);
  if (ranges.length === 0) return null;
  return (sql) => {
    appendCodeRanges(sql, 'd.village_code', ranges);
    if (filter.open === true) sql.append(' and d.closed_on is null');
    if (filter.open === false) sql.append(' and d.closed_on is not null');
  };
}
