import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { LoanSchema } from '../loan/loan.entity.js';
import { financeRefs } from '../shared/finance-refs.js';
import { RepaymentSchema } from './repayment.entity.js';
import { recordRepayment } from './repayment.service.js';

export function registerRepaymentMutations(builder: TuopinBuilder): void {
  const { Repayment, Loan } = financeRefs(builder);
  defineMutation(builder, 'recordRepayment', {
    description: '记录还款（本金、利息均不超过未还部分） Record a repayment; neither part may exceed what is outstanding',
    input: {
      description: '还款 A repayment to record',
      argumentDescription: '还款 The repayment',
      fields: (t) => ({
        loanId: t.id({ required: true, description: '贷款全局 ID Loan global ID' }),
        principal: t.field({ type: 'Money', required: true, description: '还本金（不超过未还本金） Principal paid; at most what is still owed' }),
        interest: t.field({ type: 'Money', required: true, description: '付利息（不超过未付利息） Interest paid; at most the scheduled interest still unpaid' }),
        repaidOn: t.field({ type: 'Date', description: '还款日期（默认今天） Date paid; today if omitted' }),
        voucherNo: t.string({ description: '还款凭证号 Receipt number' }),
      }),
    },
    ids: { loanId: 'Loan' },
    resolve: async (input, ctx) => ({ repaymentId: await recordRepayment(ctx, input), loanId: input.loanId }),
    payload: {
      description: '还款已记录 The repayment recorded',
      fields: (t) => ({
        repayment: t.field({
          type: Repayment,
          description: '还款 The repayment',
          resolve: (p, _args, ctx) => ctx.em.findOneOrFail(RepaymentSchema, { id: p.repaymentId }),
        }),
        loan: t.field({
          type: Loan,
          description: '贷款（还款后） The loan, after the repayment',
          resolve: (p, _args, ctx) => ctx.em.findOneOrFail(LoanSchema, { id: p.loanId }),
        }),
      }),
    },
  });
}
