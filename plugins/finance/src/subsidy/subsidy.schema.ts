import { ledgerEntryLoader, loadByDatabaseIds, type TuopinBuilder } from '@tuopin/core';
import { loanLoader } from '../loan/loan.loaders.js';
import { financeRefs } from '../shared/finance-refs.js';
import { hasProperties } from '../shared/node-ids.js';
import { entryReversedLoader, subsidiesByLoanLoader, subsidyLoader } from './subsidy.loaders.js';

export function registerSubsidySchema(builder: TuopinBuilder): void {
  const { InterestSubsidyPayment, Loan } = financeRefs(builder);

  builder.node(InterestSubsidyPayment, {
    description: '贴息 An interest subsidy: one instalment\'s interest, paid from a fund through the ledger',
    scope: { area: (payment) => payment.villageCode },
    id: { resolve: (payment) => payment.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => hasProperties(value, 'ledgerEntryId', 'installmentSeq'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => subsidyLoader(ctx).load(id)),
    fields: (t) => ({
      installment: t.exposeInt('installmentSeq', { description: '贴息的期次 Number of the instalment subsidised' }),
      amount: t.field({ type: 'Money', resolve: (s) => s.amount, description: '贴息金额 Amount' }),
      paidOn: t.field({ type: 'Date', resolve: (s) => s.paidOn, description: '贴息日期 Date paid' }),
      disbursement: t.field({
        type: 'Disbursement',
        nullable: true,
        description:
          '资金台账中的报账记录（资金和贴息项目都不在您的管辖范围内时为空） The disbursement in the fund ledger that paid it; null when both its fund and the subsidy programme lie outside your scope',
        resolve: (s, _args, ctx) => ledgerEntryLoader(ctx).load(s.ledgerEntryId),
      }),
      isReversed: t.boolean({
        description: '台账中是否已冲销（冲销后不再计入） Whether its ledger entry has been reversed; a reversed subsidy no longer counts',
        resolve: (s, _args, ctx) => entryReversedLoader(ctx).load(s.ledgerEntryId),
      }),
      loan: t.field({
        type: Loan,
        description: '贷款 The loan',
        resolve: async (s, _args, ctx) => (await loanLoader(ctx).load(s.loanId))!,
      }),
    }),
  });

  builder.objectField(Loan, 'subsidies', (t) =>
    t.field({
      type: [InterestSubsidyPayment],
      description: '贴息记录（含已冲销的） The interest subsidies paid, reversed ones included',
      resolve: (loan, _args, ctx) => subsidiesByLoanLoader(ctx).load(loan.id),
    }),
  );
}
