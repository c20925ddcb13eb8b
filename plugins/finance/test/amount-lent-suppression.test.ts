import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { createLender, disburse, fundPool, householdWithLine } from './fixtures/finance-flow.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * The principal lent is one household's when one household borrowed, however many loans it took:
 * five loans pass the loan count's threshold (k = 5), one borrowing household does not, so a
 * partner must not read the total.
 */
const Lent = graphql(`
  query FinanceAmountLent($code: String!) {
    region(code: $code) { stats { finance { loanCount borrowingHouseholds amountLent } } }
  }
`);

const clock = new TestClock();
let server: TestServer;

beforeAll(async () => {
  clock.setToday('2016-03-01');
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.admin });
  await insertAreas(server);
  const lender = await createLender(server);
  await fundPool(server, CODES.baojing, '100000.00', 10, '2016-02-20');
  const household = await householdWithLine(server, lender, { amount: '50000.00' });
  for (let i = 0; i < 5; i++) await disburse(server, household, { principal: '10000.00' });
}, 60_000);
afterAll(() => server.close());

describe('amountLent', () => {
  it('is withheld from a partner while fewer than k households borrowed, however many loans they took', async () => {
    const officer = await server.execute(Lent, { code: CODES.baojing }, { principal: PRINCIPALS.baojingOfficer });
    expect(officer.data!.region!.stats.finance).toEqual({ loanCount: 5, borrowingHouseholds: 1, amountLent: '50000.00' });
    const partner = await server.execute(Lent, { code: CODES.baojing }, { principal: PRINCIPALS.ngo });
    expect(partner.errors).toBeUndefined();
    expect(partner.data!.region!.stats.finance).toEqual({ loanCount: 5, borrowingHouseholds: null, amountLent: null });
  });

  it('is withheld when selected alone too (its household count is read beside it)', async () => {
    const alone = await server.execute(graphql(`query FinanceAmountLentAlone($code: String!) { region(code: $code) { stats { finance { amountLent } } } }`), { code: CODES.baojing }, { principal: PRINCIPALS.ngo });
    expect(alone.errors).toBeUndefined();
    expect(alone.data!.region!.stats.finance.amountLent).toBeNull();
  });
});
