import { createHttpTestServer, createTestServer, documentOf, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';

/** Registration as an HTTP request body: the same mutation, selecting what `mustSucceed` reports. */
const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) {
  __typename ... on RegisterHouseholdPayload { household { householdNo } } ... on Error { code field messageZh messageEn } } }`;

/** `mustSucceed` is what keeps setups honest, so it is tested against real results, not made-up ones. */
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
});
afterAll(() => server.close());

describe('mustSucceed', () => {
  it('returns the payload of a mutation that succeeded, from the response or from the field', async () => {
    const response = await server.execute(RegisterHousehold, { input: registrationInput({ villageCode: AREAS.villageA }) }, { principal: TEST_REGISTRAR });
    const payload = mustSucceed(response);
    expect(payload.__typename).toBe('RegisterHouseholdPayload');
    expect(payload.household.village.code).toBe(AREAS.villageA);
    expect(mustSucceed(response.data?.registerHousehold)).toBe(payload);
  });

  it('fails with the typed error\'s code, field and messages', async () => {
    const response = await server.execute(RegisterHousehold, { input: registrationInput({ villageCode: '999999999999' }) }, { principal: TEST_REGISTRAR });
    expect(response.data?.registerHousehold.__typename).toMatch(/Error$/);
    expect(() => mustSucceed(response)).toThrowError(/setup mutation failed: \w+Error — code \w+ — field villageCode — /);
  });

  it('fails on GraphQL errors and on a document that does not select __typename', async () => {
    const invalid = documentOf(`mutation { registerHousehold(input: {}) { __typename } }`);
    const refused = await server.execute(invalid);
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect(() => mustSucceed(refused)).toThrowError(/setup mutation failed with GraphQL errors: .*villageCode/);
    const blind = documentOf(`mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { ... on Error { code } } }`);
    const response = await server.execute(blind, { input: registrationInput({ villageCode: AREAS.villageA }) }, { principal: TEST_REGISTRAR });
    expect(() => mustSucceed(response)).toThrowError('select __typename');
  });

  it('checks an HTTP response\'s status before its body', async () => {
    const http = await createHttpTestServer();
    try {
      await insertAreas(http);
      const register = { query: REGISTER, variables: { input: registrationInput({ villageCode: AREAS.villageA }) } };
      const unauthenticated = await http.post(register);
      expect(unauthenticated.status).toBe(401);
      expect(() => mustSucceed(unauthenticated)).toThrowError(/setup request failed with HTTP status 401: .*UNAUTHENTICATED/);
      const refused = await http.post(register, { authorization: `Bearer ${await http.token(CALLERS.liaoningOfficer)}` });
      expect(refused.status).toBe(200);
      expect(() => mustSucceed(refused)).toThrowError(/setup mutation failed: ForbiddenError — code FORBIDDEN — field villageCode/);
      const registered = await http.post(register, { authorization: `Bearer ${await http.token(CALLERS.baojingOfficer)}` });
      expect(mustSucceed(registered).household.householdNo).toBe(register.variables.input.householdNo);
    } finally {
      await http.close();
    }
  });
});
