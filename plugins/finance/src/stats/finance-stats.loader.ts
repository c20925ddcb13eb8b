import { createContextCache } from '@pothos/core';
import { groupRows, moneyFromSql, plannedPerCall, rangeParameters, scopedRanges, SqlText, sumMoney, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { LOAN_STATUSES, type LoanStatus } from '../loan/loan-enums.js';
import { CREDIT_GRADES, type CreditGrade } from '../rating/rating-grade.js';
import { financeSettingsOf } from '../settings/finance-settings.js';
import { FINANCE_BLOCKS, statsSql, type FinanceBlock } from './finance-stats.sql.js';
import type { StatusSet } from './loan-status-sets.js';

export interface GradeCount {
  grade: CreditGrade;
  households: number;
}

export interface StatusFigures {
  status: LoanStatus;
  count: number;
  /** Households holding a loan in this status (one with several counts once). */
  households: number;
  principal: string;
  outstanding: string;
}

/** An area's 金融扶贫 figures as of a date (each figure counts what existed on that day). */
export interface FinanceFigures {
  asOf: string;
  registeredHouseholds: number;
  ratedHouseholds: number;
  /** Households by their current grade on the day, in grade order, grades with any household. */
  byGrade: GradeCount[];
  creditLineHouseholds: number;
  creditLinePeople: number;
  creditGranted: string;
  loanCount: number;
  borrowingHouseholds: number;
  amountLent: string;
  outstanding: string;
  /** Loans by status on the day, in the vocabulary's order, statuses with any loan. */
  byStatus: StatusFigures[];
  /** Households with a loan in each set of statuses that day, each counted once (loan-status-sets.ts). */
  householdsIn: Record<StatusSet, number>;
  subsidyPayments: number;
  /** Households whose loans got the subsidies counted in `subsidyPayments`. */
  subsidisedHouseholds: number;
  subsidiesPaid: string;
  riskPools: number;
  riskPoolBalance: string;
  lendingCapacity: string;
  riskClaims: number;
  /** Households whose loans the claims counted in `riskClaims` were paid for. */
  claimHouseholds: number;
  riskClaimsPaid: string;
}

interface StatsRow {
  code: string;
  block: FinanceBlock;
  key: string | null;
  n: string;
  m: string;
  a: string | null;
  b: string | null;
}

const GRADE_ORDER = Object.keys(CREDIT_GRADES);
const STATUS_ORDER = Object.keys(LOAN_STATUSES);

/** Adds up the rows of one area (an area may come in several scope ranges; they never overlap). */
function assemble(asOf: string, rows: readonly StatsRow[]): FinanceFigures {
  const figures: FinanceFigures = {
    asOf,
    registeredHouseholds: 0,
    ratedHouseholds: 0,
    byGrade: [],
    creditLineHouseholds: 0,
    creditLinePeople: 0,
    creditGranted: '0.00',
    loanCount: 0,
    borrowingHouseholds: 0,
    amountLent: '0.00',
    outstanding: '0.00',
    byStatus: [],
    householdsIn: { OWING: 0, PAST_DUE: 0, DEFAULTED: 0 },
    subsidyPayments: 0,
    subsidisedHouseholds: 0,
    subsidiesPaid: '0.00',
    riskPools: 0,
    riskPoolBalance: '0.00',
    lendingCapacity: '0.00',
    riskClaims: 0,
    claimHouseholds: 0,
    riskClaimsPaid: '0.00',
  };
  const grades = new Map<CreditGrade, number>();
  const statuses = new Map<LoanStatus, StatusFigures>();
  // Households by status and by set of statuses (a set of one status shares its key).
  const householdsBy = new Map<string, number>();
  for (const row of rows) {
    const n = Number(row.n);
    const a = moneyFromSql(row.a);
    const b = moneyFromSql(row.b);
    switch (row.block) {
      case 'households':
        figures.registeredHouseholds += n;
        break;
      case 'rated':
        figures.ratedHouseholds += n;
        break;
      case 'grade':
        grades.set(row.key as CreditGrade, (grades.get(row.key as CreditGrade) ?? 0) + n);
        break;
      case 'lines':
        figures.creditLineHouseholds += n;
        figures.creditGranted = sumMoney(figures.creditGranted, a);
        break;
      case 'linePeople':
        figures.creditLinePeople += Number(row.m);
        break;
      case 'loans': {
        const status = row.key as LoanStatus;
        const seen = statuses.get(status) ?? { status, count: 0, households: 0, principal: '0.00', outstanding: '0.00' };
        statuses.set(status, { ...seen, count: seen.count + n, principal: sumMoney(seen.principal, a), outstanding: sumMoney(seen.outstanding, b) });
        break;
      }
      case 'loanHouseholds':
        householdsBy.set(row.key!, (householdsBy.get(row.key!) ?? 0) + n);
        break;
      case 'borrowers':
        figures.borrowingHouseholds += n;
        break;
      case 'subsidies':
        figures.subsidyPayments += n;
        figures.subsidiesPaid = sumMoney(figures.subsidiesPaid, a);
        break;
      case 'subsidyHouseholds':
        figures.subsidisedHouseholds += n;
        break;
      case 'pools':
        figures.riskPools += n;
        figures.riskPoolBalance = sumMoney(figures.riskPoolBalance, a);
        figures.lendingCapacity = sumMoney(figures.lendingCapacity, b);
        break;
      case 'claims':
        figures.riskClaims += n;
        figures.riskClaimsPaid = sumMoney(figures.riskClaimsPaid, a);
        break;
      case 'claimHouseholds':
        figures.claimHouseholds += n;
        break;
    }
  }
  figures.byGrade = [...grades].map(([grade, households]) => ({ grade, households })).sort((x, y) => GRADE_ORDER.indexOf(x.grade) - GRADE_ORDER.indexOf(y.grade));
  // Rated households come from the grades when those were read (the selection reads one or the other).
  if (grades.size > 0) figures.ratedHouseholds = figures.byGrade.reduce((total, g) => total + g.households, 0);
  figures.byStatus = [...statuses.values()]
    .map((s) => ({ ...s, households: householdsBy.get(s.status) ?? 0 }))
    .sort((x, y) => STATUS_ORDER.indexOf(x.status) - STATUS_ORDER.indexOf(y.status));
  figures.householdsIn = { OWING: householdsBy.get('OWING') ?? 0, PAST_DUE: householdsBy.get('PAST_DUE') ?? 0, DEFAULTED: householdsBy.get('DEFAULTED') ?? 0 };
  figures.loanCount = figures.byStatus.reduce((total, s) => total + s.count, 0);
  figures.amountLent = sumMoney('0', ...figures.byStatus.map((s) => s.principal));
  figures.outstanding = sumMoney('0', ...figures.byStatus.map((s) => s.outstanding));
  return figures;
}

/** The key of an area's figures on a day, as far as these blocks go. */
export function statsKey(code: string, asOf: string, blocks: readonly FinanceBlock[] = FINANCE_BLOCKS): string {
  return `${asOf}|${blocks.join(',')}|${code}`;
}

/**
 * The finance figures of areas (each with its whole subtree) as of a day, within the caller's
 * scope: one statement per batch of areas, day and set of blocks (a page of villages asks for
 * one day and one selection). Figures of blocks not read stay zero: no field reads them.
 */
export const financeStatsLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<string, FinanceFigures>(async (keys) => {
      const byRequest = new Map<string, string[]>();
      for (const key of keys) {
        const at = key.lastIndexOf('|');
        const request = key.slice(0, at);
        const codes = byRequest.get(request);
        if (codes) codes.push(key.slice(at + 1));
        else byRequest.set(request, [key.slice(at + 1)]);
      }
      const defaultDays = financeSettingsOf(ctx.settings).defaultAfterDays;
      const figures = new Map<string, FinanceFigures>();
      for (const [request, codes] of byRequest) {
        const [asOf, blockList] = request.split('|');
        const blocks = blockList.split(',') as FinanceBlock[];
        const ranges = scopedRanges(ctx, codes);
        const statement = plannedPerCall(new SqlText().append(statsSql(blocks), ...rangeParameters(ranges), asOf, defaultDays));
        const rows = ranges.length === 0 ? [] : await ctx.db.rows<StatsRow>(statement);
        groupRows(codes, rows, (row) => row.code).forEach((group, i) => figures.set(`${request}|${codes[i]}`, assemble(asOf, group)));
      }
      return keys.map((key) => figures.get(key)!);
    }),
);
