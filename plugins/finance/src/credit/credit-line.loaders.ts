import { createContextCache } from '@pothos/core';
import { rowsWhereIn, groupRows, scopedLoaderByCode, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { CreditLineSchema, type CreditLine } from './credit-line.entity.js';

/** Credit lines by id within the caller's scope, for `node` and for loans' references. */
export const creditLineLoader = scopedLoaderByCode(CreditLineSchema, 'id', 'villageCode');

/** Each household's credit lines, newest first; one query per batch of households. */
export const creditLinesByHouseholdLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, CreditLine[]>(async (householdIds) => {
      const rows = await rowsWhereIn(ctx, CreditLineSchema, 'householdId', householdIds, { orderBy: [['householdId', 'asc'], ['validFrom', 'desc'], ['id', 'desc']] });
      return groupRows(householdIds, rows, (row) => row.householdId);
    }),
);
