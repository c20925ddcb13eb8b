import { nodesOf, sampleRows, type Question } from './question.js';

const PAGE = 100;

/** Report days: mid-campaign, the first year-end (loans overdue and defaulted) and a year later. */
const DAYS = ['2019-06-30', '2019-12-31', '2020-12-31'];

/** Money as both servers' strings, compared as the same number of fen. */
const fen = (value: string | number) => Math.round(Number(value) * 100);

const figures = (a: any, f: any) => ({
  code: a.code,
  name: a.name,
  ratedHouseholds: f.ratedHouseholds,
  creditLineHouseholds: f.creditLineHouseholds,
  creditGranted: fen(f.creditGranted),
  loanCount: f.loanCount,
  borrowingHouseholds: f.borrowingHouseholds,
  amountLent: fen(f.amountLent),
  outstanding: fen(f.outstanding),
  overdueLoans: f.overdueLoans,
  riskPoolBalance: fen(f.riskPoolBalance),
});

/**
 * Q8, a province's 金融扶贫 statistics: every county with the finance plugin's figures as of a
 * report day (ratings, credit lines, loans, what is still owed and past due, the risk pools),
 * each computed over the county's whole subtree. The synthetic province's finance rows come from
 * the finance plugin's `seedScale` (the plugin contract's hook that `seed --households` calls).
 */
export const q8: Question = {
  id: 'Q8',
  title: 'finance statistics',
  description: "every county of a province with the finance block of its statistics as of a report day (ratings, credit lines, loans, outstanding and overdue, risk pools)",
  sample: async (client) => {
    const provinces = await sampleRows<{ code: string }>(
      client,
      `select p.code from area p where p.level = 'PROVINCE'
         and exists (select 1 from finance_loan l where l.village_code between rpad(left(p.code, 2), 12, '0') and rpad(left(p.code, 2), 12, '9'))
         and (select count(*) from area c where c.level = 'COUNTY' and c.code between rpad(left(p.code, 2), 12, '0') and rpad(left(p.code, 2), 12, '9')) >= 3
       order by p.code`,
    );
    return provinces.flatMap((row) => DAYS.map((asOf) => ({ province: row.code, asOf })));
  },
  ours: {
    query: `query Q8($province: String!, $asOf: Date!) {
  regions(parentCode: $province, level: COUNTY, first: ${PAGE}) {
    edges { node { code name stats { finance(asOf: $asOf) {
      ratedHouseholds creditLineHouseholds creditGranted loanCount borrowingHouseholds amountLent outstanding overdueLoans riskPoolBalance
    } } } }
  }
}`,
    variables: (v) => ({ province: v.province, asOf: v.asOf }),
    normalise: (data) => nodesOf<any>(data.regions).map((a) => figures(a, a.stats.finance)),
  },
  peer: {
    query: `query Q8($province: String!, $asOf: Date!) {
  areasUnder(parentCode: $province, areaLevel: "COUNTY", first: ${PAGE}) {
    nodes { code name finance(asOf: $asOf) {
      ratedHouseholds creditLineHouseholds creditGranted loanCount borrowingHouseholds amountLent outstanding overdueLoans riskPoolBalance
    } }
  }
}`,
    variables: (v) => ({ province: v.province, asOf: v.asOf }),
    normalise: (data) => data.areasUnder.nodes.map((a: any) => figures(a, a.finance)),
  },
  raw: async (pool, v) => {
    const { rows } = await pool.query(
      `select c.code, c.name, f.rated_households as "ratedHouseholds", f.credit_line_households as "creditLineHouseholds",
              f.credit_granted::text as "creditGranted", f.loan_count as "loanCount", f.borrowing_households as "borrowingHouseholds",
              f.amount_lent::text as "amountLent", f.outstanding::text as outstanding, f.overdue_loans as "overdueLoans",
              f.risk_pool_balance::text as "riskPoolBalance"
       from (select * from area where level = 'COUNTY' and code between rpad(left($1, 2), 12, '0') and rpad(left($1, 2), 12, '9')
             order by code limit ${PAGE}) c
       cross join lateral bench_pg.area_finance(c, $2::date) f
       order by c.code`,
      [v.province, v.asOf],
    );
    return rows.map((row) => figures(row, row));
  },
};
