import { householdLoader, loadByDatabaseIds, todayOf, type TuopinBuilder } from '@tuopin/core';
import { lenderRefLoader } from '../lender/lender.loaders.js';
import { ratingLoader } from '../rating/rating.loaders.js';
import { financeRefs } from '../shared/finance-refs.js';
import { hasProperties } from '../shared/node-ids.js';
import type { CreditLine } from './credit-line.entity.js';
import { creditLineLoader, creditLinesByHouseholdLoader } from './credit-line.loaders.js';

function isValidOn(line: CreditLine, day: string): boolean {
  return line.validFrom <= day && day <= line.validUntil;
}

export function registerCreditLineSchema(builder: TuopinBuilder): void {
  const { CreditLine: CreditLineRef, CreditRating, Lender } = financeRefs(builder);

  builder.node(CreditLineRef, {
    description: '授信 A credit line: what a lender will lend a rated household during a period',
    scope: { area: (line) => line.villageCode },
    id: { resolve: (line) => line.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => hasProperties(value, 'validFrom', 'validUntil', 'ratingId'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => creditLineLoader(ctx).load(id)),
    fields: (t) => ({
      amount: t.field({ type: 'Money', resolve: (line) => line.amount, description: '授信额度（元） Amount of the line in yuan' }),
      validFrom: t.field({ type: 'Date', resolve: (line) => line.validFrom, description: '授信起始日 First day of validity' }),
      validUntil: t.field({ type: 'Date', resolve: (line) => line.validUntil, description: '授信截止日 Last day of validity' }),
      isActive: t.boolean({
        description: '今天是否有效 Whether the line is valid today',
        resolve: (line, _args, ctx) => isValidOn(line, todayOf(ctx.settings)),
      }),
      lender: t.field({
        type: Lender,
        description: '授信机构 The lender',
        resolve: async (line, _args, ctx) => (await lenderRefLoader(ctx).load(line.lenderId))!,
      }),
      rating: t.field({
        type: CreditRating,
        description: '授信所依据的评级 The rating the line was granted on',
        resolve: async (line, _args, ctx) => (await ratingLoader(ctx).load(line.ratingId))!,
      }),
      household: t.field({
        type: 'Household',
        description: '授信户 The household',
        resolve: async (line, _args, ctx) => (await householdLoader(ctx).load(line.householdId))!,
      }),
      grantedBy: t.exposeString('grantedBy', { description: '录入人 Who recorded it (principal id)' }),
    }),
  });

  builder.objectFields('Household', (t) => ({
    creditLines: t.field({
      type: [CreditLineRef],
      description: '授信记录，最近的在前 The household\'s credit lines, the latest first',
      resolve: (household, _args, ctx) => creditLinesByHouseholdLoader(ctx).load(household.id),
    }),
    activeCreditLine: t.field({
      type: CreditLineRef,
      nullable: true,
      description: '今天有效的授信 The credit line valid today, if any',
      resolve: async (household, _args, ctx) => {
        const today = todayOf(ctx.settings);
        return (await creditLinesByHouseholdLoader(ctx).load(household.id)).find((line) => isValidOn(line, today)) ?? null;
      },
    }),
  }));
}
