import { compareMoney, formatMoney, IssueCollector } from '@tuopin/core';
import { benchmarkRateFor, type FinanceSettings } from '../settings/finance-settings.js';
import { checkNotFuture, checkText } from '../shared/checks.js';
import { hundredthsOf, formatHundredths } from '../shared/hundredths.js';

export interface LoanTerms {
  principal: string;
  termMonths: number;
  /** Percent a year; the benchmark for the term when omitted. */
  annualRate?: number | null;
  disbursedOn: string;
  purpose: string;
}

/**
 * The terms of a poverty micro-loan against the configured policy: principal and term within the
 * limits, a rate no higher than the benchmark for the term. Throws every problem at once; returns
 * the rate to lend at, as a percent string.
 */
export function checkLoanTerms(settings: FinanceSettings, terms: LoanTerms, today: string): string {
  const issues = new IssueCollector();
  const maxPrincipal = formatMoney(settings.maxPrincipalFen);
  if (compareMoney(terms.principal, '0') <= 0) issues.add('principal', '贷款本金须大于零', 'The principal must be greater than zero');
  else if (compareMoney(terms.principal, maxPrincipal) > 0) {
    issues.add('principal', `扶贫小额信贷单笔不能超过${maxPrincipal}元`, `A poverty micro-loan is at most ${maxPrincipal} yuan`);
  }
  const termValid = Number.isInteger(terms.termMonths) && terms.termMonths >= 1 && terms.termMonths <= settings.maxTermMonths;
  if (!termValid) issues.add('termMonths', `贷款期限须为1到${settings.maxTermMonths}个月`, `The term is 1 to ${settings.maxTermMonths} months`);
  let basisPoints = termValid ? benchmarkRateFor(settings, terms.termMonths) : 0;
  if (terms.annualRate != null) {
    const given = hundredthsOf(terms.annualRate);
    if (given === null) issues.add('annualRate', '年利率须为最多两位小数的百分数，如4.35', 'The annual rate is a percentage with at most two decimals, e.g. 4.35');
    else if (termValid && given > basisPoints) {
      issues.add('annualRate', `不能高于基准利率${formatHundredths(basisPoints)}%`, `The rate cannot exceed the benchmark rate of ${formatHundredths(basisPoints)} %`);
    } else basisPoints = given;
  }
  checkNotFuture(issues, 'disbursedOn', terms.disbursedOn, today);
  checkText(issues, 'purpose', terms.purpose, 200, true);
  issues.throwIfAny();
  return formatHundredths(basisPoints);
}
