import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 还款: what a borrower paid on a day, split into principal and interest as the lender's receipt does. */
export const RepaymentSchema = defineEntity({
  name: 'FinanceRepayment',
  tableName: 'finance_repayment',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    loanId: p.integer(),
    villageCode: p.string().length(12),
    principal: p.decimal('string').precision(14).scale(2),
    interest: p.decimal('string').precision(14).scale(2),
    repaidOn: p.date(),
    voucherNo: p.text().nullable(),
    recordedBy: p.text(),
    recordedAt: p.datetime().defaultRaw('now()'),
  }),
});
export type Repayment = InferEntity<typeof RepaymentSchema>;
