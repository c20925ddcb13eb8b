import { createTestServer, documentOf, mustSucceed, type TestServer } from '@tuopin/testing';
import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { createLender, disburse, fundPool, householdWithLine } from './fixtures/finance-flow.js';
import { FileRiskClaim, PayInterestSubsidy, RateHousehold, RecordRepayment } from './fixtures/operations.js';
import { subsidyProgramme } from './fixtures/subsidy-programme.js';
import { CODES, insertAreas, insertHousehold, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * Reading the programme: the `loans` and `lenders` connections with their filters and scope, a
 * county's pool, and `RegionStats.finance` as of a day, on a world small enough to count by hand.
 *
 * 保靖县, 2016-09-15 (every household has three members):
 *   甲村 H1 AAA 92, line 30,000, loan 20,000 (12 months), both instalments paid  → CURRENT, one subsidy
 *   甲村 H2 A 75,   line 10,000, loan 10,000 (24 months), nothing paid            → DEFAULTED, claim 5,000
 *   甲村 H3 C 50,   no line;  甲村 H4 not rated
 *   乙村 H5 AA 85,  line 20,000, loan 15,000 (12 months), first instalment paid  → OVERDUE
 * 大老爷庙村 H6 AAA 95, line 40,000, loan 30,000 from 凌源市's cooperative, paid → CURRENT
 */

const Loans = graphql(`
  query FinanceLoans($regionCode: String, $status: LoanStatus, $lenderId: ID, $first: Int, $after: String) {
    loans(regionCode: $regionCode, status: $status, lenderId: $lenderId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { principal status villageCode household { householdNo } } }
    }
  }
`);

const Lenders = graphql(`
  query FinanceLenders($regionCode: String) {
    lenders(regionCode: $regionCode, first: 10) { totalCount edges { node { name areaCode area { name } } } }
  }
`);

const Pool = graphql(`
  query FinancePool($countyCode: String!) {
    riskPool(countyCode: $countyCode) { county { name } leverageMultiple contributed claimed balance lendingCapacity outstanding capacityUsed claimCount }
  }
`);

const CountyFinance = graphql(`
  query FinanceCountyStats($code: String!, $asOf: Date) {
    region(code: $code) {
      stats {
        finance(asOf: $asOf) {
          asOf registeredHouseholds ratedHouseholds ratedRate householdsByGrade { grade households }
          creditLineHouseholds creditLineRate creditLinePeople creditGranted
          loanCount borrowingHouseholds amountLent outstanding loansByStatus { status count principal outstanding }
          overdueRate defaultRate subsidyPayments subsidiesPaid
          riskPoolBalance lendingCapacity lendingCapacityUsed riskPoolCoverage riskClaims riskClaimsPaid poolHeadroom
        }
      }
    }
  }
`);

const VillageFinance = graphql(`
  query FinanceVillageStats {
    regions(parentCode: "433125100000", level: VILLAGE, first: 10) {
      edges { node { code stats { finance { loanCount outstanding overdueRate lendingCapacityUsed } } } }
    }
  }
`);

const clock = new TestClock();
let server: TestServer;
let liaoningLender: string;
let householdNos: Record<string, string>;

beforeAll(async () => {
  clock.setToday('2016-03-01');
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.admin });
  await insertAreas(server);
  const programme = await subsidyProgramme(server, clock, { placeCode: CODES.baojing, amount: '10000.00' });
  const lender = await createLender(server);
  await createLender(server, CODES.xiangxi, '湘西州农村商业银行');
  liaoningLender = await createLender(server, CODES.lingyuan, '凌源市农村信用合作联社');
  await fundPool(server, CODES.baojing, '100000.00', 10, '2016-02-20');
  await fundPool(server, CODES.lingyuan, '100000.00', 10, '2016-02-20');

  const h1 = await householdWithLine(server, lender, { score: 92, amount: '30000.00' });
  const h2 = await householdWithLine(server, lender, { score: 75, amount: '10000.00' });
  const h3 = await insertHousehold(server);
  mustSucceed(await server.execute(RateHousehold, { input: { householdId: h3.globalId, score: 50, ratedOn: '2016-02-01', rater: '甲村评级小组' } }));
  await insertHousehold(server);
  const h5 = await householdWithLine(server, lender, { score: 85, amount: '20000.00', villageCode: CODES.villageB });
  const h6 = await householdWithLine(server, liaoningLender, { score: 95, amount: '40000.00', villageCode: CODES.dalaoyemiao });
  const l1 = (await disburse(server, h1, { principal: '20000.00', termMonths: 12 })).id;
  const l2 = (await disburse(server, h2, { principal: '10000.00', termMonths: 24 })).id;
  const l5 = (await disburse(server, h5, { principal: '15000.00', termMonths: 12 })).id;
  const l6 = (await disburse(server, h6, { principal: '30000.00', termMonths: 12 })).id;

  clock.setToday('2016-06-01');
  for (const [loanId, interest] of [[l1, '217.50'], [l5, '163.13'], [l6, '326.25']]) mustSucceed(await server.execute(RecordRepayment, { input: { loanId, principal: '0.00', interest } }));
  clock.setToday('2016-06-10');
  mustSucceed(await server.execute(PayInterestSubsidy, { input: { loanId: l1, installment: 1, allocationId: programme.allocationId, voucherNo: 'TX-1' } }));
  clock.setToday('2016-09-01');
  for (const [loanId, interest] of [[l1, '217.50'], [l6, '326.25']]) mustSucceed(await server.execute(RecordRepayment, { input: { loanId, principal: '0.00', interest } }));
  clock.setToday('2016-09-15');
  mustSucceed(await server.execute(FileRiskClaim, { input: { loanId: l2, amount: '5000.00', reason: '逾期超过90天' } }));

  const rows = await server.sql<{ id: number; household_no: string }>('select id, household_no from household');
  householdNos = Object.fromEntries(rows.map((row) => [row.id, row.household_no]));
  householdNos = { h1: householdNos[h1.id], h2: householdNos[h2.id], h5: householdNos[h5.id], h6: householdNos[h6.id] };
}, 60_000);
afterAll(() => server.close());

