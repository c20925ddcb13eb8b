import { loadByDatabaseIds, type TuopinBuilder } from '@tuopin/core';
import { loanLoader } from '../loan/loan.loaders.js';
import { financeRefs } from '../shared/finance-refs.js';
import { hasProperties } from '../shared/node-ids.js';
import { repaymentLoader, repaymentsByLoanLoader } from './repayment.loaders.js';

export function registerRepaymentSchema(builder: TuopinBuilder): void {
  const { Repayment, Loan } = financeRefs(builder);

  builder.node(Repayment, {
    description: '还款 A repayment on a loan',
    scope: { area: (repayment) => repayment.villageCode },
    id: { resolve: (repayment) => repayment.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => hasProperties(value, 'repaidOn', 'interest'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => repaymentLoader(ctx).load(id)),
    fields: (t) => ({
      principal: t.field({ type: 'Money', resolve: (r) => r.principal, description: '还本金 Principal paid' }),
      interest: t.field({ type: 'Money', resolve: (r) => r.interest, description: '付利息 Interest paid' }),
      repaidOn: t.field({ type: 'Date', resolve: (r) => r.repaidOn, description: '还款日期 Date paid' }),
      voucherNo: t.exposeString('voucherNo', { nullable: true, description: '还款凭证号 Receipt number' }),
      recordedBy: t.exposeString('recordedBy', { description: '录入人 Who recorded it (principal id)' }),
      loan: t.field({
        type: Loan,
        description: '贷款 The loan',
        resolve: async (r, _args, ctx) => (await loanLoader(ctx).load(r.loanId))!,
      }),
    }),
  });

  builder.objectField(Loan, 'repayments', (t) =>
    t.field({
      type: [Repayment],
      description: '还款记录，按日期 The repayments, by date',
      resolve: (loan, _args, ctx) => repaymentsByLoanLoader(ctx).load(loan.id),
    }),
  );
}
