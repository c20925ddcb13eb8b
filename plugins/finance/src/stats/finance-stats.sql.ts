import { RANGES_CTE } from '@tuopin/core';
import { LOAN_POSITION_JOINS } from '../loan/loan-position.sql.js';
import { statusKeyRows } from './loan-status-sets.js';

/** The blocks of the statistics statement: each a `union all` branch with its own rows. */
export const FINANCE_BLOCKS = [
  'households',
  'rated',
  'grade',
  'lines',
  'linePeople',
  'loans',
  'loanHouseholds',
  'borrowers',
  'subsidies',
  'subsidyHouseholds',
  'pools',
  'claims',
  'claimHouseholds',
] as const;
export type FinanceBlock = (typeof FINANCE_BLOCKS)[number];

/** The blocks that read the loans' positions (the `positions` relation). */
const POSITION_BLOCKS: readonly FinanceBlock[] = ['loans', 'loanHouseholds'];

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
  with ${RANGES_CTE},
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

// Each loan's position on the day, the expensive part (a province's hundred thousand loans). Both
// the figures by status and the households by status read it: PostgreSQL computes a `with` query
// referenced twice once, and folds it into the one branch that reads it otherwise.
// The loans of each range first (`offset 0` keeps the planner from joining the ranges last, after
// the position of every loan of the table is computed), then each one's position.
const POSITIONS = `,
  positions as (
    select l.code, l.household_id, l.principal, lp.status, lp.outstanding
    from lp_params cross join (
      select r.code, l.id, l.household_id, l.principal from r join finance_loan l on l.village_code between r.lo and r.hi and l.disbursed_on <= (select as_of from lp_params)
      offset 0
    ) l
    ${LOAN_POSITION_JOINS}
  )`;

/** The interest subsidies paid in each range by the day (`s`), less those reversed by then. */
const SUBSIDIES_PAID = `from r cross join lp_params
  join finance_subsidy_payment s on s.village_code between r.lo and r.hi and s.paid_on <= lp_params.as_of
   and not exists (select 1 from ledger_entry rev where rev.reverses_id = s.ledger_entry_id and rev.entry_date <= lp_params.as_of)`;

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
  loans: `
  select p.code, 'loans' as block, p.status::text as key, count(*)::int8 as n, 0::int8 as m, sum(p.principal)::text as a, sum(p.outstanding)::text as b
  from positions p
  group by p.code, p.status`,
  // Distinct households per status and per set of statuses (loan-status-sets.ts): a household
  // with several loans counts once in each, which is what partners' money sums are withheld by.
  // Each (area, key, household) once first, then counted: a hash, not a sort per group.
  loanHouseholds: `
  select k.code, 'loanHouseholds' as block, k.key, count(*)::int8 as n, 0::int8 as m, null::text as a, null::text as b
  from (
    select distinct p.code, s.key, p.household_id
    from positions p join (values ${statusKeyRows()}) s(status, key) on s.status = p.status
  ) k
  group by k.code, k.key`,
  borrowers: householdsCounted('borrowers', 'finance_loan', 'disbursed_on'),
  subsidies: `
  select r.code, 'subsidies' as block, null::text as key, count(*)::int8 as n, 0::int8 as m, sum(s.amount)::text as a, null::text as b
  ${SUBSIDIES_PAID}
  group by r.code`,
  // The households of the subsidised loans (the same payments as `subsidies`), only when read.
  subsidyHouseholds: `
  select r.code, 'subsidyHouseholds' as block, null::text as key, count(distinct l.household_id)::int8 as n, 0::int8 as m, null::text as a, null::text as b
  ${SUBSIDIES_PAID}
  join finance_loan l on l.id = s.loan_id
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
  // The households of the loans claimed on, only when read.
  claimHouseholds: `
  select r.code, 'claimHouseholds' as block, null::text as key, count(distinct l.household_id)::int8 as n, 0::int8 as m, null::text as a, null::text as b
  from r cross join lp_params
  join finance_risk_claim x on x.village_code between r.lo and r.hi and x.claimed_on <= lp_params.as_of
  join finance_loan l on l.id = x.loan_id
  group by r.code`,
};

/** The statement for some blocks (each branch names and types its columns, so any may come first). */
export function statsSql(blocks: readonly FinanceBlock[]): string {
  const positions = POSITION_BLOCKS.some((block) => blocks.includes(block)) ? POSITIONS : '';
  return `${STATS_WITH}${positions}\n${FINANCE_BLOCKS.filter((block) => blocks.includes(block)).map((block) => BLOCK_SQL[block]).join('\n  union all')}`;
}
