import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 授信: the amount a lender will lend a rated household during a period. */
export const CreditLineSchema = defineEntity({
  name: 'FinanceCreditLine',
  tableName: 'finance_credit_line',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    householdId: p.integer(),
    villageCode: p.string().length(12),
    lenderId: p.integer(),
    ratingId: p.integer(),
    amount: p.decimal('string').precision(14).scale(2),
    validFrom: p.date(),
    validUntil: p.date(),
    grantedBy: p.text(),
    grantedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type CreditLine = InferEntity<typeof CreditLineSchema>;
