import { householdLoader, loadByDatabaseIds, registerEnum, type TuopinBuilder } from '@tuopin/core';
import { financeRefs } from '../shared/finance-refs.js';
import { hasProperties } from '../shared/node-ids.js';
import { CREDIT_GRADES, CreditGradeEnum } from './rating-grade.js';
import { ratingLoader, ratingsByHouseholdLoader } from './rating.loaders.js';

export function registerRatingSchema(builder: TuopinBuilder): void {
  const { CreditRating } = financeRefs(builder);
  registerEnum(builder, CreditGradeEnum, 'CreditGrade', '信用等级（由评分决定） Credit grade, which follows from the score', CREDIT_GRADES);

  builder.node(CreditRating, {
    description: '信用评级 A credit rating of a registered household',
    scope: { area: (rating) => rating.villageCode },
    id: { resolve: (rating) => rating.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => hasProperties(value, 'score', 'grade', 'rater'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => ratingLoader(ctx).load(id)),
    fields: (t) => ({
      grade: t.field({ type: CreditGradeEnum, resolve: (rating) => rating.grade, description: '信用等级 Grade' }),
      score: t.exposeInt('score', { description: '评分（0–100） Score, 0–100' }),
      ratedOn: t.field({ type: 'Date', resolve: (rating) => rating.ratedOn, description: '评级日期 Date rated' }),
      rater: t.exposeString('rater', { description: '评级人或评级小组 Who rated: the village rating group or the officer' }),
      note: t.exposeString('note', { nullable: true, description: '备注 Note' }),
      recordedBy: t.exposeString('recordedBy', { description: '录入人 Who recorded it (principal id)' }),
      household: t.field({
        type: 'Household',
        description: '被评级户 The household rated',
        resolve: async (rating, _args, ctx) => (await householdLoader(ctx).load(rating.householdId))!,
      }),
    }),
  });

  builder.objectFields('Household', (t) => ({
    creditRating: t.field({
      type: CreditRating,
      nullable: true,
      description: '当前信用评级（最近一次） The current credit rating: the latest; null while never rated',
      resolve: async (household, _args, ctx) => (await ratingsByHouseholdLoader(ctx).load(household.id))[0] ?? null,
    }),
    creditRatings: t.field({
      type: [CreditRating],
      description: '评级历史，最近的在前 Every rating of the household, the latest first',
      resolve: (household, _args, ctx) => ratingsByHouseholdLoader(ctx).load(household.id),
    }),
  }));
}
