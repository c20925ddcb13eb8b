import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 搬迁补助: a building subsidy paid to a relocated household by the core ledger entry it names. */
export const RelocationSubsidyPaymentSchema = defineEntity({
  name: 'RelocationSubsidyPayment',
  tableName: 'relocation_subsidy_payment',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    relocatedHouseholdId: p.integer(),
    villageCode: p.string().length(12),
    ledgerEntryId: p.integer(),
    amount: p.decimal('string').precision(14).scale(2),
    paidOn: p.date(),
    recordedBy: p.text(),
  }),
});
export type RelocationSubsidyPayment = InferEntity<typeof RelocationSubsidyPaymentSchema>;
