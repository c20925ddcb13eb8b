import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 贴息: the subsidy of one instalment's interest, paid by the core ledger entry it names. */
export const SubsidyPaymentSchema = defineEntity({
  name: 'FinanceSubsidyPayment',
  tableName: 'finance_subsidy_payment',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    loanId: p.integer(),
    installmentSeq: p.smallint(),
    villageCode: p.string().length(12),
    ledgerEntryId: p.integer(),
    amount: p.decimal('string').precision(14).scale(2),
    paidOn: p.date(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type SubsidyPayment = InferEntity<typeof SubsidyPaymentSchema>;
