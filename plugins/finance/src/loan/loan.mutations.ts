import { defineMutation, type TuopinBuilder, type TuopinTypes } from '@tuopin/core';
import { financeRefs } from '../shared/finance-refs.js';
import { LoanIndustryEnum, RepaymentMethodEnum } from './loan-enums.js';
import { LoanSchema } from './loan.entity.js';
import { disburseLoan } from './loan.service.js';
import { writeOffLoan } from './write-off.service.js';

export function registerLoanMutations(builder: TuopinBuilder): void {
  const { Loan } = financeRefs(builder);
  const loanPayload = (description: string) => ({
    description,
    fields: (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, { loanId: number }>) => ({
      loan: t.field({
        type: Loan,
        description: '贷款 The loan',
        resolve: (p, _args, ctx) => ctx.em.findOneOrFail(LoanSchema, { id: p.loanId }),
      }),
    }),
  });

  defineMutation(builder, 'disburseLoan', {
    description:
      '放贷：向建档立卡户成员发放扶贫小额信贷（不超过授信可用额度和全县风险补偿金放大倍数上限；须核对借款人年龄，故仅限可查看个人信息的干部） Disburse a poverty micro-loan to a member of a registered household, within its credit line and the county\'s risk-pool cap; it checks the borrower\'s age, so only officers who see personal data may',
    input: {
      description: '放贷 A poverty micro-loan to disburse',
      argumentDescription: '贷款 The loan',
      fields: (t) => ({
        householdId: t.id({ required: true, description: '借款户全局 ID Household global ID' }),
        borrowerId: t.id({ required: true, description: '借款人（该户成员）全局 ID Global ID of the member who borrows' }),
        principal: t.field({ type: 'Money', required: true, description: '本金（不超过配置上限，默认5万元） Principal; at most the configured limit (50,000 yuan by default)' }),
        termMonths: t.int({ required: true, description: '期限（月，默认最长36个月） Term in months; 36 at most by default' }),
        annualRate: t.float({ description: '年利率（%，默认且不高于基准利率） Annual rate in percent; the benchmark rate when omitted, never above it' }),
        disbursedOn: t.field({ type: 'Date', description: '放款日期（默认今天） Date disbursed; today if omitted' }),
        purpose: t.string({ required: true, description: '贷款用途 What the money is for' }),
        industry: t.field({ type: LoanIndustryEnum, required: true, description: '产业 Industry' }),
        repaymentMethod: t.field({ type: RepaymentMethodEnum, description: '还款方式（默认按季付息到期还本） Repayment method; QUARTERLY_INTEREST when omitted' }),
      }),
    },
    ids: { householdId: 'Household', borrowerId: 'Member' },
    resolve: async (input, ctx) => ({ loanId: await disburseLoan(ctx, input) }),
    payload: loanPayload('已放贷 The loan disbursed, with its schedule'),
  });

  defineMutation(builder, 'writeOffLoan', {
    description: '核销不良贷款 Write off a defaulted loan',
    input: {
      description: '核销 The write-off of a defaulted loan',
      argumentDescription: '核销 The write-off',
      fields: (t) => ({
        loanId: t.id({ required: true, description: '贷款全局 ID Loan global ID' }),
        writtenOffOn: t.field({ type: 'Date', description: '核销日期（默认今天） Date; today if omitted' }),
        reason: t.string({ required: true, description: '核销原因 Reason' }),
      }),
    },
    ids: { loanId: 'Loan' },
    resolve: async (input, ctx) => ({ loanId: await writeOffLoan(ctx, input) }),
    payload: loanPayload('已核销 The loan written off'),
  });
}
