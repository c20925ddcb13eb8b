import {
  compareMoney,
  ConflictError,
  inTransaction,
  IssueCollector,
  notFound,
  RuleViolationError,
  subtractMoney,
  sumMoney,
  todayOf,
  ValidationError,
  type TuopinContext,
} from '@tuopin/core';
import { lockLoan } from '../loan/loan-lock.js';
import { loanLoader } from '../loan/loan.loaders.js';
import { ALL_RECORDED, positionsAsOf } from '../loan/loan-position.sql.js';
import { financeSettingsOf } from '../settings/finance-settings.js';
import { checkNotFuture, checkText, optionalText } from '../shared/checks.js';
import { assertCanManageLendingIn } from '../access/lending-access.js';

export interface RecordRepaymentInput {
  loanId: number;
  principal: string;
  interest: string;
  /** Today when omitted. */
  repaidOn?: string | null;
  voucherNo?: string | null;
}

/** One repayment a voucher on a loan: the form sent twice, or twice at once, meets this index. */
const REPAYMENT_ONCE = {
  finance_repayment_voucher_once: () => new ConflictError('voucherNo', '该贷款已登记此凭证号的还款', 'A repayment with this voucher number is recorded for the loan already'),
};

/**
 * 还款: records what a borrower paid. Neither part may exceed what is outstanding — the principal
 * still owed, the scheduled interest not yet paid — as it stands under the loan's lock.
 */
export async function recordRepayment(ctx: TuopinContext, input: RecordRepaymentInput): Promise<number> {
  const today = todayOf(ctx.settings);
  const repaidOn = input.repaidOn ?? today;
  const voucherNo = optionalText(input.voucherNo);
  const issues = new IssueCollector();
  for (const field of ['principal', 'interest'] as const) {
    if (compareMoney(input[field], '0') < 0) issues.add(field, '金额不能为负数', 'The amount cannot be negative');
  }
  if (compareMoney(sumMoney(input.principal, input.interest), '0') <= 0) {
    issues.add('principal', '本金和利息不能都为零', 'A repayment pays some principal or some interest');
  }
  checkNotFuture(issues, 'repaidOn', repaidOn, today);
  checkText(issues, 'voucherNo', voucherNo, 64, false);
  issues.throwIfAny();

  const loan = await loanLoader(ctx).load(input.loanId);
  if (!loan) throw notFound('loanId', '贷款', 'Loan');
  assertCanManageLendingIn(ctx, loan.villageCode, 'loanId');
  if (repaidOn < loan.disbursedOn) {
    throw ValidationError.of('repaidOn', `还款日期不能早于放款日期（${loan.disbursedOn}）`, `A repayment cannot be dated before the loan was disbursed (${loan.disbursedOn})`);
  }

  return inTransaction(ctx, REPAYMENT_ONCE, async (em) => {
    await lockLoan(em, loan.id);
    const position = (await positionsAsOf(ctx, [loan.id], ALL_RECORDED, financeSettingsOf(ctx.settings).defaultAfterDays)).get(loan.id)!;
    if (position.status === 'WRITTEN_OFF') {
      throw new RuleViolationError('loanId', '该贷款已核销，不能再记录还款', 'The loan has been written off; no repayment can be recorded against it');
    }
    const principalOwed = subtractMoney(loan.principal, position.principalRepaid);
    if (compareMoney(input.principal, principalOwed) > 0) {
      throw new RuleViolationError('principal', `超出未还本金（${principalOwed}元）`, `The principal exceeds what is still owed (${principalOwed} yuan)`);
    }
    const interestOwed = subtractMoney(position.interestScheduled, position.interestRepaid);
    if (compareMoney(input.interest, interestOwed) > 0) {
      throw new RuleViolationError('interest', `超出未付利息（${interestOwed}元）`, `The interest exceeds what is still unpaid (${interestOwed} yuan)`);
    }
    const [row] = await em.execute<{ id: number }[]>(
      `insert into finance_repayment (loan_id, village_code, principal, interest, repaid_on, voucher_no, recorded_by)
       values (?, ?, ?, ?, ?, ?, ?) returning id`,
      [loan.id, loan.villageCode, input.principal, input.interest, repaidOn, voucherNo, ctx.principal.id],
    );
    return row.id;
  });
}
