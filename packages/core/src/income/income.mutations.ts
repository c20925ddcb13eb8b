import { freshHousehold } from '../household/household.mutations.js';

import type { TuopinBuilder } from '../kernel/builder.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { HouseholdIncomeSchema } from './income.entity.js';

import { recordHouseholdIncome } from './income.service.js';

export function registerIncomeMutations(builder: TuopinBuilder): void {
  defineMutation(builder, 'recordHouseholdIncome', {
    description: '记录家庭年收入，计算纯收入和人均纯收入 Record a household\'s yearly income; net and per-capita income are computed',
    input: {
      description: '记录家庭年收入（同一年度再次记录即更正） A household\'s income for a year; recording a year again corrects it',
      argumentDescription: '输入 Input',
      fields: (t) => ({
        householdId: t.id({ required: true, description: '户全局 ID Household global ID' }),
        year: t.int({ required: true, description: '年度 Year' }),
        wages: t.field({ type: 'Money', required: true, description: '工资性收入 Wages' }),
        business: t.field({ type: 'Money', required: true, description: '家庭经营性收入 Household business income' }),
        transfers: t.field({ type: 'Money', required: true, description: '转移性收入 Transfer income' }),
        property: t.field({ type: 'Money', required: true, description: '财产性收入 Property income' }),
        productionCosts: t.field({ type: 'Money', required: true, description: '生产经营费用 Production and business costs' }),
        householdSize: t.int({ description: '家庭人口（默认为当前成员数） People supported; the current member count if omitted' }),
      }),
    },
    ids: { householdId: 'Household' },
    resolve: async (input, ctx) => ({ incomeId: await recordHouseholdIncome(ctx, input) }),
    payload: {
      description: '收入已记录 The recorded income',
      fields: (t) => ({
        income: t.field({
          type: 'HouseholdIncome',
          description: '年收入 The income record',
          resolve: (p, _args, ctx) => ctx.em.findOneOrFail(HouseholdIncomeSchema, { id: p.incomeId }, { refresh: true }),
        }),
        household: t.field({
          type: 'Household',
          description: '户 The household',
          resolve: async (p, _args, ctx) => {
            const income = await ctx.em.findOneOrFail(HouseholdIncomeSchema, { id: p.incomeId });
            return freshHousehold(ctx, income.householdId);
          },
        }),
      }),
    },
  });
}
