import { createContextCache } from '@pothos/core';
import { groupRows, moneyFromSql, plannedPerCall, rangeParameters, scopedRanges, SqlText, sumMoney, type TuopinContext } from '@tuopin/core';
import DataLoader from 'dataloader';
import { LOAN_STATUSES, type LoanStatus } from '../loan/loan-enums.js';
import { LOAN_POSITION_JOINS } from '../loan/loan-position.sql.js';
import { CREDIT_GRADES, type CreditGrade } from '../rating/rating-grade.js';
import { financeSettingsOf } from '../settings/finance-settings.js';

export interface GradeCount {
  grade: CreditGrade;
  households: number;
}

export interface StatusFigures {
  status: LoanStatus;
  count: number;
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
  subsidyPayments: number;
  subsidiesPaid: string;
  riskPools: number;
  riskPoolBalance: string;
  lendingCapacity: string;
  riskClaims: number;
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

/** The blocks of the statistics statement: each a `union all` branch with its own rows. */
export const FINANCE_BLOCKS = ['households', 'rated', 'grade', 'lines', 'linePeople', 'loans', 'borrowers', 'subsidies', 'pools', 'claims'] as const;
export type FinanceBlock = (typeof FINANCE_BLOCKS)[number];

// One statement per batch of areas, over exactly the ranges the caller may see (core's
// `scopedRanges`), so the figures agree with the rows a caller can list. Ratings, lines, loans,
// subsidies and claims are placed by their own village code, pools by their county's. Only the
// blocks the request's fields read are in it (`blocksRead`): a report of loans does not rank
// every rating by date, nor look up the household of every credit line. It is planned for its
// values on each call (`plannedPerCall`): a village's ranges and a province's want different plans.
//
// Both CTEs are `not materialized`: every branch reads them, and a CTE read more than once is
// otherwise computed once and scanned, which hides the day and the ranges from the planner: a
// province's credit lines were then compared with every range, 12 million comparisons (4 s).
const STATS_WITH = `
  with r(code, lo, hi) as not materialized (select * from unnest(?::text[], ?::text[], ?::text[])),
  lp_params as not materialized (select ?::date as as_of, ?::int as default_days)`;

/**
 * A block counting the distinct households of a table's rows in each range, up to the day. Counted
 * range by range: one `count(distinct …)` over a whole province sorted its million ratings on disk.
 */
function householdsCounted(block: FinanceBlock, table: string, dayColumn: string): string {
  return `
  select r.code, '${block}' as block, null::text as key, x.n, 0::int8 as m, null::text as a, null::text as b
  from r cross join lp_params
  cross join lateral (
    select count(distinct t.household_id)::int8 as n from ${table} t
    where t.village_code between r.lo and r.hi and t.${dayColumn} <= lp_params.as_of
  ) x
  where x.n > 0`;
}

const BLOCK_SQL: Record<FinanceBlock, string> = {
  households: `
  select r.code, 'households' as block, null::text as key, count(*)::int8 as n, 0::int8 as m, null::text as a, null::text as b
  from r join household h on h.village_code between r.lo and r.hi
  group by r.code`,
  // Households rated by the day, when their grades are not asked for: counting them needs no ranking
  // of each household's ratings by date (a third of the time over a province's million ratings).
  rated: householdsCounted('rated', 'finance_credit_rating', 'rated_on'),
  grade: `
  select r.code, 'grade' as block, g.grade::text as key, count(*)::int8 as n, 0::int8 as m, null::text as a, null::text as b
  from r cross join lp_params
  join lateral (
    select distinct on (cr.household_id) cr.grade from finance_credit_rating cr
    where cr.village_code between r.lo and r.hi and cr.rated_on <= lp_params.as_of
    order by cr.household_id, cr.rated_on desc, cr.id desc
  ) g on true
  group by r.code, g.grade`,
  lines: `
  select r.code, 'lines' as block, null::text as key, count(*)::int8 as n, 0::int8 as m, sum(cl.amount)::text as a, null::text as b
  from r cross join lp_params
  join finance_credit_line cl on cl.village_code between r.lo and r.hi and lp_params.as_of between cl.valid_from and cl.valid_until
  group by r.code`,
  // The people of the line holders: a household lookup per line, only when asked for.
  linePeople: `
  select r.code, 'linePeople' as block, null::text as key, 0::int8 as n, coalesce(sum(h.member_count), 0)::int8 as m, null::text as a, null::text as b
  from r cross join lp_params
  join finance_credit_line cl on cl.village_code between r.lo and r.hi and lp_params.as_of between cl.valid_from and cl.valid_until
  join household h on h.id = cl.household_id
  group by r.code`,
  // The loans of each range first (`offset 0` keeps the planner from joining the ranges last,
  // after the position of every loan of the table is computed), then each one's position.
  loans: `
  select l.code, 'loans' as block, lp.status::text as key, count(*)::int8 as n, 0::int8 as m, sum(l.principal)::text as a, sum(lp.outstanding)::text as b
  from lp_params cross join (
    select r.code, l.id, l.principal from r join finance_loan l on l.village_code between r.lo and r.hi and l.disbursed_on <= (select as_of from lp_params)
    offset 0
  ) l
  ${LOAN_POSITION_JOINS}
  group by l.code, lp.status`,
  borrowers: householdsCounted('borrowers', 'finance_loan', 'disbursed_on'),
  subsidies: `
  select r.code, 'subsidies' as block, null::text as key, count(*)::int8 as n, 0::int8 as m, sum(s.amount)::text as a, null::text as b
  from r cross join lp_params
  join finance_subsidy_payment s on s.village_code between r.lo and r.hi and s.paid_on <= lp_params.as_of
  where not exists (select 1 from ledger_entry rev where rev.reverses_id = s.ledger_entry_id and rev.entry_date <= lp_params.as_of)
  group by r.code`,
  pools: `
  select r.code, 'pools' as block, null::text as key, count(*)::int8 as n, 0::int8 as m, sum(b.balance)::text as a, sum(trunc(b.balance * p.leverage_multiple, 2))::text as b
  from r cross join lp_params
  join finance_risk_pool p on p.county_code between r.lo and r.hi
  cross join lateral (
    select (select coalesce(sum(c.amount), 0) from finance_risk_pool_contribution c where c.pool_id = p.id and c.funded_on <= lp_params.as_of)
         - (select coalesce(sum(x.amount), 0) from finance_risk_claim x where x.pool_id = p.id and x.claimed_on <= lp_params.as_of) as balance
  ) b
  group by r.code`,
  claims: `
  select r.code, 'claims' as block, null::text as key, count(*)::int8 as n, 0::int8 as m, sum(x.amount)::text as a, null::text as b
  from r cross join lp_params
  join finance_risk_claim x on x.village_code between r.lo and r.hi and x.claimed_on <= lp_params.as_of
  group by r.code`,
};

/** The statement for some blocks (each branch names and types its columns, so any may come first). */
function statsSql(blocks: readonly FinanceBlock[]): string {
  return `${STATS_WITH}\n${FINANCE_BLOCKS.filter((block) => blocks.includes(block)).map((block) => BLOCK_SQL[block]).join('\n  union all')}`;
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
    subsidyPayments: 0,
    subsidiesPaid: '0.00',
    riskPools: 0,
    riskPoolBalance: '0.00',
    lendingCapacity: '0.00',
    riskClaims: 0,
    riskClaimsPaid: '0.00',
  };
  const grades = new Map<CreditGrade, number>();
  const statuses = new Map<LoanStatus, StatusFigures>();
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
        const seen = statuses.get(status) ?? { status, count: 0, principal: '0.00', outstanding: '0.00' };
        statuses.set(status, { status, count: seen.count + n, principal: sumMoney(seen.principal, a), outstanding: sumMoney(seen.outstanding, b) });
        break;
      }
      case 'borrowers':
        figures.borrowingHouseholds += n;
        break;
      case 'subsidies':
        figures.subsidyPayments += n;
        figures.subsidiesPaid = sumMoney(figures.subsidiesPaid, a);
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
    }
  }
  figures.byGrade = [...grades].map(([grade, households]) => ({ grade, households })).sort((x, y) => GRADE_ORDER.indexOf(x.grade) - GRADE_ORDER.indexOf(y.grade));
  // Rated households come from the grades when those were read (the selection reads one or the other).
  if (grades.size > 0) figures.ratedHouseholds = figures.byGrade.reduce((total, g) => total + g.households, 0);
  figures.byStatus = [...statuses.values()].sort((x, y) => STATUS_ORDER.indexOf(x.status) - STATUS_ORDER.indexOf(y.status));
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
