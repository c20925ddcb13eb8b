import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const LEDGER_KINDS = ['ALLOCATION', 'DISBURSEMENT', 'REVERSAL'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * An entry of the append-only fund ledger: an allocation (资金安排, fund → project), a
 * disbursement (报账, paid against an allocation) or a reversal (冲销) of one of those. Rows are
 * only ever inserted; the database refuses updates and deletes.
 */
export const LedgerEntrySchema = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entry',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    kind: p.enum([...LEDGER_KINDS]).columnType('text'),
    fundId: p.integer(),
    projectId: p.integer(),
    allocationId: p.integer().nullable(),
    reversesId: p.integer().nullable(),
    amount: p.decimal('string').precision(14).scale(2),
    entryDate: p.date(),
    voucherNo: p.text().nullable(),
    memo: p.text().nullable(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type LedgerEntry = InferEntity<typeof LedgerEntrySchema>;
