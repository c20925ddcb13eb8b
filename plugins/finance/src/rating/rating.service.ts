import {
  ConflictError,
  householdLoader,
  inTransaction,
  IssueCollector,
  notFound,
  todayOf,
  type TuopinContext,
} from '@tuopin/core';
import { checkNotFuture, checkText, optionalText } from '../shared/checks.js';
import { CreditRatingSchema } from './credit-rating.entity.js';
import { gradeOfScore } from './rating-grade.js';
import { assertCanManageLendingIn } from '../access/lending-access.js';

export interface RateHouseholdInput {
  householdId: number;
  score: number;
  /** Today when omitted. */
  ratedOn?: string | null;
  rater: string;
  note?: string | null;
}

const sameDay = () => new ConflictError('ratedOn', '该户当天已有评级记录', 'The household already has a rating on this date');

/** 评级: records a rating of a registered household; the grade follows from the score. Returns its id. */
export async function rateHousehold(ctx: TuopinContext, input: RateHouseholdInput): Promise<number> {
  const ratedOn = input.ratedOn ?? todayOf(ctx.settings);
  const rater = input.rater.trim();
  const note = optionalText(input.note);
  const issues = new IssueCollector();
  if (!Number.isInteger(input.score) || input.score < 0 || input.score > 100) issues.add('score', '评分须为0到100的整数', 'The score is a whole number from 0 to 100');
  checkNotFuture(issues, 'ratedOn', ratedOn, todayOf(ctx.settings));
  checkText(issues, 'rater', rater, 128, true);
  checkText(issues, 'note', note, 500, false);
  issues.throwIfAny();

  const household = await householdLoader(ctx).load(input.householdId);
  if (!household) throw notFound('householdId', '户', 'Household');
  assertCanManageLendingIn(ctx, household.villageCode, 'householdId');
  if (await ctx.em.count(CreditRatingSchema, { householdId: household.id, ratedOn })) throw sameDay();

  return inTransaction(ctx, { finance_credit_rating_household_date_unique: sameDay }, async (em) => {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into finance_credit_rating (household_id, village_code, grade, score, rated_on, rater, note, recorded_by)
       values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [household.id, household.villageCode, gradeOfScore(input.score), input.score, ratedOn, rater, note, ctx.principal.id],
    );
    return row.id;
  });
}
