import { createContextCache } from '@pothos/core';
import { rowsWhereIn, groupRows, pickRows, scopedLoaderByCode, todayOf, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { financeSettingsOf } from '../settings/finance-settings.js';
import { LoanInstallmentSchema, LoanSchema, LoanWriteOffSchema, type Loan, type LoanInstallment, type LoanWriteOff } from './loan.entity.js';
import { positionsAsOf, type LoanPosition } from './loan-position.sql.js';

/** Loans by id within the caller's scope (others load as null): root lookups, `node` and writes. */
export const loanLoader = scopedLoaderByCode(LoanSchema, 'id', 'villageCode');

/** Each household's loans, oldest first; one query per batch of households. */
export const loansByHouseholdLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Loan[]>(async (householdIds) => {
      const rows = await rowsWhereIn(ctx, LoanSchema, 'householdId', householdIds, { orderBy: [['householdId', 'asc'], ['id', 'asc']] });
      return groupRows(householdIds, rows, (row) => row.householdId);
    }),
);

/** Each loan's schedule in order; one query per batch of loans. */
export const installmentsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, LoanInstallment[]>(async (loanIds) => {
      const rows = await rowsWhereIn(ctx, LoanInstallmentSchema, 'loanId', loanIds, { orderBy: [['loanId', 'asc'], ['seq', 'asc']] });
      return groupRows(loanIds, rows, (row) => row.loanId);
    }),
);

/** Each loan's position as of today: one statement per batch of loans, however many a page holds. */
export const loanPositionLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, LoanPosition>(async (loanIds) => {
      const positions = await positionsAsOf(ctx, loanIds, todayOf(ctx.settings), financeSettingsOf(ctx.settings).defaultAfterDays);
      return loanIds.map((id) => positions.get(id)!);
    }),
);

/** Each loan's write-off, or null; one query per batch. */
export const writeOffLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, LoanWriteOff | null>(async (loanIds) =>
      pickRows(loanIds, await rowsWhereIn(ctx, LoanWriteOffSchema, 'loanId', loanIds), (row) => row.loanId),
    ),
);
