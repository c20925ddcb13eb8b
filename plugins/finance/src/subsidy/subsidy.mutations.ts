import { defineMutation, type TuopinBuilder } from '@tuopin/core';
import { LoanSchema } from '../loan/loan.entity.js';
import { financeRefs } from '../shared/finance-refs.js';
import { SubsidyPaymentSchema } from './subsidy-payment.entity.js';
import { payInterestSubsidy } from './subsidy.service.js';

export function registerSubsidyMutations(builder: TuopinBuilder): void {
  const { InterestSubsidyPayment, Loan } = financeRefs(builder);
  defineMutation(builder, 'payInterestSubsidy', {
    description:
      '贴息：借款人付息后，从金融扶贫项目的资金安排中报账支付该期利息（记入资金台账） Pay one instalment\'s interest once the borrower has paid it, as a disbursement against an allocation to a FINANCIAL_SERVICES project, in the fund ledger',
    input: {
      description: '贴息 The interest of one instalment, to pay from a fund',
      argumentDescription: '贴息 The subsidy',
      fields: (t) => ({
        loanId: t.id({ required: true, description: '贷款全局 ID Loan global ID' }),
        installment: t.int({ required: true, description: '期次 Number of the instalment' }),
        allocationId: t.id({
          required: true,
          description: '支付所用的资金安排（须为覆盖借款人所在地的金融扶贫项目） The Allocation that pays: one to a FINANCIAL_SERVICES project covering the borrower\'s village',
        }),
        paidOn: t.field({ type: 'Date', description: '贴息日期（默认今天） Date paid; today if omitted' }),
        voucherNo: t.string({ required: true, description: '报账凭证号 Voucher number of the payment' }),
      }),
    },
    ids: { loanId: 'Loan', allocationId: 'Allocation' },
    resolve: async (input, ctx) => ({ subsidyId: await payInterestSubsidy(ctx, input), loanId: input.loanId }),
    payload: {
      description: '已贴息 The interest subsidy paid',
      fields: (t) => ({
        subsidy: t.field({
          type: InterestSubsidyPayment,
          description: '贴息记录 The subsidy',
          resolve: (p, _args, ctx) => ctx.em.findOneOrFail(SubsidyPaymentSchema, { id: p.subsidyId }),
        }),
        loan: t.field({
          type: Loan,
          description: '贷款 The loan',
          resolve: (p, _args, ctx) => ctx.em.findOneOrFail(LoanSchema, { id: p.loanId }),
        }),
      }),
    },
  });
}
