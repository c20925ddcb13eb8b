
import { householdLoader } from '../household/household.loaders.js';
import type { TuopinBuilder } from '../kernel/builder.js';
import { compareMoney } from '../kernel/money.js';
import { povertyLineFor } from '../core.settings.js';
import { provinceOf } from '../area/area-tree.js';
import type { TuopinContext } from '../kernel/context.js';
import type { HouseholdIncome } from './income.entity.js';
import { incomesByHouseholdLoader } from './income.loaders.js';

async function lineFor(income: HouseholdIncome, ctx: TuopinContext): Promise<string | null> {
  const household = await householdLoader(ctx).load(income.householdId);
  return household ? povertyLineFor(ctx.settings, income.year, provinceOf(household.villageCode)) : null;
}

export function registerIncomeSchema(builder: TuopinBuilder): void {
  builder.objectType('HouseholdIncome', {
    description: '家庭年收入 A household\'s income for one year',
    scope: 'contained',
    authScopes: { permission: 'core.registry.read' },
    fields: (t) => ({
      year: t.exposeInt('year', { description: '年度 Year' }),
      wages: t.field({ type: 'Money', resolve: (i) => i.wages, description: '工资性收入 Wages' }),
      business: t.field({ type: 'Money', resolve: (i) => i.business, description: '家庭经营性收入 Household business income' }),
      transfers: t.field({ type: 'Money', resolve: (i) => i.transfers, description: '转移性收入 Transfer income (subsidies, pensions, remittances)' }),
      property: t.field({ type: 'Money', resolve: (i) => i.property, description: '财产性收入 Property income' }),
      productionCosts: t.field({ type: 'Money', resolve: (i) => i.productionCosts, description: '生产经营费用 Production and business costs' }),
      netIncome: t.field({ type: 'Money', resolve: (i) => i.netIncome, description: '家庭纯收入 Net income = income components − costs' }),
      householdSize: t.exposeInt('householdSize', { description: '家庭人口 People the income supports' }),
      perCapitaNetIncome: t.field({
        type: 'Money',
        resolve: (i) => i.perCapitaNetIncome,
        description: '人均纯收入 Per-capita net income, rounded to the fen',
      }),
      povertyLine: t.field({
        type: 'Money',
        nullable: true,
        description: '当年贫困线（配置） The poverty line configured for that year and province; null if none is configured',
        resolve: (i, _args, ctx) => lineFor(i, ctx),
      }),
      belowPovertyLine: t.boolean({
        nullable: true,
        description: '人均纯收入是否低于贫困线 Whether per-capita net income is below the line; null if no line is configured',
        resolve: async (i, _args, ctx) => {
          const line = await lineFor(i, ctx);
          return line === null ? null : compareMoney(i.perCapitaNetIncome, line) < 0;
        },
      }),
      recordedAt: t.field({ type: 'DateTime', resolve: (i) => i.recordedAt, description: '记录时间 Recorded at' }),
    }),
  });

  builder.objectFields('Household', (t) => ({
    incomes: t.field({
      type: ['HouseholdIncome'],
      description: '历年收入，新年度在前 Yearly incomes, newest first',
      resolve: (h, _args, ctx) => incomesByHouseholdLoader(ctx).load(h.id),
    }),
    income: t.field({
      type: 'HouseholdIncome',
      nullable: true,
      description: '某一年度的收入 The income of one year',
      args: { year: t.arg.int({ required: true, description: '年度 Year' }) },
      resolve: async (h, { year }, ctx) => (await incomesByHouseholdLoader(ctx).load(h.id)).find((i) => i.year === year) ?? null,
    }),
  }));
}
