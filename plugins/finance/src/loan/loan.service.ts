import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertCanUsePersonalData,
  compareMoney,
  householdLoader,
  inTransaction,
  membersByHouseholdLoader,
  notFound,
  RuleViolationError,
  subtractMoney,
  todayOf,
  type TuopinContext,
} from '@tuopin/core';
import { lendingCapacity, lockPool } from '../risk-pool/risk-pool.sql.js';
import { financeSettingsOf } from '../settings/finance-settings.js';
import { countyCodeOf } from '../shared/area-codes.js';
import { optionalText } from '../shared/checks.js';
import { atLeastZero } from '../shared/money.js';
import { ageOn } from '../shared/dates.js';
import type { LoanIndustry, RepaymentMethod } from './loan-enums.js';
import { checkLoanTerms } from './loan.rules.js';
import { insertSchedules } from './loan-schedule.sql.js';
import { areaOutstanding, householdOutstanding } from './outstanding.sql.js';
import { assertCanManageLendingIn } from '../access/lending-access.js';

export interface DisburseLoanInput {
  householdId: number;
  /** The member who borrows. */
  borrowerId: number;
  principal: string;
  termMonths: number;
  annualRate?: number | null;
  /** Today when omitted. */
  disbursedOn?: string | null;
  purpose: string;
  industry: LoanIndustry;
  repaymentMethod?: RepaymentMethod | null;
}

interface LockedLine {
  id: number;
  lender_id: number;
  amount: string;
}

/**
 * Locks every credit line of the household (in id order, so two writers never wait on each other
 * in a cycle) and returns the one valid on the day. Locking all of them, not only that one, also
 * queues a back-dated disbursement that would draw on an older line of the same household.
 */
async function lockLineValidOn(em: EntityManager, householdId: number, day: string): Promise<LockedLine | null> {
  const lines = await em.execute<(LockedLine & { valid_from: string; valid_until: string })[]>(
    'select id, lender_id, amount::text, valid_from, valid_until from finance_credit_line where household_id = ? order by id for update',
    [householdId],
  );
  return lines.find((line) => line.valid_from <= day && day <= line.valid_until) ?? null;
}

/**
 * 放贷: a poverty micro-loan to a member of a registered household, drawn on the household's
 * credit line, with its repayment schedule. Besides the terms (checkLoanTerms), two limits hold
 * under concurrency because each is checked under the lock of the row it is about:
 *
 * - the household's outstanding principal never exceeds its credit line (the line rows' lock);
 * - the county's outstanding lending never exceeds its risk pool × the leverage multiple (the
 *   pool row's lock, which every disbursement in the county takes after its lines).
 */
export async function disburseLoan(ctx: TuopinContext, input: DisburseLoanInput): Promise<number> {
  const settings = financeSettingsOf(ctx.settings);
  const today = todayOf(ctx.settings);
  const disbursedOn = input.disbursedOn ?? today;
  const purpose = optionalText(input.purpose) ?? '';
  const annualRate = checkLoanTerms(settings, { ...input, disbursedOn, purpose }, today);

  const household = await householdLoader(ctx).load(input.householdId);
  if (!household) throw notFound('householdId', '户', 'Household');
  assertCanManageLendingIn(ctx, household.villageCode, 'householdId');
  // The age rule reads the borrower's birth date: for a masked caller, "too young on that date"
  // (or its absence) on dates of his choosing would spell the birth date out.
  assertCanUsePersonalData(ctx, 'borrowerId', '借款人的出生日期（年龄）', "the borrower's birth date (age)");
  const borrower = (await membersByHouseholdLoader(ctx).load(household.id)).find((member) => member.id === input.borrowerId);
  if (!borrower) throw new RuleViolationError('borrowerId', '借款人须为该户的家庭成员', 'The borrower must be a member of this household');
  const age = ageOn(borrower.birthDate, disbursedOn);
  if (age < settings.borrowerAge.min || age > settings.borrowerAge.max) {
    throw new RuleViolationError(
      'borrowerId',
      `借款人放款时须年满${settings.borrowerAge.min}周岁且不超过${settings.borrowerAge.max}周岁（现${age}岁）`,
      `The borrower must be ${settings.borrowerAge.min} to ${settings.borrowerAge.max} years old on the disbursement date (is ${age})`,
    );
  }
  const countyCode = countyCodeOf(household.villageCode);

  return inTransaction(ctx, {}, async (em) => {
    const line = await lockLineValidOn(em, household.id, disbursedOn);
    if (!line) {
      throw new RuleViolationError('householdId', '该户在放款日没有有效授信', 'The household has no credit line valid on the disbursement date');
    }
    const available = atLeastZero(subtractMoney(line.amount, await householdOutstanding(em, household.id)));
    if (compareMoney(input.principal, available) > 0) {
      throw new RuleViolationError('principal', `超出该户授信可用额度（${available}元）`, `The principal exceeds what is left of the household's credit line (${available} yuan)`);
    }

    const pool = await lockPool(em, countyCode);
    if (!pool) {
      throw new RuleViolationError('householdId', '该县尚未设立风险补偿金，不能放贷', 'The county has no risk-compensation pool, so no loan can be made there');
    }
    const capacity = lendingCapacity(pool.balance, pool.leverageMultiple);
    const room = atLeastZero(subtractMoney(capacity, await areaOutstanding(em, countyCode)));
    if (compareMoney(input.principal, room) > 0) {
      throw new RuleViolationError(
        'principal',
        `超出全县贷款余额上限（风险补偿金×放大倍数＝${capacity}元，尚可放贷${room}元）`,
        `The county's lending would exceed its cap of risk pool × leverage multiple (${capacity} yuan; ${room} yuan left)`,
      );
    }

    const [loan] = await em.execute<{ id: number }[]>(
      `insert into finance_loan (household_id, member_id, village_code, lender_id, credit_line_id, principal, term_months, annual_rate,
         repayment_method, disbursed_on, maturity_date, purpose, industry, recorded_by)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date, (?::date + make_interval(months => ?))::date, ?, ?, ?) returning id`,
      [
        household.id, borrower.id, household.villageCode, line.lender_id, line.id, input.principal, input.termMonths, annualRate,
        input.repaymentMethod ?? 'QUARTERLY_INTEREST', disbursedOn, disbursedOn, input.termMonths, purpose, input.industry, ctx.principal.id,
      ],
    );
    await insertSchedules(em, [loan.id]);
    return loan.id;
  });
}
