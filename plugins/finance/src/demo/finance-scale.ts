import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScaleSeedAreas } from '@tuopin/core';
import { withoutForeignKeys } from './bulk-load.demo.js';
import { BULK_TABLES, seedCampaign } from './finance-demo.js';
import type { CampaignPlan } from './finance-demo.plan.js';

/**
 * 金融扶贫 for the synthetic benchmark province (`seedScale`): in each of its counties the
 * campaign the demo runs in 保靖县, in proportion to the county's households — every household
 * rated, 35 % of them given a three-year line of 20,000 yuan on average, loans until 4,000 yuan a
 * line has been lent (about a quarter of the line holders borrow), a few late or defaulted, the
 * pool sized for its leverage. A year later than 保靖县's, all in 2019, so a report as of
 * 2019-12-31 sees loans current, overdue, defaulted and repaid. The same households give the same
 * rows: every draw is a hash of a household number (demo-draw.ts).
 */
export function scaleCampaign(countyCode: string, countyName: string, households: number): CampaignPlan {
  const lines = Math.floor(households * 0.35);
  const lent = lines * 4_000;
  // The pool covers what is lent ten times over with half as much again to spare.
  const pool = Math.max(100_000, Math.ceil((lent * 0.15) / 10_000) * 10_000);
  return {
    countyCode,
    regionCode: countyCode,
    lenders: [{ name: `${countyName}农村信用合作联社`, kind: 'RURAL_CREDIT_COOPERATIVE', share: 1 }],
    pool: { leverageMultiple: '10.00', contributions: [{ amount: `${pool}.00`, fundedOn: '2019-01-15', documentNo: `合财金〔2019〕${countyCode.slice(2, 6)}号` }] },
    ratedHouseholds: null,
    ratingPeriod: ['2019-01-07', 100],
    creditLines: { households: lines, people: null, total: `${lines * 20_000}.00` },
    lending: { atLeast: `${lent}.00`, from: '2019-03-01', days: 180 },
    troubles: {
      defaultShare: 0.006,
      stopPayingFrom: '2019-07-01',
      lateShare: 0.045,
      lateWindow: ['2019-10-01', '2019-12-31'],
      latePaidOn: '2020-01-20',
      claimShare: '0.80',
      writeOffAfterDays: 90,
    },
    subsidy: null,
  };
}

/** The finance plugin's `seedScale`: one campaign per county of the synthetic province, in one transaction. */
export async function seedFinanceScale(em: EntityManager, areas: ScaleSeedAreas): Promise<void> {
  await em.transactional(async (tx) => {
    const trx = tx as EntityManager;
    const [taken] = await trx.execute<{ n: string }[]>('select count(*) as n from finance_lender where area_code between ? and ?', [areas.range.lo, areas.range.hi]);
    if (Number(taken.n) > 0) throw new Error('the synthetic province has finance rows already; seed a fresh database');
    // Benchmark rows are nobody's act: audit triggers, where installed, skip this transaction.
    await trx.execute("select set_config('tuopin.audit', 'off', true)");
    const counties = await trx.execute<{ code: string; name: string; households: string }[]>(
      `select c.code, c.name, (select count(*) from household h where h.village_code between c.code and rpad(left(c.code, 6), 12, '9')) as households
       from area c where c.code = any(?::text[]) order by c.code`,
      [`{${areas.countyCodes.join(',')}}`],
    );
    await withoutForeignKeys(trx, BULK_TABLES, async () => {
      for (const county of counties) {
        if (Number(county.households) > 0) await seedCampaign(trx, scaleCampaign(county.code, county.name, Number(county.households)));
      }
    });
    await trx.execute('analyze finance_credit_rating, finance_credit_line, finance_loan, finance_loan_installment, finance_repayment');
  });
}
