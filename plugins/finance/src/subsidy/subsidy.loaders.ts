import { createContextCache } from '@pothos/core';
import { rowsWhereIn, groupRows, keyMatch, LedgerEntrySchema, SqlText, scopedLoaderByCode, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { SubsidyPaymentSchema, type SubsidyPayment } from './subsidy-payment.entity.js';

/** Subsidy payments by id within the caller's scope, for `node` and mutation payloads. */
export const subsidyLoader = scopedLoaderByCode(SubsidyPaymentSchema, 'id', 'villageCode');

/** Each loan's subsidy payments, reversed ones included, in the order paid; one query per batch. */
export const subsidiesByLoanLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, SubsidyPayment[]>(async (loanIds) => {
      const rows = await rowsWhereIn(ctx, SubsidyPaymentSchema, 'loanId', loanIds, { orderBy: [['loanId', 'asc'], ['id', 'asc']] });
      return groupRows(loanIds, rows, (row) => row.loanId);
    }),
);

/** Whether each ledger entry has been reversed in core's ledger (a reversed subsidy no longer counts). */
export const entryReversedLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, boolean>(async (ids) => {
      const reversals = await rowsWhereIn(ctx, LedgerEntrySchema, 'reversesId', ids);
      const reversed = new Set(reversals.map((row) => row.reversesId));
      return ids.map((id) => reversed.has(id));
    }),
);

/** The instalments of each loan that have a live subsidy (its ledger entry not reversed); one statement per batch. */
export const subsidisedInstallmentsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Set<number>>(async (loanIds) => {
      const loans = keyMatch('s.loan_id', loanIds, 'int');
      const rows = await ctx.db.rows<{ loan_id: number; installment_seq: number }>(
        new SqlText().append(
          `select s.loan_id, s.installment_seq from finance_subsidy_payment s
         where ${loans.sql} and not exists (select 1 from ledger_entry r where r.reverses_id = s.ledger_entry_id)`,
          ...loans.params,
        ),
      );
      return groupRows(loanIds, rows, (row) => row.loan_id).map((group) => new Set(group.map((row) => row.installment_seq)));
    }),
);
