import { defineMutation, householdLoader, type TuopinBuilder } from '@tuopin/core';
import { financeRefs } from '../shared/finance-refs.js';
import { CreditLineSchema } from './credit-line.entity.js';
import { grantCreditLine } from './credit-line.service.js';

export function registerCreditLineMutations(builder: TuopinBuilder): void {
  const { CreditLine } = financeRefs(builder);
  defineMutation(builder, 'grantCreditLine', {
    description:
      '授信：按当前评级向建档立卡户授予信用额度（授信期不重叠） Grant a rated household a credit line from a lender serving its area, within its grade\'s limit; a household\'s lines never overlap',
    input: {
      description: '授信 A credit line to grant',
      argumentDescription: '授信 The credit line',
      fields: (t) => ({
        householdId: t.id({ required: true, description: '户全局 ID Household global ID' }),
        lenderId: t.id({ required: true, description: '贷款机构全局 ID Lender global ID' }),
        amount: t.field({ type: 'Money', required: true, description: '授信额度（不超过评级对应上限） Amount, at most the limit of the household\'s grade' }),
        validFrom: t.field({ type: 'Date', description: '起始日（默认今天） First day; today if omitted' }),
        validUntil: t.field({ type: 'Date', required: true, description: '截止日 Last day' }),
      }),
    },
    ids: { householdId: 'Household', lenderId: 'Lender' },
    resolve: async (input, ctx) => ({ lineId: await grantCreditLine(ctx, input), householdId: input.householdId }),
    payload: {
      description: '已授信 The credit line granted',
      fields: (t) => ({
        creditLine: t.field({
          type: CreditLine,
          description: '授信 The credit line',
          resolve: (p, _args, ctx) => ctx.em.findOneOrFail(CreditLineSchema, { id: p.lineId }),
        }),
        household: t.field({
          type: 'Household',
          description: '授信户 The household',
          resolve: async (p, _args, ctx) => (await householdLoader(ctx).load(p.householdId))!,
        }),
      }),
    },
  });
}
