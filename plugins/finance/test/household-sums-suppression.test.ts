import { protectSum } from '@tuopin/core';
import { createTestServer, documentOf, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { createLender, disburse, fundPool, householdWithLine } from './fixtures/finance-flow.js';
import { FileRiskClaim, PayInterestSubsidy, RecordRepayment } from './fixtures/operations.js';
import { subsidyProgramme } from './fixtures/subsidy-programme.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * The money of the finance statistics is withheld from partners with the households it belongs
 * to, not with its loans, payments or claims: one household may hold several loans (k = 5).
 *
 * 保靖县, 2016-12-15 (loans of 10,000 for 12 months unless said, disbursed 2016-03-01; the first
 * quarter's interest paid and subsidised, the second unpaid: defaulted, and claimed 4,000 on):
 *   甲村 X  five such loans                                                 → 5 × DEFAULTED
 *   甲村 Y  20,000, two quarters paid (OVERDUE), and 10,000 from 2016-10-01 → OVERDUE + CURRENT
 *   乙村 B1–B5 one such loan each                                          → 5 × DEFAULTED
 * 凌源市 大老爷庙村 Z five loans of 10,000, nothing paid                            → 5 × DEFAULTED
 */
const Figures = graphql(`
  query FinanceHouseholdSums($code: String!, $village: Boolean!) {
    region(code: $code) @skip(if: $village) { ...FinanceHouseholdSumsOf }
    village(code: $code) @include(if: $village) { ...FinanceHouseholdSumsOf }
  }
  fragment FinanceHouseholdSumsOf on AdministrativeArea {
    stats {
      finance {
        loanCount outstandingLoans outstandingHouseholds outstanding
        overdueLoans overdueHouseholds overdueOutstanding overdueRate
        defaultedLoans defaultedHouseholds defaultedOutstanding defaultRate
        subsidyPayments subsidisedHouseholds subsidiesPaid
        riskClaims claimHouseholds riskClaimsPaid
        lendingCapacity poolHeadroom
        loansByStatus { status count households principal outstanding }
      }
    }
  }
`);

const Pool = graphql(`
  query FinanceHouseholdSumsPool($countyCode: String!) {
    riskPool(countyCode: $countyCode) { outstandingLoans outstandingHouseholds outstanding capacityUsed }
  }
`);

/** The money sums of Figures with the household count each is withheld with. */
const SUMS_OVER = {
  outstanding: 'outstandingHouseholds',
  overdueOutstanding: 'overdueHouseholds',
  defaultedOutstanding: 'defaultedHouseholds',
  subsidiesPaid: 'subsidisedHouseholds',
  riskClaimsPaid: 'claimHouseholds',
  poolHeadroom: 'outstandingHouseholds',
} as const;

const RULE = { threshold: 5, moneyUnit: '10000.00' };
const clock = new TestClock();
let server: TestServer;

beforeAll(async () => {
  clock.setToday('2016-03-01');
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.admin });
  await insertAreas(server);
  const programme = await subsidyProgramme(server, clock, { placeCode: CODES.baojing, amount: '10000.00' });
  const lender = await createLender(server);
  await fundPool(server, CODES.baojing, '200000.00', 10, '2016-02-20');

  const x = await householdWithLine(server, lender, { amount: '50000.00' });
  const y = await householdWithLine(server, lender, { amount: '50000.00' });
  const bs = [];
  for (let i = 0; i < 5; i++) bs.push(await householdWithLine(server, lender, { amount: '10000.00', villageCode: CODES.villageB }));
  const defaulting: string[] = [];
  for (let i = 0; i < 5; i++) defaulting.push((await disburse(server, x, { principal: '10000.00' })).id);
  for (const b of bs) defaulting.push((await disburse(server, b, { principal: '10000.00' })).id);
  const yOverdue = (await disburse(server, y, { principal: '20000.00' })).id;
  const lingyuanLender = await createLender(server, CODES.lingyuan, '凌源市农村信用合作联社');
  await fundPool(server, CODES.lingyuan, '100000.00', 10, '2016-02-20');
  const z = await householdWithLine(server, lingyuanLender, { amount: '50000.00', villageCode: CODES.dalaoyemiao });
  for (let i = 0; i < 5; i++) await disburse(server, z, { principal: '10000.00' });

  clock.setToday('2016-06-01');
  for (const loanId of defaulting) mustSucceed(await server.execute(RecordRepayment, { input: { loanId, principal: '0.00', interest: '108.75' } }));
  mustSucceed(await server.execute(RecordRepayment, { input: { loanId: yOverdue, principal: '0.00', interest: '217.50' } }));
  clock.setToday('2016-06-10');
  for (const [i, loanId] of defaulting.entries()) {
    mustSucceed(await server.execute(PayInterestSubsidy, { input: { loanId, installment: 1, allocationId: programme.allocationId, voucherNo: `TX-${i}` } }));
  }
  clock.setToday('2016-09-01');
  mustSucceed(await server.execute(RecordRepayment, { input: { loanId: yOverdue, principal: '0.00', interest: '217.50' } }));
  clock.setToday('2016-10-01');
  await disburse(server, y, { principal: '10000.00', disbursedOn: '2016-10-01' });
  clock.setToday('2016-12-15');
  for (const loanId of defaulting) mustSucceed(await server.execute(FileRiskClaim, { input: { loanId, amount: '4000.00', reason: '逾期超过90天' } }));
}, 120_000);
afterAll(() => server.close());

