import {
  compareMoney,
  disburseFunds,
  formatMoney,
  inTransaction,
  IssueCollector,
  parseMoney,
  requireManagedAllocation,
  RuleViolationError,
  subtreeRange,
  todayOf,
  type TuopinContext,
} from '@tuopin/core';
import { lockRelocatedHousehold, requireRelocatedHousehold } from '../household/household-lock.js';
import { APPROVED_OR_LATER } from '../household/life-cycle.js';
import { relocationFiguresFor, relocationSettingsOf } from '../settings/relocation-settings.js';
import { checkNotFuture, checkText } from '../shared/checks.js';

export interface PaySubsidyInput {
  relocatedHouseholdId: number;
  /** The allocation of a RELOCATION project, covering the household's village, that pays. */
  allocationId: number;
  amount: string;
  paidOn?: string | null;
  voucherNo: string;
}

/** True when `code` is the area `areaCode` or lies under it. */
function isWithinArea(code: string, areaCode: string): boolean {
  const { lo, hi } = subtreeRange(areaCode);
  return code >= lo && code <= hi;
}

/**
 * 搬迁补助: a building subsidy paid to a relocated household, through core's ledger. The county's
 * relocation programme is a core project of category RELOCATION whose place covers the household's
 * village, funded by allocations; each subsidy is a disbursement against one, made by core's
 * `disburseFunds` inside this transaction, so it never exceeds the allocation or the fund and shows
 * in their figures like any payment; a mistake is corrected with `reverseLedgerEntry`.
 *
 * Refused, writing nothing: a household never approved (no agreement signed), and, where a
 * subsidy per person is configured for its province and year, more in total than that × people moved.
 */
export async function payRelocationSubsidy(ctx: TuopinContext, input: PaySubsidyInput): Promise<number> {
  const relocated = await requireRelocatedHousehold(ctx, input.relocatedHouseholdId);
  const paidOn = input.paidOn ?? todayOf(ctx.settings);
  const issues = new IssueCollector();
  checkNotFuture(issues, 'paidOn', paidOn, todayOf(ctx.settings));
  checkText(issues, 'voucherNo', input.voucherNo, 64, '报账凭证号', 'The voucher number');
  const amountFen = parseMoney(input.amount);
  if (amountFen === null || amountFen <= 0n) issues.add('amount', '补助金额须大于0', 'The amount must be more than 0');
  issues.throwIfAny();

  const allocation = await requireManagedAllocation(ctx, input.allocationId);
  const [project] = await ctx.em.execute<{ category: string }[]>('select category from project where id = ?', [allocation.projectId]);
  if (project.category !== 'RELOCATION' || !isWithinArea(relocated.villageCode, allocation.projectPlaceCode)) {
    throw new RuleViolationError(
      'allocationId',
      '须使用覆盖搬迁户迁出地的易地扶贫搬迁项目的资金安排',
      'Pay from an allocation of a RELOCATION project whose place covers the household\'s village',
    );
  }

  return inTransaction(ctx, {}, async (em) => {
    const household = await lockRelocatedHousehold(em, input.relocatedHouseholdId);
    if (household.agreement_date === null || !APPROVED_OR_LATER.includes(household.status)) {
      throw new RuleViolationError('relocatedHouseholdId', '该户未经审批（未签订腾退协议），不能发放搬迁补助', 'The household was never approved (no demolition agreement); no subsidy can be paid');
    }
    const standard = relocationFiguresFor(relocationSettingsOf(ctx.settings), household.village_code, household.plan_year).subsidyPerPersonFen;
    if (standard !== null) {
      const [{ paid }] = await em.execute<{ paid: string }[]>(
        `select coalesce(sum(s.amount), 0)::text as paid from relocation_subsidy_payment s
         where s.relocated_household_id = ? and not exists (select 1 from ledger_entry r where r.reverses_id = s.ledger_entry_id)`,
        [household.id],
      );
      const entitled = formatMoney(standard * BigInt(household.people_moved));
      if (compareMoney(formatMoney(parseMoney(paid)! + amountFen!), entitled) > 0) {
        throw new RuleViolationError(
          'amount',
          `补助合计不能超过标准 ${formatMoney(standard)} 元/人 × ${household.people_moved} 人 = ${entitled} 元（已付 ${paid} 元）`,
          `Subsidies may not exceed ${formatMoney(standard)} yuan per person × ${household.people_moved} people = ${entitled} yuan (paid so far: ${paid})`,
        );
      }
    }
    // Core's ledger checks the allocation, the fund, the project's status and the caller's right
    // to pay, under its own locks, inside this transaction.
    const entryId = await disburseFunds(
      { ...ctx, em },
      { allocationId: input.allocationId, amount: formatMoney(amountFen!), date: paidOn, voucherNo: input.voucherNo.trim(), memo: '易地扶贫搬迁补助 Relocation subsidy' },
    );
    const [row] = await em.execute<{ id: number }[]>(
      `insert into relocation_subsidy_payment (relocated_household_id, village_code, ledger_entry_id, amount, paid_on, recorded_by)
       values (?, ?, ?, ?, ?, ?) returning id`,
      [household.id, household.village_code, entryId, formatMoney(amountFen!), paidOn, ctx.principal.id],
    );
    await em.execute('update relocation_household set updated_at = clock_timestamp() where id = ?', [household.id]);
    return row.id;
  });
}
