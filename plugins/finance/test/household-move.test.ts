import type { Principal } from '@tuopin/core';
import { createHttpTestServer, type HttpTestServer, mustSucceed } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLender, disburse, fundPool, householdWithLine } from './fixtures/finance-flow.js';
import { RecordRepayment } from './fixtures/operations.js';
import { CODES, globalId, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * A household's finance rows follow it when it moves (issue 10, §1), through the real gateway:
 * after 甲村 → 乙村 the old village's officer reads nothing of the borrower, and after 乙村 →
 * 大老爷庙村 (another county, another province) neither does 保靖县's officer; the new officers read
 * everything, and statistics count the loans where the household lives now.
 */

const clock = new TestClock();
const officer = (id: string, scope: string, province: string): Principal => ({ id, role: 'VILLAGE_OFFICER', areaScopes: [scope], provinceCode: province });
const villageAOfficer = officer('officer-village-a', CODES.villageA, CODES.hunan);
const villageBOfficer = officer('officer-village-b', CODES.villageB, CODES.hunan);

let server: HttpTestServer;
const ids = { household: '', loan: '', line: '', rating: '', repayment: '', borrower: '' };

beforeAll(async () => {
  server = await createHttpTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  const lender = await createLender(server);
  await fundPool(server, CODES.baojing, '1000000.00');
  const household = await householdWithLine(server, lender, { villageCode: CODES.villageA });
  ids.household = household.globalId;
  ids.borrower = household.memberIds[0];
  ids.line = household.lineId;
  ids.loan = (await disburse(server, household)).id;
  const [rating] = await server.sql<{ id: number }>('select id from finance_credit_rating where household_id = ?', [household.id]);
  ids.rating = globalId('CreditRating', rating.id);
  clock.setToday('2016-06-01');
  ids.repayment = mustSucceed(await server.execute(RecordRepayment, { input: { loanId: ids.loan, principal: '1000.00', interest: '0.00' } })).repayment.id;
});
afterAll(() => server.close());

async function ask(principal: Principal, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.post({ query, variables }, { authorization: `Bearer ${await server.token(principal)}` });
  expect(response.status).toBe(200);
  return response.body as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function moveHousehold(principal: Principal, villageCode: string) {
  const body = await ask(
    principal,
    `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { __typename ... on Error { code messageEn } } }`,
    { input: { id: ids.household, villageCode } },
  );
  expect(body.data.updateHousehold).toEqual({ __typename: 'UpdateHouseholdPayload' });
}

/** Everything an officer might read of the borrower, by every road: lists, node, nested fields, statistics. */
const EVERYTHING = `query($area: String!, $household: ID!, $loan: ID!, $line: ID!, $rating: ID!, $repayment: ID!, $borrower: ID!) {
  loans(regionCode: $area, first: 10) { totalCount edges { node { id household { id } borrower { idNumber birthDate health } creditLine { amount } repayments { principal } } } }
  household: node(id: $household) { id }
  borrower: node(id: $borrower) { id }
  loan: node(id: $loan) { id ... on Loan { villageCode household { id } borrower { idNumber } creditLine { id } repayments { id } } }
  line: node(id: $line) { id }
  rating: node(id: $rating) { id }
  repayment: node(id: $repayment) { id }
  stats: region(code: $area) { stats { finance { loanCount borrowingHouseholds ratedHouseholds creditLineHouseholds outstanding } } }
  village(code: $area) { stats { finance { loanCount borrowingHouseholds ratedHouseholds creditLineHouseholds outstanding } } }
}`;

async function everything(principal: Principal, area: string) {
  const body = await ask(principal, EVERYTHING, { area, ...ids });
  // Never an INTERNAL_SERVER_ERROR (nor any other error) on any of these roads.
  expect(body.errors).toBeUndefined();
  const data = body.data;
  return { ...data, finance: (data.stats ?? data.village).stats.finance };
}

function expectNothing(seen: Awaited<ReturnType<typeof everything>>) {
  expect(seen.loans).toEqual({ totalCount: 0, edges: [] });
  for (const key of ['household', 'borrower', 'loan', 'line', 'rating', 'repayment']) expect(seen[key], key).toBeNull();
  expect(seen.finance).toMatchObject({ loanCount: 0, borrowingHouseholds: 0, ratedHouseholds: 0, creditLineHouseholds: 0, outstanding: '0.00' });
}

function expectEverything(seen: Awaited<ReturnType<typeof everything>>, villageCode: string) {
  expect(seen.loans.totalCount).toBe(1);
  expect(seen.loan).toMatchObject({ id: ids.loan, villageCode, household: { id: ids.household }, creditLine: { id: ids.line }, repayments: [{ id: ids.repayment }] });
  expect(seen.loan.borrower.idNumber).not.toContain('*');
  for (const key of ['household', 'borrower', 'line', 'rating', 'repayment']) expect(seen[key], key).not.toBeNull();
  expect(seen.finance).toMatchObject({ loanCount: 1, borrowingHouseholds: 1, ratedHouseholds: 1, creditLineHouseholds: 1, outstanding: '29000.00' });
}

describe('a household that moves to another village', () => {
  beforeAll(() => moveHousehold(PRINCIPALS.baojingOfficer, CODES.villageB));

  it('takes its ratings, credit lines, loans and repayments out of the old village', async () => {
    expectNothing(await everything(villageAOfficer, CODES.villageA));
  });

  it('brings them to the new village, where every road to them works', async () => {
    expectEverything(await everything(villageBOfficer, CODES.villageB), CODES.villageB);
  });

  it('is recorded in the audit log under the mutation that moved it', async () => {
    const records = await server.sql<{ object_type: string; area_code: string; before: Record<string, string>; after: Record<string, string> }>(
      `select object_type, area_code, before, after from audit_log where operation = 'updateHousehold' and action = 'UPDATE' and object_type like 'finance_%'`,
    );
    expect(new Set(records.map((r) => r.object_type))).toEqual(new Set(['finance_credit_rating', 'finance_credit_line', 'finance_loan', 'finance_repayment']));
    for (const record of records) {
      expect(record.before).toEqual({ village_code: CODES.villageA });
      expect(record.after).toEqual({ village_code: CODES.villageB });
      expect(record.area_code).toBe(CODES.villageB);
    }
  });
});

describe('a household that moves to another county', () => {
  beforeAll(() => moveHousehold(PRINCIPALS.admin, CODES.dalaoyemiao));

  it('leaves nothing of it to the old county', async () => {
    expectNothing(await everything(PRINCIPALS.baojingOfficer, CODES.baojing));
    expectNothing(await everything(villageBOfficer, CODES.villageB));
  });

  it('gives all of it to the new county', async () => {
    expectEverything(await everything(PRINCIPALS.lingyuanOfficer, CODES.lingyuan), CODES.dalaoyemiao);
  });
});
