import { createTestServer, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { insertAreas } from '../fixtures/areas.js';
import { globalId, registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { registryCounts } from '../fixtures/registry-counts.js';

const RecordIncome = graphql(`
  mutation RecordIncome($input: RecordHouseholdIncomeInput!) {
    recordHouseholdIncome(input: $input) {
      __typename
      ... on RecordHouseholdIncomePayload {
        income { year wages business transfers property productionCosts netIncome householdSize perCapitaNetIncome povertyLine belowPovertyLine }
        household { incomes { year } }
      }
      ... on Error { code field messageZh messageEn }
      ... on ValidationError { issues { field } }
    }
  }
`);
const IncomeOfYear = graphql(`
  query IncomeOfYear($id: ID!, $year: Int!) {
    household(id: $id) { income(year: $year) { netIncome perCapitaNetIncome belowPovertyLine } }
  }
`);

let server: TestServer;
let householdId: string;

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  householdId = mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput() }, { principal: TEST_REGISTRAR })).household.id;
});
afterAll(() => server.close());

const components = { wages: '6000', business: '3500.50', transfers: '1200', property: '0', productionCosts: '800.25' };

describe('recordHouseholdIncome', () => {
  it('computes net and per-capita income exactly and compares them with that year\'s line', async () => {
    const result = await server.execute(RecordIncome, { input: { householdId, year: 2019, ...components } });
    expect(result.data!.recordHouseholdIncome).toMatchObject({
      __typename: 'RecordHouseholdIncomePayload',
      income: {
        year: 2019,
        wages: '6000.00',
        business: '3500.50',
        netIncome: '9900.25',
        householdSize: 3,
        // 9900.25 / 3 = 3300.0833… → 3300.08, above 2019's line of 3218
        perCapitaNetIncome: '3300.08',
        povertyLine: '3218.00',
        belowPovertyLine: false,
      },
    });
  });

  it('uses the given household size and flags incomes below the line', async () => {
    const result = await server.execute(RecordIncome, { input: { householdId, year: 2020, ...components, householdSize: 4 } });
    // 9900.25 / 4 = 2475.0625 → 2475.06, below 2020's line of 4000
    expect(result.data!.recordHouseholdIncome).toMatchObject({ income: { perCapitaNetIncome: '2475.06', povertyLine: '4000.00', belowPovertyLine: true } });
  });

  it('corrects a year by recording it again, never duplicating it', async () => {
    mustSucceed(await server.execute(RecordIncome, { input: { householdId, year: 2018, ...components } }));
    const again = await server.execute(RecordIncome, { input: { householdId, year: 2018, ...components, wages: '7000' } });
    expect(again.data!.recordHouseholdIncome).toMatchObject({ income: { netIncome: '10900.25' } });
    const rows = await server.sql('select id from household_income where year = 2018');
    expect(rows).toHaveLength(1);
    const read = await server.execute(IncomeOfYear, { id: householdId, year: 2018 });
    expect(read.data!.household!.income).toEqual({ netIncome: '10900.25', perCapitaNetIncome: '3633.42', belowPovertyLine: false });
  });

  it('reports no line for a year without one configured', async () => {
    const result = await server.execute(RecordIncome, { input: { householdId, year: 2024, ...components } });
    expect(result.data!.recordHouseholdIncome).toMatchObject({ income: { povertyLine: null, belowPovertyLine: null } });
  });

  it('refuses negative income, bad years and sizes, writing nothing', async () => {
    const before = await registryCounts(server);
    const negative = await server.execute(RecordIncome, { input: { householdId, year: 2017, ...components, wages: '-1.00' } });
    expect(negative.data!.recordHouseholdIncome).toMatchObject({ __typename: 'ValidationError', field: 'wages' });
    const badYear = await server.execute(RecordIncome, { input: { householdId, year: 1999, ...components, householdSize: 0 } });
    const issues = badYear.data!.recordHouseholdIncome.__typename === 'ValidationError' ? badYear.data!.recordHouseholdIncome.issues : [];
    expect(issues.map((i) => i.field)).toEqual(['year', 'householdSize']);
    const unknown = await server.execute(RecordIncome, { input: { householdId: globalId('Household', 424242), year: 2017, ...components } });
    expect(unknown.data!.recordHouseholdIncome).toMatchObject({ __typename: 'NotFoundError', field: 'householdId' });
    expect(await registryCounts(server)).toEqual(before);
  });

  it('refuses an amount that is not money before anything runs', async () => {
    const result = await server.execute(RecordIncome, { input: { householdId, year: 2017, ...components, wages: '12.345' } });
    expect(result.errors?.[0].message).toMatch(/金额.*Money/);
  });
});
