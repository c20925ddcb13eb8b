import { defineMutation, householdLoader, type TuopinBuilder } from '@tuopin/core';
import { financeRefs } from '../shared/finance-refs.js';
import { CreditRatingSchema } from './credit-rating.entity.js';
import { rateHousehold } from './rating.service.js';

export function registerRatingMutations(builder: TuopinBuilder): void {
  const { CreditRating } = financeRefs(builder);
  defineMutation(builder, 'rateHousehold', {
    description: '评级：记录建档立卡户的信用评级（可多次评级，保留历史） Rate a registered household\'s creditworthiness; ratings accumulate as its history',
    input: {
      description: '信用评级 A rating of a household\'s creditworthiness',
      argumentDescription: '评级 The rating',
      fields: (t) => ({
        householdId: t.id({ required: true, description: '户全局 ID Household global ID' }),
        score: t.int({ required: true, description: '评分（0–100），等级由评分决定 Score 0–100; the grade follows from it' }),
        ratedOn: t.field({ type: 'Date', description: '评级日期（默认今天） Date rated; today if omitted' }),
        rater: t.string({ required: true, description: '评级人或评级小组 Who rated' }),
        note: t.string({ description: '备注 Note' }),
      }),
    },
    ids: { householdId: 'Household' },
    resolve: async (input, ctx) => ({ ratingId: await rateHousehold(ctx, input), householdId: input.householdId }),
    payload: {
      description: '评级已记录 The rating recorded',
      fields: (t) => ({
        rating: t.field({
          type: CreditRating,
          description: '本次评级 The rating',
          resolve: (p, _args, ctx) => ctx.em.findOneOrFail(CreditRatingSchema, { id: p.ratingId }),
        }),
        household: t.field({
          type: 'Household',
          description: '被评级户 The household',
          resolve: async (p, _args, ctx) => (await householdLoader(ctx).load(p.householdId))!,
        }),
      }),
    },
  });
}
