import { ConflictError, IssueCollector, todayOf, type TuopinContext } from '@tuopin/core';
import { requireRecordablePairing } from '../access/record-access.js';
import { checkAmount, checkCount, checkNotFuture, checkText, checkYear, optionalText } from '../shared/checks.js';
import { recordOnPairing } from '../shared/record-write.js';

export interface AgreementInput {
  pairingId: number;
  year: number;
  signedOn?: string | null;
  pledgedAmount: string;
  purpose?: string | null;
  targetExchanges?: number | null;
  targetWorkers?: number | null;
  targetPurchases?: string | null;
  targetInvestment?: string | null;
}

const AGREEMENT_CONSTRAINTS = {
  pairing_agreement_one_a_year: () => new ConflictError('year', '该结对关系本年度已有协议', 'This pairing has an agreement for that year already'),
};

/**
 * Records a yearly agreement (年度协议): the aid pledged and the targets. A pledge is never money
 * received: it stays here, and only funds received count as aid. One agreement a pairing a year,
 * within the pairing's years.
 */
export async function recordAgreement(ctx: TuopinContext, input: AgreementInput): Promise<number> {
  const purpose = optionalText(input.purpose);
  const signedOn = input.signedOn ?? null;
  const issues = new IssueCollector();
  const today = todayOf(ctx.settings);
  checkYear(issues, 'year', input.year, today);
  checkNotFuture(issues, 'signedOn', signedOn, today);
  checkAmount(issues, 'pledgedAmount', input.pledgedAmount, true);
  checkText(issues, 'purpose', purpose, 500, false);
  checkCount(issues, 'targetExchanges', input.targetExchanges);
  checkCount(issues, 'targetWorkers', input.targetWorkers);
  if (input.targetPurchases != null) checkAmount(issues, 'targetPurchases', input.targetPurchases, true);
  if (input.targetInvestment != null) checkAmount(issues, 'targetInvestment', input.targetInvestment, true);
  issues.throwIfAny();
  const pairing = await requireRecordablePairing(ctx, input.pairingId);
  const years = new IssueCollector();
  if (input.year < pairing.startYear || (pairing.endYear != null && input.year > pairing.endYear)) {
    years.add('year', `年度须在结对年度（${pairing.startYear}–${pairing.endYear ?? ''}）之内`, `The year must fall within the pairing's years (${pairing.startYear}–${pairing.endYear ?? ''})`);
  }
  years.throwIfAny();
  return recordOnPairing(
    ctx,
    pairing,
    'pairing_agreement',
    {
      year: input.year,
      signed_on: signedOn,
      pledged_amount: input.pledgedAmount,
      purpose,
      target_exchanges: input.targetExchanges ?? null,
      target_workers: input.targetWorkers ?? null,
      target_purchases: input.targetPurchases ?? null,
      target_investment: input.targetInvestment ?? null,
    },
    AGREEMENT_CONSTRAINTS,
  );
}
