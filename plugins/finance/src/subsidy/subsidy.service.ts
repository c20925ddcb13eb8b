import {
  compareMoney,
  ConflictError,
  disburseFunds,
  inTransaction,
  IssueCollector,
  notFound,
  requireManagedAllocation,
  RuleViolationError,
  todayOf,
  type TuopinContext,
} from '@tuopin/core';
import { lockLoan } from '../loan/loan-lock.js';
import { installmentsLoader, loanLoader } from '../loan/loan.loaders.js';
import { ALL_RECORDED, positionsAsOf } from '../loan/loan-position.sql.js';
import { financeSettingsOf } from '../settings/finance-settings.js';
import { isWithinArea } from '../shared/area-codes.js';
import { checkNotFuture, checkText, optionalText } from '../shared/checks.js';

export interface PayInterestSubsidyInput {
  loanId: number;
  /** The instalment whose interest is subsidised (its `seq`, from 1). */
  installment: number;
  /** The allocation of a 金融扶贫 project that pays. */
  allocationId: number;
  /** Today when omitted. */
  paidOn?: string | null;
  voucherNo: string;
}

const alreadySubsidised = () => new ConflictError('installment', '该期利息已贴息', 'This instalment\'s interest has been subsidised already');

/**
 * The allocation's project: its category and place decide which loans it may subsidise. Read
 * only after core has checked that the caller may pay against the allocation, so that nothing
 * about an allocation outside his scope shows in the answer.
 */
async function allocationProject(ctx: TuopinContext, allocationId: number) {
  const allocation = await requireManagedAllocation(ctx, allocationId);
  const [row] = await ctx.em.execute<{ category: string }[]>('select category from project where id = ?', [allocation.projectId]);
  return { category: row.category, place_code: allocation.projectPlaceCode };
}

/**
 * 贴息: pays the interest of one instalment of a loan out of a fund, through core's ledger.
 *
 * A county's interest-subsidy programme is a core project of category FINANCIAL_SERVICES; a fund
 * is allocated to it, and each subsidy is a disbursement against that allocation made by core's
 * own `disburseFunds` — so a subsidy never exceeds the allocation or the fund, however many are
 * paid at once, and shows in the fund's execution rate like any payment. The disbursement joins
 * this transaction (a savepoint inside it): if anything after it fails, it is rolled back too.
 *
 * 先缴后补: the borrower must have paid the instalment's interest first; each instalment is
 * subsidised once (a subsidy whose ledger entry was reversed no longer counts).
 */
export async function payInterestSubsidy(ctx: TuopinContext, input: PayInterestSubsidyInput): Promise<number> {
  const paidOn = input.paidOn ?? todayOf(ctx.settings);
  const voucherNo = optionalText(input.voucherNo);
  const issues = new IssueCollector();
  checkNotFuture(issues, 'paidOn', paidOn, todayOf(ctx.settings));
  checkText(issues, 'voucherNo', voucherNo, 64, true);
  issues.throwIfAny();

  const loan = await loanLoader(ctx).load(input.loanId);
  if (!loan) throw notFound('loanId', '贷款', 'Loan');
  const installment = (await installmentsLoader(ctx).load(loan.id)).find((i) => i.seq === input.installment);
  if (!installment) throw notFound('installment', '该期还款计划', 'Instalment');
  if (compareMoney(installment.interestDue, '0') <= 0) {
    throw new RuleViolationError('installment', '该期没有利息，无需贴息', 'This instalment carries no interest to subsidise');
  }
  const project = await allocationProject(ctx, input.allocationId);
  if (project.category !== 'FINANCIAL_SERVICES' || !isWithinArea(loan.villageCode, project.place_code)) {
    throw new RuleViolationError(
      'allocationId',
      '须使用覆盖借款人所在地的金融扶贫（贴息）项目的资金安排',
      'Pay from an allocation of a FINANCIAL_SERVICES (interest-subsidy) project whose place covers the borrower\'s village',
    );
  }

  return inTransaction(ctx, {}, async (em) => {
    await lockLoan(em, loan.id);
    const position = (await positionsAsOf(ctx, [loan.id], ALL_RECORDED, financeSettingsOf(ctx.settings).defaultAfterDays)).get(loan.id)!;
    if (compareMoney(position.interestRepaid, installment.interestThrough) < 0) {
      throw new RuleViolationError('installment', '借款人尚未付清该期利息（先缴后补）', 'The borrower has not yet paid this instalment\'s interest; it is refunded after it is paid');
    }
    const live = await em.execute(
      `select 1 from finance_subsidy_payment s
       where s.loan_id = ? and s.installment_seq = ? and not exists (select 1 from ledger_entry r where r.reverses_id = s.ledger_entry_id)`,
      [loan.id, installment.seq],
    );
    if (live.length > 0) throw alreadySubsidised();

    // Core's ledger checks the allocation, the fund, the project's status and the caller's
    // right to pay from the fund, under its own locks, inside this transaction.
    const entryId = await disburseFunds(
      { ...ctx, em },
      {
        allocationId: input.allocationId,
        amount: installment.interestDue,
        date: paidOn,
        voucherNo,
        memo: `扶贫小额信贷贴息 第${installment.seq}期 Interest subsidy on a poverty-relief microloan, instalment ${installment.seq}`,
      },
    );
    const [row] = await em.execute<{ id: number }[]>(
      `insert into finance_subsidy_payment (loan_id, installment_seq, village_code, ledger_entry_id, amount, paid_on, recorded_by)
       values (?, ?, ?, ?, ?, ?, ?) returning id`,
      [loan.id, installment.seq, loan.villageCode, entryId, installment.interestDue, paidOn, ctx.principal.id],
    );
    return row.id;
  });
}
