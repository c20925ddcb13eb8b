import type { EntityManager } from '@mikro-orm/postgresql';
import { formatMoney, subtreeRange } from '@tuopin/core';
import { insertSchedules } from '../loan/loan-schedule.sql.js';
import { benchmarkRateFor, DEFAULT_FINANCE_SETTINGS } from '../settings/finance-settings.js';
import { formatHundredths } from '../shared/hundredths.js';
import { draw } from './demo-draw.js';
import type { CampaignPlan } from './finance-demo.plan.js';

const POLICY = DEFAULT_FINANCE_SETTINGS;

/** What each industry's loans are for, as a county's loan register words it. */
const PURPOSES: [industry: string, share: number, purpose: string][] = [
  ['PLANTING', 0.45, '保靖黄金茶、柑橘等种植'],
  ['LIVESTOCK', 0.35, '湘西黄牛、生猪养殖'],
  ['PROCESSING', 0.05, '茶叶及农产品加工'],
  ['RURAL_TOURISM', 0.05, '农家乐经营'],
  ['COMMERCE', 0.05, '农村小卖部、农产品收购'],
  ['OTHER', 0.05, '发展家庭生产'],
];

function cumulativeCase(drawSql: string, choices: [value: string, share: number][]): string {
  let cumulative = 0;
  const whens = choices.slice(0, -1).map(([value, share]) => {
    cumulative += share;
    return `when ${drawSql} < ${cumulative} then ${value}`;
  });
  return `case ${whens.join(' ')} else ${choices[choices.length - 1][0]} end`;
}

/**
 * 放贷: line holders in a deterministic order borrow until the campaign has lent `atLeast`: the
 * head of household (or the eldest other member aged 18–65), up to the line or 50,000 yuan, for
 * 12, 24 or 36 months at the benchmark rate. Each household borrows once, within its line, so
 * the credit-line rule holds; the county's pool is sized so that its cap does too.
 */
export async function seedLoans(em: EntityManager, plan: CampaignPlan): Promise<number[]> {
  const { lo, hi } = subtreeRange(plan.regionCode);
  const rate = (months: number) => `'${formatHundredths(benchmarkRateFor(POLICY, months))}'`;
  const term = cumulativeCase(draw("o.household_no || ':term'"), [['12', 0.3], ['24', 0.3], ['36', 0.4]]);
  const industry = cumulativeCase(draw("o.household_no || ':industry'"), PURPOSES.map(([value, share]) => [`'${value}'`, share]));
  const purpose = cumulativeCase(draw("o.household_no || ':industry'"), PURPOSES.map(([, share, text]) => [`'${text}'`, share]));
  const rows = await em.execute<{ id: number }[]>(
    `with lines as (
       select cl.household_id, cl.village_code, cl.id as line_id, cl.lender_id, h.household_no,
              greatest(5000, floor(least(cl.amount, ?::numeric) * (0.5 + 0.5 * ${draw("h.household_no || ':principal'")})::numeric / 1000) * 1000) as principal,
              greatest(cl.valid_from, ?::date) + floor(${draw("h.household_no || ':disbursed'")} * ?)::int as disbursed_on,
              md5(h.household_no || ':borrow') as turn
       from finance_credit_line cl join household h on h.id = cl.household_id
       where cl.village_code between ? and ?
     ),
     candidates as (
       select l.*, b.member_id from lines l
       cross join lateral (
         select m.id as member_id from member m
         where m.household_id = l.household_id
           and m.birth_date between (l.disbursed_on - interval '65 years')::date and (l.disbursed_on - interval '18 years')::date
         order by (m.relation_to_head = 'HEAD') desc, m.birth_date, m.id limit 1
       ) b
     ),
     ordered as (select c.*, sum(c.principal) over (order by c.turn, c.household_id) as lent from candidates c)
     insert into finance_loan (household_id, member_id, village_code, lender_id, credit_line_id, principal, term_months, annual_rate,
                              repayment_method, disbursed_on, maturity_date, purpose, industry, recorded_by)
     select o.household_id, o.member_id, o.village_code, o.lender_id, o.line_id, o.principal, t.months,
            case when t.months <= 12 then ${rate(12)} else ${rate(36)} end::numeric,
            case when ${draw("o.household_no || ':method'")} < 0.85 then 'QUARTERLY_INTEREST' else 'EQUAL_PRINCIPAL_QUARTERLY' end,
            o.disbursed_on, (o.disbursed_on + make_interval(months => t.months))::date, ${purpose}, ${industry}, 'demo'
     from ordered o
     cross join lateral (select ${term}::int as months) t
     where o.lent - o.principal < ?::numeric
     order by o.turn
     returning id`,
    [formatMoney(POLICY.maxPrincipalFen), plan.lending.from, plan.lending.days, lo, hi, plan.lending.atLeast],
  );
  const ids = rows.map((row) => row.id);
  await insertSchedules(em, ids);
  return ids;
}

