import type { EntityManager } from '@mikro-orm/postgresql';
import { LenderSchema } from '../lender/lender.entity.js';
import { withoutForeignKeys } from './bulk-load.demo.js';
import { BAOJING_CAMPAIGN, DALAOYEMIAO_CAMPAIGN, type CampaignPlan } from './finance-demo.plan.js';
import { seedLoans, seedRepayments } from './loans.demo.js';
import { seedCreditLines, seedRatings } from './ratings-lines.demo.js';
import { seedSubsidies } from './subsidies.demo.js';

/** The tables the demo fills by the ten thousand. */
export const BULK_TABLES = ['finance_credit_rating', 'finance_credit_line', 'finance_loan', 'finance_loan_installment', 'finance_repayment', 'finance_subsidy_payment'];

/** One county's 金融扶贫 as a plan describes it: lenders, pool, ratings, lines, loans, repayments, subsidies. */
export async function seedCampaign(em: EntityManager, plan: CampaignPlan): Promise<void> {
  const lenderIds: number[] = [];
  for (const lender of plan.lenders) {
    const [row] = await em.execute<{ id: number }[]>(
      `insert into finance_lender (name, kind, area_code, created_by) values (?, ?, ?, 'demo') returning id`,
      [lender.name, lender.kind, plan.countyCode],
    );
    lenderIds.push(row.id);
  }
  const [pool] = await em.execute<{ id: number }[]>(
    `insert into finance_risk_pool (county_code, leverage_multiple, created_by) values (?, ?, 'demo') returning id`,
    [plan.countyCode, plan.pool.leverageMultiple],
  );
  for (const contribution of plan.pool.contributions) {
    await em.execute(
      `insert into finance_risk_pool_contribution (pool_id, county_code, amount, funded_on, document_no, recorded_by) values (?, ?, ?, ?, ?, 'demo')`,
      [pool.id, plan.countyCode, contribution.amount, contribution.fundedOn, contribution.documentNo],
    );
  }
  await seedRatings(em, plan);
  await seedCreditLines(em, plan, lenderIds);
  const loanIds = await seedLoans(em, plan);
  await seedRepayments(em, plan, loanIds);
  if (plan.subsidy) await seedSubsidies(em, plan, plan.subsidy, loanIds);
  // The temporary tables of one campaign are dropped before the next one makes its own.
  await em.execute('drop table if exists demo_rated, demo_pick');
}

/**
 * The finance plugin's demo data, after core's registry, projects and funds: 保靖县's 金融扶贫 as
 * its 2016 report counts it, and a small programme in 大老爷庙村. Set-based SQL over the
 * registered households with deterministic draws (demo-draw.ts), in one transaction: the same
 * data on every run, in about a second, and nothing written if anything fails.
 */
export async function seedFinanceDemo(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const trx = tx as EntityManager;
    if ((await trx.count(LenderSchema, {})) > 0) throw new Error('the finance demo needs empty finance tables; seed a fresh database');
    // Demo rows are nobody's act: audit triggers, where installed, skip this transaction.
    await trx.execute("select set_config('tuopin.audit', 'off', true)");
    await withoutForeignKeys(trx, BULK_TABLES, async () => {
      for (const plan of [BAOJING_CAMPAIGN, DALAOYEMIAO_CAMPAIGN]) await seedCampaign(trx, plan);
    });
    await trx.execute('analyze finance_credit_rating, finance_credit_line, finance_loan, finance_loan_installment, finance_repayment');
  });
}
