import { loadDemoData, silentLogger } from '@tuopin/server';
import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { PRINCIPALS } from './fixtures/world.js';

/**
 * The demo data answers 保靖县's 金融扶贫 figures as its 2016 report gives them: "21,011 households,
 * 19,279 rated (91.76 %), 8,132 with credit lines (31,670 people, 18,211万), over 3,000万 lent".
 */
const ReportFigures = graphql(`
  query FinanceDemoReport($code: String!, $asOf: Date) {
    region(code: $code) {
      name
      stats {
        finance(asOf: $asOf) {
          registeredHouseholds ratedHouseholds ratedRate creditLineHouseholds creditLineRate creditLinePeople creditGranted
          loanCount amountLent outstanding loansByStatus { status count } overdueRate
          subsidyPayments subsidiesPaid riskPoolBalance lendingCapacity lendingCapacityUsed riskClaims
        }
      }
    }
  }
`);

const VillageFigures = graphql(`
  query FinanceDemoVillage {
    village(code: "211382108201") {
      name
      stats { finance(asOf: "2017-12-31") { registeredHouseholds ratedHouseholds creditLineHouseholds creditGranted loanCount amountLent } }
      households(first: 1) { edges { node { creditRating { grade } } } }
    }
    riskPool(countyCode: "211382000000") { balance leverageMultiple }
  }
`);

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ principal: PRINCIPALS.admin });
  await loadDemoData(server.orm, server.platform, server.databaseUrl, silentLogger);
}, 300_000);
afterAll(() => server.close());

describe('the finance demo', () => {
  it('answers 保靖县 at the end of 2016 with the proportions of its report', async () => {
    const result = await server.execute(ReportFigures, { code: '433125000000', asOf: '2016-12-31' });
    expect(result.errors).toBeUndefined();
    const figures = result.data!.region!.stats.finance;
    expect(figures).toMatchObject({
      registeredHouseholds: 21_011,
      ratedHouseholds: 19_279,
      ratedRate: 0.9176,
      creditLineHouseholds: 8_132,
      creditLineRate: 0.387,
      creditLinePeople: 31_670,
      creditGranted: '182110000.00',
    });
    expect(Number(figures.amountLent)).toBeGreaterThan(30_000_000);
    const byStatus = Object.fromEntries(figures.loansByStatus.map((s) => [s.status, s.count]));
    expect(byStatus.OVERDUE).toBeGreaterThan(0);
    expect(byStatus.DEFAULTED).toBeGreaterThan(0);
    expect(byStatus.DEFAULTED).toBeLessThan(byStatus.OVERDUE!);
    expect(figures.overdueRate).toBeGreaterThan(0);
    expect(figures.overdueRate).toBeLessThan(0.1);
    expect(figures.riskClaims).toBeGreaterThan(0);
    expect(figures.subsidyPayments).toBeGreaterThan(0);
    expect(Number(figures.subsidiesPaid)).toBeGreaterThan(0);
    expect(figures.lendingCapacityUsed).toBeLessThanOrEqual(1);
  });

  it('answers it today: the loans repaid since, the defaulted ones written off', async () => {
    const result = await server.execute(ReportFigures, { code: '433125000000' });
    const statuses = result.data!.region!.stats.finance.loansByStatus.map((s) => s.status);
    expect(statuses).toEqual(['REPAID', 'WRITTEN_OFF']);
    expect(result.data!.region!.stats.finance.outstanding).toBe('0.00');
  });

  it('gives 大老爷庙村 its own small programme, with 凌源市\'s pool', async () => {
    const result = await server.execute(VillageFigures, {});
    expect(result.errors).toBeUndefined();
    const village = result.data!.village!;
    expect(village.stats.finance.ratedHouseholds).toBe(village.stats.finance.registeredHouseholds);
    expect(village.stats.finance.creditLineHouseholds).toBe(60);
    expect(village.stats.finance.creditGranted).toBe('1050000.00');
    expect(Number(village.stats.finance.amountLent)).toBeGreaterThanOrEqual(300_000);
    expect(village.households.edges[0].node.creditRating).not.toBeNull();
    expect(result.data!.riskPool).toEqual({ balance: '1000000.00', leverageMultiple: 8 });
  });

  it('pays its subsidies through the ledger of a 金融扶贫 project, within its allocation', async () => {
    const [row] = await server.sql<{ category: string; allocated: string; disbursed: string; links: string; entries: string }>(`
      select p.category,
             (select sum(amount) from ledger_entry where project_id = p.id and kind = 'ALLOCATION')::text as allocated,
             (select sum(amount) from ledger_entry where project_id = p.id and kind = 'DISBURSEMENT')::text as disbursed,
             (select count(*) from finance_subsidy_payment)::text as links,
             (select count(*) from ledger_entry where project_id = p.id and kind = 'DISBURSEMENT')::text as entries
      from project p where p.category = 'FINANCIAL_SERVICES'`);
    expect(row.category).toBe('FINANCIAL_SERVICES');
    expect(row.links).toBe(row.entries);
    expect(Number(row.disbursed)).toBeLessThanOrEqual(Number(row.allocated));
  });
});
