import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { createLender, disburse, fundPool, householdWithLine } from './fixtures/finance-flow.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * A page of households with their credit and loans: every relation is one batched statement,
 * so a page of 50 costs what a page of 5 costs.
 */
const HouseholdsWithLoans = graphql(`
  query FinanceHouseholdsWithLoans($first: Int!) {
    households(regionCode: "433125000000", first: $first) {
      edges {
        node {
          householdNo
          creditRating { grade score }
          creditLines { amount validUntil lender { name } }
          loans {
            principal status outstandingPrincipal daysOverdue
            lender { name }
            schedule { dueDate interestDue isPaid }
            repayments { principal interest }
          }
        }
      }
    }
  }
`);

const LoanPage = graphql(`
  query FinanceLoanPage($first: Int!) {
    loans(regionCode: "433125000000", first: $first) {
      totalCount
      edges { node { principal status outstandingPrincipal lender { name } household { householdNo } borrower { name } } }
    }
  }
`);

const clock = new TestClock();
let server: TestServer;

beforeAll(async () => {
  clock.setToday('2016-03-01');
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
  const lender = await createLender(server);
  await fundPool(server, CODES.baojing, '1000000.00');
  for (let i = 0; i < 50; i++) {
    const household = await householdWithLine(server, lender, { amount: '20000.00' });
    await disburse(server, household, { principal: '10000.00', termMonths: 12 + (i % 3) * 12 });
  }
  clock.setToday('2016-07-01');
}, 120_000);
afterAll(() => server.close());

describe('SQL statements for a page of households with their loans', () => {
  it('runs the same few statements for 5 or 50 households', async () => {
    const counts: number[] = [];
    for (const first of [5, 50]) {
      const { count, statements } = await server.countStatements(async () => {
        const result = await server.execute(HouseholdsWithLoans, { first });
        expect(result.errors).toBeUndefined();
        const edges = result.data!.households.edges;
        expect(edges).toHaveLength(first);
        for (const { node } of edges) {
          expect(node.creditRating).toEqual({ grade: 'AAA', score: 92 });
          expect(node.loans).toHaveLength(1);
          expect(node.loans[0]).toMatchObject({ principal: '10000.00', status: 'OVERDUE', lender: { name: '保靖县农村信用合作联社' } });
        }
      });
      // households, ratings, credit lines, lenders, loans, loan positions, schedules, repayments
      expect(count, statements.join('\n')).toBe(8);
      counts.push(count);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it('runs the same statements for a page of 5 or 50 loans with their positions, lenders, households and borrowers', async () => {
    const runs: { count: number; statements: string[] }[] = [];
    for (const first of [5, 50]) {
      runs.push(
        await server.countStatements(async () => {
          const result = await server.execute(LoanPage, { first });
          expect(result.errors).toBeUndefined();
          expect(result.data!.loans.totalCount).toBe(50);
          const edges = result.data!.loans.edges;
          expect(edges).toHaveLength(first);
          for (const { node } of edges) {
            expect(node).toMatchObject({ principal: '10000.00', status: 'OVERDUE', lender: { name: '保靖县农村信用合作联社' } });
            expect(node.household.householdNo).toBeTruthy();
            expect(node.borrower.name).toBeTruthy();
          }
        }),
      );
    }
    // page, count, positions, lenders, households, members: one of each, whatever the page size
    expect(runs[0].count, runs[0].statements.join('\n')).toBe(runs[1].count);
    expect(runs[1].count, runs[1].statements.join("\n")).toBe(6);
  });
});