/**
 * 还款: most borrowers pay every instalment on its due date; with a trouble plan, a few pay the
 * instalments of a late window weeks afterwards (overdue at the year's end, repaid since), and a
 * few stop paying (defaulted), are compensated from the pool and written off.
 */
export async function seedRepayments(em: EntityManager, plan: CampaignPlan, loanIds: readonly number[]): Promise<void> {
  const t = plan.troubles;
  const kind = `case when ${draw("h.household_no || ':repay'")} < ${t?.defaultShare ?? 0} then 'stopped'
                     when ${draw("h.household_no || ':repay'")} < ${(t?.defaultShare ?? 0) + (t?.lateShare ?? 0)} then 'late' else 'on time' end`;
  await em.execute(
    `insert into finance_repayment (loan_id, village_code, principal, interest, repaid_on, voucher_no, recorded_by)
     select i.loan_id, l.village_code, i.principal_due, i.interest_due,
            case when k.kind = 'late' and i.due_date between ?::date and ?::date then ?::date else i.due_date end,
            'HK-' || i.loan_id || '-' || i.seq, 'demo'
     from finance_loan_installment i join finance_loan l on l.id = i.loan_id join household h on h.id = l.household_id
     cross join lateral (select ${kind} as kind) k
     where l.id = any(?::int[]) and not (k.kind = 'stopped' and i.due_date >= ?::date)`,
    [t?.lateWindow[0] ?? '9999-01-01', t?.lateWindow[1] ?? '9999-01-01', t?.latePaidOn ?? '9999-01-01', `{${loanIds.join(',')}}`, t?.stopPayingFrom ?? '9999-01-01'],
  );
  if (!t) return;
  // 100 days after the first missed instalment the loan has been defaulted (90 days) a while:
  // the pool pays its share of the unpaid principal, and the loan is written off later.
  await em.execute(
    `with defaulted as (
       select l.id, l.village_code, p.id as pool_id, l.principal - coalesce((select sum(r.principal) from finance_repayment r where r.loan_id = l.id), 0) as unpaid,
              (select min(i.due_date) from finance_loan_installment i where i.loan_id = l.id and i.due_date >= ?::date) + 100 as claimed_on
       from finance_loan l
       join finance_risk_pool p on p.county_code = ?
       where l.id = any(?::int[]) and exists (select 1 from finance_loan_installment i where i.loan_id = l.id and i.due_date >= ?::date
                                                and not exists (select 1 from finance_repayment r where r.voucher_no = 'HK-' || i.loan_id || '-' || i.seq))
     ),
     claims as (
       insert into finance_risk_claim (pool_id, loan_id, village_code, amount, claimed_on, reason, recorded_by)
       select pool_id, id, village_code, round(unpaid * ?::numeric, 2), claimed_on, '借款人停止还款逾期超过90天，按约定比例代偿', 'demo' from defaulted
       returning loan_id, claimed_on
     )
     insert into finance_loan_write_off (loan_id, village_code, written_off_on, reason, recorded_by)
     select d.id, d.village_code, c.claimed_on + ?::int, '风险补偿金代偿后核销', 'demo' from defaulted d join claims c on c.loan_id = d.id`,
    [t.stopPayingFrom, plan.countyCode, `{${loanIds.join(',')}}`, t.stopPayingFrom, t.claimShare, t.writeOffAfterDays],
  );
}
