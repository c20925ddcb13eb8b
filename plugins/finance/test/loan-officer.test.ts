import type { Principal } from '@tuopin/core';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLender, fundPool } from './fixtures/finance-flow.js';
import { CODES, insertAreas, insertHousehold, PRINCIPALS, settingsWith, TestClock, type TestHousehold } from './fixtures/world.js';

/**
 * Finance's own role, through HTTP with real tokens: a loan officer of a lending bank's county
 * branch rates households, grants credit lines and lends in his county, reading ID numbers to do
 * so, but registers and changes no household. Where a province does not run finance the role is
 * refused at authentication.
 */
const clock = new TestClock();
const LOAN_OFFICER: Principal = { id: 'bank:baojing-branch-1', role: 'FINANCE_LOAN_OFFICER', areaScopes: ['433125'], provinceCode: '430000000000' };

let server: HttpTestServer;
let lenderId: string;
let household: TestHousehold;

beforeAll(async () => {
  server = await createHttpTestServer({
    settings: settingsWith(clock),
    principal: PRINCIPALS.baojingOfficer,
    tenancy: { provinces: { '430000000000': ['finance'], '210000000000': [] } },
  });
  await insertAreas(server);
  lenderId = await createLender(server);
  await fundPool(server, CODES.baojing, '1000000.00');
  household = await insertHousehold(server);
});
afterAll(() => server.close());

async function post(caller: Principal, query: string, variables: Record<string, unknown>) {
  const response = await server.post({ query, variables }, { authorization: `Bearer ${await server.token(caller)}` });
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return response.body.data;
}

const RATE = `mutation($id: ID!) { rateHousehold(input: { householdId: $id, score: 92, ratedOn: "2016-02-01", rater: "保靖农商行" }) { __typename ... on Error { code } } }`;
const GRANT = `mutation($id: ID!, $lender: ID!) { grantCreditLine(input: { householdId: $id, lenderId: $lender, amount: "50000.00", validFrom: "2016-02-15", validUntil: "2019-02-14" }) { __typename ... on Error { code } } }`;
const LEND = `mutation($id: ID!, $borrower: ID!) { disburseLoan(input: { householdId: $id, borrowerId: $borrower, principal: "30000.00", termMonths: 12, purpose: "保靖黄金茶种植", industry: PLANTING, disbursedOn: "2016-03-01" }) { __typename ... on Error { code field } } }`;

describe('FINANCE_LOAN_OFFICER', () => {
  it('rates, grants a credit line and lends in his county', async () => {
    expect((await post(LOAN_OFFICER, RATE, { id: household.globalId })).rateHousehold).toEqual({ __typename: 'RateHouseholdPayload' });
    expect((await post(LOAN_OFFICER, GRANT, { id: household.globalId, lender: lenderId })).grantCreditLine).toEqual({ __typename: 'GrantCreditLinePayload' });
    expect((await post(LOAN_OFFICER, LEND, { id: household.globalId, borrower: household.memberIds[0] })).disburseLoan).toEqual({ __typename: 'DisburseLoanPayload' });
  });

  it('reads the household with its ID numbers, and may not change it', async () => {
    const read = await post(LOAN_OFFICER, 'query($id: ID!) { node(id: $id) { ... on Household { personalDataMasked loans { principal } } } }', { id: household.globalId });
    expect(read.node).toEqual({ personalDataMasked: false, loans: [{ principal: '30000.00' }] });
    const update = await post(LOAN_OFFICER, 'mutation($id: ID!) { updateHousehold(input: { id: $id, arableLand: 2.5 }) { __typename ... on Error { code } } }', { id: household.globalId });
    expect(update.updateHousehold).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
  });

  it('is refused, with the reason, in a province that does not run finance', async () => {
    const caller = { ...LOAN_OFFICER, areaScopes: ['211382'], provinceCode: '210000000000' };
    const response = await server.post({ query: '{ __typename }' }, { authorization: `Bearer ${await server.token(caller)}` });
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.reason).toBe(`invalid claims: role "FINANCE_LOAN_OFFICER" belongs to the plugin 'finance', which province 210000000000 does not run`);
  });
});
