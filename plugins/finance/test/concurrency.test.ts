import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLender, disburse, fundPool, householdWithLine, loanInput } from './fixtures/finance-flow.js';
import { DisburseLoan, PayInterestSubsidy, RecordRepayment } from './fixtures/operations.js';
import { subsidyProgramme } from './fixtures/subsidy-programme.js';
import { CODES, idOf, insertAreas, officerOf, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * The limits under concurrent writers: thirty requests at once through GraphQL, more than the
 * limit allows. Each writer locks the row its limit is about (the household's credit lines, the
 * county's pool, core's allocation), so exactly as many succeed as fit, and the rest get a
 * typed error.
 */

const clock = new TestClock();
let server: TestServer;
let baojingLender: string;

beforeAll(async () => {
  clock.setToday('2016-03-01');
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.admin });
  await insertAreas(server);
  baojingLender = await createLender(server);
  await fundPool(server, CODES.baojing, '1000000.00');
});
afterAll(() => server.close());

function tally(outcomes: { __typename?: string; field?: string | null }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    const key = outcome.__typename?.endsWith('Payload') ? 'ok' : `${outcome.__typename}:${outcome.field}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('concurrent writes', () => {
  it('thirty disbursements at once never draw more than the credit line', async () => {
    const household = await householdWithLine(server, baojingLender, { amount: '50000.00' });
    // 30 × 2,000 = 60,000 against a 50,000 line: 25 fit.
    const results = await Promise.all(
      Array.from({ length: 30 }, () => server.execute(DisburseLoan, { input: loanInput(household, { principal: '2000.00' }) }, { principal: officerOf(household.villageCode) })),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(tally(results.map((r) => r.data!.disburseLoan))).toEqual({ ok: 25, 'RuleViolationError:principal': 5 });
    const [row] = await server.sql<{ n: string; total: string }>('select count(*) as n, sum(principal)::text as total from finance_loan where household_id = ?', [household.id]);
    expect(row).toEqual({ n: '25', total: '50000.00' });
  });

  it('thirty disbursements at once in a county never exceed its pool × multiple', async () => {
    const lender = await createLender(server, CODES.lingyuan, '凌源市农村信用合作联社');
    await fundPool(server, CODES.lingyuan, '10000.00', 10);
    const households = [];
    for (let i = 0; i < 30; i++) households.push(await householdWithLine(server, lender, { villageCode: CODES.dalaoyemiao, amount: '10000.00' }));
    // 30 × 5,000 = 150,000 against a cap of 10,000 × 10 = 100,000: 20 fit.
    const results = await Promise.all(
      households.map((household) => server.execute(DisburseLoan, { input: loanInput(household, { principal: '5000.00' }) }, { principal: officerOf(household.villageCode) })),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(tally(results.map((r) => r.data!.disburseLoan))).toEqual({ ok: 20, 'RuleViolationError:principal': 10 });
    const [row] = await server.sql<{ total: string }>(`select sum(principal)::text as total from finance_loan where village_code = ?`, [CODES.dalaoyemiao]);
    expect(row.total).toBe('100000.00');
  });

  it('thirty subsidies at once never pay more than their allocation', async () => {
    const programme = await subsidyProgramme(server, clock, { placeCode: CODES.baojing, amount: '1000.00' });
    clock.setToday('2016-03-01');
    const loans: string[] = [];
    for (let i = 0; i < 30; i++) {
      const household = await householdWithLine(server, baojingLender, { amount: '10000.00' });
      loans.push((await disburse(server, household, { principal: '10000.00', termMonths: 12 })).id);
    }
    clock.setToday('2016-06-01');
    // Each borrower pays the first quarter's interest, 10,000 × 4.35 % ÷ 4 = 108.75.
    for (const loanId of loans) mustSucceed(await server.execute(RecordRepayment, { input: { loanId, principal: '0.00', interest: '108.75' } }));
    clock.setToday('2016-06-15');
    const results = await Promise.all(
      loans.map((loanId, i) =>
        server.execute(PayInterestSubsidy, { input: { loanId, installment: 1, allocationId: programme.allocationId, voucherNo: `TX-${i}` } }),
      ),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    // 1,000.00 ÷ 108.75: nine fit (978.75).
    expect(tally(results.map((r) => r.data!.payInterestSubsidy))).toEqual({ ok: 9, 'RuleViolationError:amount': 21 });
    const [ledger] = await server.sql<{ n: string; total: string }>(
      `select count(*) as n, sum(amount)::text as total from ledger_entry where allocation_id = ? and kind = 'DISBURSEMENT'`,
      [idOf(programme.allocationId)],
    );
    expect(ledger).toEqual({ n: '9', total: '978.75' });
    const [links] = await server.sql<{ n: string }>('select count(*) as n from finance_subsidy_payment');
    expect(links.n).toBe('9');
  });
});
