import { createContextCache } from '@pothos/core';
import { rowsWhereIn, groupRows, scopedLoaderByCode, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { RepaymentSchema, type Repayment } from './repayment.entity.js';

/** Repayments by id within the caller's scope, for `node` and mutation payloads. */
export const repaymentLoader = scopedLoaderByCode(RepaymentSchema, 'id', 'villageCode');

/** Each loan's repayments in date order; one query per batch of loans. */
export const repaymentsByLoanLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Repayment[]>(async (loanIds) => {
      const rows = await rowsWhereIn(ctx, RepaymentSchema, 'loanId', loanIds, { orderBy: [['loanId', 'asc'], ['repaidOn', 'asc'], ['id', 'asc']] });
      return groupRows(loanIds, rows, (row) => row.loanId);
    }),
);