describe('the loans connection', () => {
  it('lists the loans of an area and everything under it, by village, with a total', async () => {
    const result = await server.execute(Loans, { regionCode: CODES.baojing, first: 2 });
    expect(result.errors).toBeUndefined();
    const page = result.data!.loans;
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((e) => e.node.household.householdNo)).toEqual([householdNos.h1, householdNos.h2]);
    const next = await server.execute(Loans, { regionCode: CODES.baojing, first: 2, after: page.pageInfo.endCursor });
    expect(next.data!.loans.edges.map((e) => [e.node.villageCode, e.node.status])).toEqual([[CODES.villageB, 'OVERDUE']]);
    expect(next.data!.loans.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by today\'s status and by lender', async () => {
    const defaulted = await server.execute(Loans, { status: 'DEFAULTED' });
    expect(defaulted.data!.loans).toMatchObject({ totalCount: 1, edges: [{ node: { principal: '10000.00', household: { householdNo: householdNos.h2 } } }] });
    const current = await server.execute(Loans, { status: 'CURRENT' });
    expect(current.data!.loans.totalCount).toBe(2);
    const fromLiaoning = await server.execute(Loans, { lenderId: liaoningLender });
    expect(fromLiaoning.data!.loans).toMatchObject({ totalCount: 1, edges: [{ node: { household: { householdNo: householdNos.h6 } } }] });
  });

  it('shows each caller only the loans of their area, and none to partners', async () => {
    const lingyuan = await server.execute(Loans, {}, { principal: PRINCIPALS.lingyuanOfficer });
    expect(lingyuan.data!.loans.totalCount).toBe(1);
    const outside = await server.execute(Loans, { regionCode: CODES.baojing }, { principal: PRINCIPALS.lingyuanOfficer });
    expect(outside.data!.loans).toMatchObject({ totalCount: 0, edges: [] });
    const ngo = await server.execute(Loans, {}, { principal: PRINCIPALS.ngo });
    expect(ngo.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('lenders and pools', () => {
  it('lists the lenders serving an area, from above it too', async () => {
    const village = await server.execute(Lenders, { regionCode: CODES.villageA });
    expect(village.data!.lenders.edges.map((e) => e.node.name)).toEqual(['湘西州农村商业银行', '保靖县农村信用合作联社']);
    const all = await server.execute(Lenders, {}, { principal: PRINCIPALS.ngo });
    expect(all.data!.lenders.totalCount).toBe(3);
  });

  it('answers a county\'s pool: balance, cap and how much of it is used', async () => {
    const result = await server.execute(Pool, { countyCode: CODES.baojing });
    expect(result.data!.riskPool).toEqual({
      county: { name: '保靖县' },
      leverageMultiple: 10,
      contributed: '100000.00',
      claimed: '5000.00',
      balance: '95000.00',
      lendingCapacity: '950000.00',
      outstanding: '45000.00',
      capacityUsed: 0.0474,
      claimCount: 1,
    });
  });
});

describe('RegionStats.finance', () => {
  it('counts a county\'s programme today', async () => {
    const result = await server.execute(CountyFinance, { code: CODES.baojing });
    expect(result.errors).toBeUndefined();
    expect(result.data!.region!.stats.finance).toEqual({
      asOf: '2016-09-15',
      registeredHouseholds: 5,
      ratedHouseholds: 4,
      ratedRate: 0.8,
      householdsByGrade: [
        { grade: 'AAA', households: 1 },
        { grade: 'AA', households: 1 },
        { grade: 'A', households: 1 },
        { grade: 'C', households: 1 },
      ],
      creditLineHouseholds: 3,
      creditLineRate: 0.6,
      creditLinePeople: 9,
      creditGranted: '60000.00',
      loanCount: 3,
      borrowingHouseholds: 3,
      amountLent: '45000.00',
      outstanding: '45000.00',
      loansByStatus: [
        { status: 'CURRENT', count: 1, principal: '20000.00', outstanding: '20000.00' },
        { status: 'OVERDUE', count: 1, principal: '15000.00', outstanding: '15000.00' },
        { status: 'DEFAULTED', count: 1, principal: '10000.00', outstanding: '10000.00' },
      ],
      overdueRate: 0.5556,
      defaultRate: 0.2222,
      subsidyPayments: 1,
      subsidiesPaid: '217.50',
      riskPoolBalance: '95000.00',
      lendingCapacity: '950000.00',
      lendingCapacityUsed: 0.0474,
      riskPoolCoverage: 2.1111,
      riskClaims: 1,
      riskClaimsPaid: '5000.00',
      poolHeadroom: '905000.00',
    });
  });

  it('counts it as of an earlier day', async () => {
    const result = await server.execute(CountyFinance, { code: CODES.baojing, asOf: '2016-05-31' });
    expect(result.data!.region!.stats.finance).toMatchObject({
      asOf: '2016-05-31',
      ratedHouseholds: 4,
      loansByStatus: [{ status: 'CURRENT', count: 3, principal: '45000.00', outstanding: '45000.00' }],
      overdueRate: 0,
      subsidiesPaid: '0.00',
      riskPoolBalance: '100000.00',
      riskClaims: 0,
    });
  });

  it('figures villages in one statement per page, without pools below the county', async () => {
    const { count, statements } = await server.countStatements(async () => {
      const result = await server.execute(VillageFinance, {});
      expect(result.data!.regions.edges.map((e) => [e.node.code, e.node.stats.finance])).toEqual([
        [CODES.villageA, { loanCount: 2, outstanding: '30000.00', overdueRate: 0.3333, lendingCapacityUsed: null }],
        [CODES.villageB, { loanCount: 1, outstanding: '15000.00', overdueRate: 1, lendingCapacityUsed: null }],
      ]);
    });
    expect(statements.filter((sql) => sql.includes('finance_loan'))).toHaveLength(1);
    expect(count).toBe(2);
  });

  it('covers only what the caller may see', async () => {
    const result = await server.execute(CountyFinance, { code: CODES.baojing }, { principal: PRINCIPALS.lingyuanOfficer });
    expect(result.data!.region!.stats.finance).toMatchObject({ registeredHouseholds: 0, ratedRate: null, loanCount: 0, lendingCapacityUsed: null });
  });
});

describe('RegionStats.finance, compiled from the selection', () => {
  /** Every field of FinanceStats, lists with their scalar fields. */
  function financeFields(): [string, string][] {
    const type = server.platform.schema.getType('FinanceStats') as GraphQLObjectType;
    return Object.values(type.getFields()).map((field) => {
      const named = getNamedType(field.type);
      return [field.name, isObjectType(named) ? `{ ${Object.keys(named.getFields()).join(' ')} }` : ''];
    });
  }

  it('gives each figure selected alone as in the whole block, to an administrator and to a partner', async () => {
    const fields = financeFields();
    expect(fields.length).toBeGreaterThan(25);
    for (const principal of [PRINCIPALS.admin, PRINCIPALS.ngo]) {
      const whole = await server.execute(
        documentOf(`query FinanceWholeBlock($code: String!) { region(code: $code) { stats { finance { ${fields.map((f) => f.join(' ')).join(' ')} } } } }`),
        { code: CODES.baojing },
        { principal },
      );
      expect(whole.errors).toBeUndefined();
      const figures = whole.data.region.stats.finance as Record<string, unknown>;
      for (const [field, selection] of fields) {
        const alone = await server.execute(
          documentOf(`query FinanceOneFigure($code: String!) { region(code: $code) { stats { finance { ${field} ${selection} } } } }`),
          { code: CODES.baojing },
          { principal },
        );
        expect(alone.errors, field).toBeUndefined();
        expect(alone.data.region.stats.finance[field], `${field} for ${principal.role}`).toEqual(figures[field]);
      }
    }
  });

  it('computes only the blocks the selected figures read: a report of loans ranks no rating and looks up no credit line', async () => {
    const { statements } = await server.countStatements(async () => {
      const result = await server.execute(
        documentOf(`query FinanceLoansOnly($code: String!) { region(code: $code) { stats { finance { loanCount outstanding overdueRate } } } }`),
        { code: CODES.baojing },
      );
      expect(result.data.region.stats.finance).toEqual({ loanCount: 3, outstanding: '45000.00', overdueRate: 0.5556 });
    });
    const stats = statements.filter((sql) => sql.includes('finance_loan'));
    expect(stats).toHaveLength(1);
    expect(stats[0]).not.toContain('finance_credit_rating');
    expect(stats[0]).not.toContain('finance_credit_line');
    expect(stats[0]).not.toContain('finance_risk_pool');
    // Credit lines without their people look up no household.
    const lines = await server.countStatements(async () => {
      const result = await server.execute(
        documentOf(`query FinanceLinesOnly($code: String!) { region(code: $code) { stats { finance { creditLineHouseholds creditGranted } } } }`),
        { code: CODES.baojing },
      );
      expect(result.data.region.stats.finance).toEqual({ creditLineHouseholds: 3, creditGranted: '60000.00' });
    });
    const linesSql = lines.statements.filter((sql) => sql.includes('finance_credit_line'));
    expect(linesSql).toHaveLength(1);
    expect(linesSql[0]).not.toContain('join household');
  });

  it('computes each loan\'s position once when both the figures by status and the households are read, for a partner too', async () => {
    for (const principal of [PRINCIPALS.admin, PRINCIPALS.ngo]) {
      const { statements } = await server.countStatements(async () => {
        const result = await server.execute(
          documentOf(`query FinanceLoansAndHouseholds($code: String!) { region(code: $code) { stats { finance { loanCount outstanding overdueRate outstandingHouseholds loansByStatus { households } } } } }`),
          { code: CODES.baojing },
          { principal },
        );
        expect(result.errors).toBeUndefined();
        expect(result.data.region.stats.finance.loanCount).toBe(principal === PRINCIPALS.ngo ? null : 3);
      });
      const stats = statements.filter((sql) => sql.includes('finance_loan'));
      expect(stats).toHaveLength(1);
      // The positions are one \`with\` query, read by the figures by status and by the household counts.
      expect(stats[0].match(/from finance_repayment/g), principal.role).toHaveLength(1);
      expect(stats[0]).toContain("'loanHouseholds' as block");
    }
  });

  it('reads the households a partner\'s sums are withheld with only for a partner', async () => {
    const report = `query FinanceOutstandingReport($code: String!) { region(code: $code) { stats { finance { loanCount outstanding overdueRate } } } }`;
    const statsOf = async (principal: typeof PRINCIPALS.admin) => {
      const { statements } = await server.countStatements(async () => {
        const result = await server.execute(documentOf(report), { code: CODES.baojing }, { principal });
        expect(result.errors).toBeUndefined();
      });
      return statements.filter((sql) => sql.includes('finance_loan'));
    };
    const admin = await statsOf(PRINCIPALS.admin);
    expect(admin).toHaveLength(1);
    expect(admin[0]).not.toContain("'loanHouseholds' as block");
    const partner = await statsOf(PRINCIPALS.ngo);
    expect(partner).toHaveLength(1);
    expect(partner[0]).toContain("'loanHouseholds' as block");
  });
});
