import { createContextCache } from '@pothos/core';
import { rowsWhereIn, pickRows, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { LenderSchema, type Lender } from './lender.entity.js';

/**
 * Lenders by id, whatever the caller's scope: a lender is a public institution, named on every
 * contract a borrower signs. One query per batch.
 */
export const lenderRefLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Lender | null>(async (ids) => pickRows(ids, await rowsWhereIn(ctx, LenderSchema, 'id', ids), (row) => row.id)),
);
