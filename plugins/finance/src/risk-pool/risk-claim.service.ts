import { assertCanManageFundAt, compareMoney, inTransaction, IssueCollector, moneyFromSql, notFound, RuleViolationError, subtractMoney, todayOf, type TuopinContext, ValidationError } from '@tuopin/core';
import { lockLoan } from '../loan/loan-lock.js';
import { loanLoader } from '../loan/loan.loaders.js';
import { positionsAsOf } from '../loan/loan-position.sql.js';
import { financeSettingsOf } from '../settings/finance-settings.js';
import { countyCodeOf } from '../shared/area-codes.js';
import { checkNotFuture, checkPositiveAmount, checkText } from '../shared/checks.js';
import { lockPool } from './risk-pool.sql.js';

export interface FileRiskClaimInput {
  loanId: number;
  amount: string;
  /** Today when omitted. */
  claimedOn?: string | null;
  reason: string;
}

/**
 * 风险代偿: compensates the lender of a defaulted (or written-off) loan from the county's pool.
 * The claims on a loan never exceed the principal it left unpaid, and a claim never takes the
 * pool below zero: the loan's lock, then the pool's, are held while both are checked.
 */
export async function fileRiskClaim(ctx: TuopinContext, input: FileRiskClaimInput): Promise<number> {
  const claimedOn = input.claimedOn ?? todayOf(ctx.settings);
  const reason = input.reason.trim();
  const issues = new IssueCollector();
  checkPositiveAmount(issues, 'amount', input.amount);
  checkNotFuture(issues, 'claimedOn', claimedOn, todayOf(ctx.settings));
  checkText(issues, 'reason', reason, 500, true);
  issues.throwIfAny();

  const loan = await loanLoader(ctx).load(input.loanId);
  if (!loan) throw notFound('loanId', '贷款', 'Loan');
  const countyCode = countyCodeOf(loan.villageCode);
  assertCanManageFundAt(ctx, countyCode, 'loanId');
  if (claimedOn < loan.disbursedOn) throw ValidationError.of('claimedOn', '代偿日期不能早于放款日期', 'A claim cannot be dated before the loan was disbursed');

  return inTransaction(ctx, {}, async (em) => {
    await lockLoan(em, loan.id);
    const position = (await positionsAsOf(ctx, [loan.id], claimedOn, financeSettingsOf(ctx.settings).defaultAfterDays)).get(loan.id)!;
    if (position.status !== 'DEFAULTED' && position.status !== 'WRITTEN_OFF') {
      throw new RuleViolationError(
        'loanId',
        `只有不良或已核销的贷款才能申请风险代偿（该贷款在代偿日为${position.status}）`,
        `Only a defaulted or written-off loan can be claimed for; on that day this one is ${position.status}`,
      );
    }
    const [claimed] = await em.execute<{ total: string }[]>('select coalesce(sum(amount), 0)::text as total from finance_risk_claim where loan_id = ?', [loan.id]);
    const claimable = subtractMoney(subtractMoney(loan.principal, position.principalRepaid), moneyFromSql(claimed.total));
    if (compareMoney(input.amount, claimable) > 0) {
      throw new RuleViolationError('amount', `超出该贷款可代偿的未还本金（${claimable}元）`, `The claim exceeds the unpaid principal left to claim on this loan (${claimable} yuan)`);
    }
    const pool = await lockPool(em, countyCode);
    if (!pool) throw new RuleViolationError('loanId', '该县尚未设立风险补偿金', 'The county has no risk-compensation pool');
    if (compareMoney(input.amount, pool.balance) > 0) {
      throw new RuleViolationError('amount', `风险补偿金余额不足（${pool.balance}元）`, `The pool has only ${pool.balance} yuan left`);
    }
    const [row] = await em.execute<{ id: number }[]>(
      `insert into finance_risk_claim (pool_id, loan_id, village_code, amount, claimed_on, reason, recorded_by) values (?, ?, ?, ?, ?, ?, ?) returning id`,
      [pool.id, loan.id, loan.villageCode, input.amount, claimedOn, reason, ctx.principal.id],
    );
    return row.id;
  });
}
