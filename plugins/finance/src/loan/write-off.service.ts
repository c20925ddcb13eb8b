import {
  assertCanManageFundAt,
  ConflictError,
  inTransaction,
  IssueCollector,
  notFound,
  RuleViolationError,
  todayOf,
  ValidationError,
  type TuopinContext,
} from '@tuopin/core';
import { financeSettingsOf } from '../settings/finance-settings.js';
import { countyCodeOf } from '../shared/area-codes.js';
import { checkNotFuture, checkText } from '../shared/checks.js';
import { lockLoan } from './loan-lock.js';
import { loanLoader } from './loan.loaders.js';
import { positionsAsOf } from './loan-position.sql.js';

export interface WriteOffLoanInput {
  loanId: number;
  /** Today when omitted. */
  writtenOffOn?: string | null;
  reason: string;
}

const alreadyWrittenOff = () => new ConflictError('loanId', '该贷款已核销', 'The loan has been written off already');

/**
 * 核销: takes a defaulted loan off the books. Only a loan that is defaulted on the day may be
 * written off, once; a county's money officers decide it, as they do the pool's claims.
 */
export async function writeOffLoan(ctx: TuopinContext, input: WriteOffLoanInput): Promise<number> {
  const writtenOffOn = input.writtenOffOn ?? todayOf(ctx.settings);
  const reason = input.reason.trim();
  const issues = new IssueCollector();
  checkNotFuture(issues, 'writtenOffOn', writtenOffOn, todayOf(ctx.settings));
  checkText(issues, 'reason', reason, 500, true);
  issues.throwIfAny();

  const loan = await loanLoader(ctx).load(input.loanId);
  if (!loan) throw notFound('loanId', '贷款', 'Loan');
  assertCanManageFundAt(ctx, countyCodeOf(loan.villageCode), 'loanId');
  if (writtenOffOn < loan.disbursedOn) {
    throw ValidationError.of('writtenOffOn', '核销日期不能早于放款日期', 'A write-off cannot be dated before the loan was disbursed');
  }

  await inTransaction(ctx, { finance_loan_write_off_pkey: alreadyWrittenOff }, async (em) => {
    await lockLoan(em, loan.id);
    const position = (await positionsAsOf(ctx, [loan.id], writtenOffOn, financeSettingsOf(ctx.settings).defaultAfterDays)).get(loan.id)!;
    if (position.status === 'WRITTEN_OFF' || (await em.execute('select 1 from finance_loan_write_off where loan_id = ?', [loan.id])).length > 0) {
      throw alreadyWrittenOff();
    }
    if (position.status !== 'DEFAULTED') {
      throw new RuleViolationError('loanId', `只能核销不良贷款（该贷款在核销日为${position.status}）`, `Only a defaulted loan can be written off; on that day this one is ${position.status}`);
    }
    await em.execute(
      'insert into finance_loan_write_off (loan_id, village_code, written_off_on, reason, recorded_by) values (?, ?, ?, ?, ?)',
      [loan.id, loan.villageCode, writtenOffOn, reason, ctx.principal.id],
    );
  });
  return loan.id;
}