async function figuresOf(code: string, principal = PRINCIPALS.admin) {
  const result = await server.execute(Figures, { code, village: code !== CODES.baojing }, { principal });
  expect(result.errors).toBeUndefined();
  return (result.data!.region ?? result.data!.village)!.stats.finance;
}

describe('finance money sums, withheld with households', () => {
  it('counts households by hand for an administrator: one with a current and an overdue loan counts once', async () => {
    expect(await figuresOf(CODES.villageA)).toEqual({
      loanCount: 7,
      outstandingLoans: 7,
      outstandingHouseholds: 2,
      outstanding: '80000.00',
      overdueLoans: 6,
      overdueHouseholds: 2,
      overdueOutstanding: '70000.00',
      overdueRate: 0.875,
      defaultedLoans: 5,
      defaultedHouseholds: 1,
      defaultedOutstanding: '50000.00',
      defaultRate: 0.625,
      subsidyPayments: 5,
      subsidisedHouseholds: 1,
      subsidiesPaid: '543.75',
      riskClaims: 5,
      claimHouseholds: 1,
      riskClaimsPaid: '20000.00',
      lendingCapacity: '0.00',
      poolHeadroom: '0.00',
      loansByStatus: [
        { status: 'CURRENT', count: 1, households: 1, principal: '10000.00', outstanding: '10000.00' },
        { status: 'OVERDUE', count: 1, households: 1, principal: '20000.00', outstanding: '20000.00' },
        { status: 'DEFAULTED', count: 5, households: 1, principal: '50000.00', outstanding: '50000.00' },
      ],
    });
    expect(await figuresOf(CODES.baojing)).toMatchObject({
      loanCount: 12,
      outstandingHouseholds: 7,
      overdueHouseholds: 7,
      defaultedHouseholds: 6,
      subsidisedHouseholds: 6,
      claimHouseholds: 6,
      outstanding: '130000.00',
      // Pool: 200,000 − 40,000 claimed, × 10.
      lendingCapacity: '1600000.00',
      poolHeadroom: '1470000.00',
      loansByStatus: [
        { status: 'CURRENT', count: 1, households: 1 },
        { status: 'OVERDUE', count: 1, households: 1 },
        { status: 'DEFAULTED', count: 10, households: 6 },
      ],
    });
  });

  it('withholds from a partner the money of fewer than k households, however many loans, payments and claims they have', async () => {
    const partner = await figuresOf(CODES.villageA, PRINCIPALS.ngo);
    // The loan counts pass the threshold and are published; the money they belong to is two households'.
    expect(partner).toMatchObject({ outstandingLoans: 5, overdueLoans: 5, defaultedLoans: 5, subsidyPayments: 5, riskClaims: 5 });
    expect(partner).toMatchObject({
      outstandingHouseholds: null,
      outstanding: null,
      overdueHouseholds: null,
      overdueOutstanding: null,
      overdueRate: null,
      defaultedHouseholds: null,
      defaultedOutstanding: null,
      defaultRate: null,
      subsidisedHouseholds: null,
      subsidiesPaid: null,
      claimHouseholds: null,
      riskClaimsPaid: null,
      poolHeadroom: null,
      loansByStatus: [],
    });
  });

  it('withholds each sum selected alone too (its household count is read beside it)', async () => {
    const withheld: [string, unknown][] = [...Object.keys(SUMS_OVER).map((field): [string, unknown] => [field, null]), ['overdueRate', null], ['defaultRate', null], ['loansByStatus { status }', []]];
    for (const [field, expected] of withheld) {
      const alone = await server.execute(
        documentOf(`query FinanceOneSum($code: String!) { village(code: $code) { stats { finance { ${field} } } } }`),
        { code: CODES.villageA },
        { principal: PRINCIPALS.ngo },
      );
      expect(alone.errors, field).toBeUndefined();
      expect(alone.data.village.stats.finance[field.split(' ')[0]], field).toEqual(expected);
    }
  });

  it('shows a partner the money of k households or more, rounded as the kernel rounds it', async () => {
    for (const code of [CODES.villageB, CODES.baojing]) {
      const exact = await figuresOf(code);
      const partner = await figuresOf(code, PRINCIPALS.ngo);
      for (const [sum, households] of Object.entries(SUMS_OVER)) {
        expect(exact[households], `${code} ${households}`).toBeGreaterThanOrEqual(5);
        expect(partner[sum as keyof typeof SUMS_OVER], `${code} ${sum}`).toBe(protectSum(exact[sum as keyof typeof SUMS_OVER]!, exact[households]!, RULE));
      }
    }
    expect(await figuresOf(CODES.villageB, PRINCIPALS.ngo)).toMatchObject({
      outstandingHouseholds: 5,
      outstanding: '50000.00',
      overdueOutstanding: '50000.00',
      defaultedOutstanding: '50000.00',
      overdueRate: 1,
      defaultRate: 1,
      subsidiesPaid: '0.00',
      riskClaimsPaid: '20000.00',
      loansByStatus: [{ status: 'DEFAULTED', count: 5, households: 5, principal: '50000.00', outstanding: '50000.00' }],
    });
    // Each sum and ratio selected alone is shown as in the whole block: the household counts its
    // protection is withheld by are read for it (a count not read would be 0, and withhold it).
    const whole = await figuresOf(CODES.villageB, PRINCIPALS.ngo);
    for (const field of [...Object.keys(SUMS_OVER), 'overdueRate', 'defaultRate']) {
      const alone = await server.execute(
        documentOf(`query FinanceOneShownSum($code: String!) { village(code: $code) { stats { finance { ${field} } } } }`),
        { code: CODES.villageB },
        { principal: PRINCIPALS.ngo },
      );
      expect(alone.errors, field).toBeUndefined();
      expect(alone.data.village.stats.finance[field], field).not.toBeNull();
      expect(alone.data.village.stats.finance[field], field).toEqual(whole[field as keyof typeof whole]);
    }
    // The county: 130,000 owed by 7 households, the capacity and headroom rounded down to 万元.
    expect(await figuresOf(CODES.baojing, PRINCIPALS.ngo)).toMatchObject({ outstanding: '130000.00', poolHeadroom: '1470000.00', loansByStatus: [{ status: 'DEFAULTED', households: 5 }] });
  });

  it('withholds a county pool\'s outstanding lending with its households too', async () => {
    const admin = await server.execute(Pool, { countyCode: CODES.lingyuan });
    expect(admin.data!.riskPool).toEqual({ outstandingLoans: 5, outstandingHouseholds: 1, outstanding: '50000.00', capacityUsed: 0.05 });
    const partner = await server.execute(Pool, { countyCode: CODES.lingyuan }, { principal: PRINCIPALS.ngo });
    expect(partner.errors).toBeUndefined();
    expect(partner.data!.riskPool).toEqual({ outstandingLoans: 5, outstandingHouseholds: null, outstanding: null, capacityUsed: null });
    const baojing = await server.execute(Pool, { countyCode: CODES.baojing }, { principal: PRINCIPALS.ngo });
    expect(baojing.data!.riskPool).toMatchObject({ outstandingHouseholds: 5, outstanding: '130000.00' });
  });
});
