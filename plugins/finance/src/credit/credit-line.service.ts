import {
  compareMoney,
  ConflictError,
  householdLoader,
  inTransaction,
  IssueCollector,
  notFound,
  RuleViolationError,
  todayOf,
  type TuopinContext,
} from '@tuopin/core';
import { lenderRefLoader } from '../lender/lender.loaders.js';
import { CreditRatingSchema } from '../rating/credit-rating.entity.js';
import { creditLimitFor, financeSettingsOf } from '../settings/finance-settings.js';
import { isWithinArea } from '../shared/area-codes.js';
import { checkPositiveAmount } from '../shared/checks.js';
import { monthsSpanned } from '../shared/dates.js';
import { CreditLineSchema } from './credit-line.entity.js';
import { assertCanManageLendingIn } from '../access/lending-access.js';

export interface GrantCreditLineInput {
  householdId: number;
  lenderId: number;
  amount: string;
  /** Today when omitted. */
  validFrom?: string | null;
  validUntil: string;
}

const overlap = () =>
  new ConflictError('validFrom', '该户在此期间已有授信，授信期不能重叠', 'The household already has a credit line in this period; lines may not overlap');

/**
 * 授信: grants a rated household a credit line from a lender that serves its county. The
 * household's current rating on the first day decides whether it may have one and how large;
 * lines of a household never overlap (an exclusion constraint holds that under concurrency).
 */
export async function grantCreditLine(ctx: TuopinContext, input: GrantCreditLineInput): Promise<number> {
  const settings = financeSettingsOf(ctx.settings);
  const validFrom = input.validFrom ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  checkPositiveAmount(issues, 'amount', input.amount);
  if (input.validUntil < validFrom) issues.add('validUntil', '授信截止日不能早于起始日', 'The line cannot end before it starts');
  else if (monthsSpanned(validFrom, input.validUntil) > settings.maxCreditLineMonths) {
    issues.add('validUntil', `授信期限不能超过${settings.maxCreditLineMonths}个月`, `A credit line lasts at most ${settings.maxCreditLineMonths} months`);
  }
  issues.throwIfAny();

  const household = await householdLoader(ctx).load(input.householdId);
  if (!household) throw notFound('householdId', '户', 'Household');
  assertCanManageLendingIn(ctx, household.villageCode, 'householdId');
  const lender = await lenderRefLoader(ctx).load(input.lenderId);
  if (!lender) throw notFound('lenderId', '贷款机构', 'Lender');
  if (!isWithinArea(household.villageCode, lender.areaCode)) {
    throw new RuleViolationError('lenderId', '该贷款机构不服务于该户所在地区', 'This lender does not serve the area the household lives in');
  }

  const rating = await ctx.em.findOne(
    CreditRatingSchema,
    { householdId: household.id, ratedOn: { $lte: validFrom } },
    { orderBy: { ratedOn: 'desc', id: 'desc' } },
  );
  if (!rating) throw new RuleViolationError('householdId', '该户尚未评级，不能授信', 'The household has not been rated; only rated households get credit lines');
  const limit = creditLimitFor(settings, rating.grade);
  if (limit === null) {
    throw new RuleViolationError('householdId', `信用等级为${rating.grade}，不能授信`, `A household rated ${rating.grade} cannot be granted a credit line`);
  }
  if (compareMoney(input.amount, limit) > 0) {
    throw new RuleViolationError('amount', `超出${rating.grade}级授信上限（${limit}元）`, `The amount exceeds the limit for grade ${rating.grade} (${limit} yuan)`);
  }
  const overlapping = await ctx.em.count(CreditLineSchema, { householdId: household.id, validFrom: { $lte: input.validUntil }, validUntil: { $gte: validFrom } });
  if (overlapping) throw overlap();

  return inTransaction(ctx, { finance_credit_line_no_overlap: overlap }, async (em) => {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into finance_credit_line (household_id, village_code, lender_id, rating_id, amount, valid_from, valid_until, granted_by)
       values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [household.id, household.villageCode, lender.id, rating.id, input.amount, validFrom, input.validUntil, ctx.principal.id],
    );
    return row.id;
  });
}
