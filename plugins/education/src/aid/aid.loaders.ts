import { createContextCache } from '@pothos/core';
import { groupRows, LedgerEntrySchema, pickRows, rowsWhereIn, scopedLoaderByCode, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { ApplicationSchema, type Application } from './application.entity.js';
import { PaymentSchema, type Payment } from './payment.entity.js';
import { paymentRanges } from './payment-scope.js';

/** Applications by id within the caller's areas; others load as null. */
export const applicationLoader = scopedLoaderByCode(ApplicationSchema, 'id', 'villageCode');

/** Payments by id as the caller sees them (`paymentRanges`: a partner only through a county or larger); others load as null. */
export const paymentLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Payment | null>(async (ids) => {
      const ranges = paymentRanges(ctx, null);
      if (ranges.length === 0) return ids.map(() => null);
      const rows = await rowsWhereIn(ctx, PaymentSchema, 'id', ids, { within: { property: 'villageCode', ranges } });
      return pickRows(ids, rows, (row) => row.id);
    }),
);

/** Each application's payments, reversed ones included, in the order paid; reached from an application the caller sees. */
export const paymentsByApplicationLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Payment[]>(async (ids) => {
      const rows = await rowsWhereIn(ctx, PaymentSchema, 'applicationId', ids, { orderBy: [['applicationId', 'asc'], ['id', 'asc']] });
      return groupRows(ids, rows, (row) => row.applicationId);
    }),
);

/** Each member's applications, newest year first; reached from a Member the caller sees. */
export const applicationsByMemberLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, Application[]>(async (ids) => {
      const rows = await rowsWhereIn(ctx, ApplicationSchema, 'memberId', ids, { orderBy: [['memberId', 'asc'], ['year', 'desc'], ['id', 'desc']] });
      return groupRows(ids, rows, (row) => row.memberId);
    }),
);

/** Whether each ledger entry has been reversed (a reversed payment no longer counts). */
export const entryReversedLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, boolean>(async (ids) => {
      const reversals = await rowsWhereIn(ctx, LedgerEntrySchema, 'reversesId', ids);
      const reversed = new Set(reversals.map((row) => row.reversesId));
      return ids.map((id) => reversed.has(id));
    }),
);
