import { createHttpTestServer, type HttpTestServer, mustSucceed } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { globalId, registrationInput } from '../fixtures/households.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * Input that no resolver can use gets a typed error naming the field, never an unexpected
 * INTERNAL_SERVER_ERROR: NUL characters, ids and cursors that are not numbers, timestamps that are
 * not instants. A global ID of a type the caller's province does not run reads as null, exactly
 * like an id that does not exist. Through the real gateway, with real tokens.
 */
const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) {
  __typename ... on RegisterHouseholdPayload { household { id householdNo } } ... on Error { code field } } }`;

let server: HttpTestServer;
let liaoningHousehold: string;

beforeAll(async () => {
  // 辽宁 runs core alone: finance types do not exist in its schema.
  server = await createHttpTestServer({ tenancy: { provinces: { '210000000000': [] } } });
  await insertAreas(server);
  const registered = await server.post(
    { query: REGISTER, variables: { input: registrationInput({ villageCode: AREAS.dalaoyemiao, householdNo: `${AREAS.dalaoyemiao}0001` }) } },
    await as(CALLERS.liaoningOfficer),
  );
  liaoningHousehold = mustSucceed(registered).household.id;
});
afterAll(() => server.close());

async function as(caller: (typeof CALLERS)[keyof typeof CALLERS]) {
  return { authorization: `Bearer ${await server.token(caller)}` };
}

function expectTypedError(body: any, code: string, field?: string) {
  expect(body.errors, JSON.stringify(body)).toHaveLength(1);
  const [error] = body.errors;
  expect(error.extensions.code).toBe(code);
  if (field !== undefined) expect(error.extensions.field).toBe(field);
  expect(error.extensions.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(error.extensions.messageEn).toMatch(/[A-Za-z]/);
}

const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('NUL characters', () => {
  it('are refused in any variable, naming the field, and nothing is written', async () => {
    const input = registrationInput({ householdNo: `${AREAS.villageA}0777` });
    input.members[1] = { ...input.members[1], name: '田秀\u0000英' };
    const response = await server.post({ query: REGISTER, variables: { input } }, await as(CALLERS.baojingOfficer));
    expectTypedError(response.body, 'VALIDATION_FAILED', 'input.members[1].name');
    // The client's to fix, not a server fault: yoga answered 500 for it until session 35.
    expect(response.status).toBe(400);
    expect(await server.sql('select 1 from household where household_no = ?', [input.householdNo])).toEqual([]);
  });

  it('are refused in string literals (escaped), in searches and filters', async () => {
    const search = await server.post({ query: '{ households(search: "彭\\u0000", first: 5) { totalCount } }' }, await as(CALLERS.baojingOfficer));
    expectTypedError(search.body, 'VALIDATION_FAILED', 'search');
    expect(search.status).toBe(400);
    const filter = await server.post(
      { query: 'query($r: String!) { projects(regionCode: $r, first: 5) { totalCount } }', variables: { r: '433125\u0000000000' } },
      await as(CALLERS.baojingOfficer),
    );
    expectTypedError(filter.body, 'VALIDATION_FAILED', 'r');
  });
});

describe('global IDs and cursors', () => {
  it.each([
    ['an id that is not a number', globalId('Household', 'abc')],
    ['an integer beyond the database range', globalId('Project', '9999999999')],
    ['a negative id', globalId('Member', '-1')],
    ['text that is no global ID at all', 'not-an-id'],
  ])('refuse %s with a typed error', async (_what, id) => {
    const node = await server.post({ query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id } }, await as(CALLERS.baojingOfficer));
    expectTypedError(node.body, 'VALIDATION_FAILED', 'id');
    const nodes = await server.post({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: [id] } }, await as(CALLERS.baojingOfficer));
    expectTypedError(nodes.body, 'VALIDATION_FAILED');
  });

  it('read a division code given for a database object as not found', async () => {
    const response = await server.post({ query: `{ node(id: "${globalId('Household', AREAS.villageA)}") { id } }` }, await as(CALLERS.baojingOfficer));
    expect(response.body).toEqual({ data: { node: null } });
  });

  it.each([
    ['households', 'households(first: 1, after: $after) { totalCount }', ['甲村', 'one']],
    ['households (id out of range)', 'households(first: 1, after: $after) { totalCount }', [AREAS.villageA, 1e12]],
    ['areas', 'regions(parentCode: "433125000000", first: 1, after: $after) { totalCount }', [12]],
    ['projects', 'projects(first: 1, after: $after) { totalCount }', ['433125100201', 'x']],
  ])('refuse a forged %s cursor with a typed error', async (_list, selection, key) => {
    const response = await server.post({ query: `query($after: String) { ${selection} }`, variables: { after: cursor(key) } }, await as(CALLERS.baojingOfficer));
    expectTypedError(response.body, 'VALIDATION_FAILED', 'after');
  });
});

describe('objects of a plugin the province does not run', () => {
  it('read as null through node and nodes, like ids that do not exist', async () => {
    const loan = globalId('Loan', 1);
    const single = await server.post({ query: `{ node(id: "${loan}") { id } }` }, await as(CALLERS.liaoningOfficer));
    expect(single.body).toEqual({ data: { node: null } });
    const many = await server.post({ query: `{ nodes(ids: ["${loan}", "${liaoningHousehold}", "${globalId('Query', 1)}"]) { id } }` }, await as(CALLERS.liaoningOfficer));
    expect(many.body).toEqual({ data: { nodes: [null, { id: liaoningHousehold }, null] } });
  });

  it('and nodes asks for at most a page of ids', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => globalId('Household', i + 1));
    const response = await server.post({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids } }, await as(CALLERS.liaoningOfficer));
    expectTypedError(response.body, 'VALIDATION_FAILED', 'ids');
  });
});

describe('timestamps and dates', () => {
  it.each([
    ['a day that does not exist', '2026-02-30T00:00:00Z'],
    ['a time without a zone', '2026-03-01T08:00:00'],
    ['an hour that does not exist', '2026-03-01T24:30:00Z'],
    ['a year no record can have', '0100-03-01T08:00:00Z'],
  ])('refuse %s', async (_what, value) => {
    const response = await server.post(
      { query: 'query($t: DateTime!) { projects(regionCode: "433125000000", updatedAfter: $t, first: 1) { totalCount } }', variables: { t: value } },
      await as(CALLERS.baojingOfficer),
    );
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors[0].message).toMatch(/DateTime|timestamp/);
  });

  it('accept an instant with its zone', async () => {
    const response = await server.post(
      { query: 'query($t: DateTime!) { projects(regionCode: "433125000000", updatedAfter: $t, first: 1) { totalCount } }', variables: { t: '2026-03-01T08:00:00+08:00' } },
      await as(CALLERS.baojingOfficer),
    );
    expect(response.body).toEqual({ data: { projects: { totalCount: 0 } } });
  });

  it('refuse dates outside 1900–2100', async () => {
    const response = await server.post(
      { query: '{ region(code: "433125000000") { stats { finance(asOf: "0100-01-01") { loanCount } } } }' },
      await as(CALLERS.baojingOfficer),
    );
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors[0].message).toMatch(/1900-01-01.*2100-12-31/);
  });
});

describe('values from a spreadsheet', () => {
  const ALLOCATE = `allocateFunds(input: { fundId: "${globalId('Fund', 1)}", projectId: "${globalId('Project', 1)}", amount: AMOUNT, date: "2016-05-01" }) { __typename }`;

  it.each([
    ['three decimals', '"1000.001"', /两位小数/],
    ['full-width digits', '"１０００.00"', /两位小数/],
    ['a Chinese thousands separator', '"1，000.00"', /两位小数/],
    ['a number instead of a string', '1000.5', /字符串/],
  ])('an amount with %s written in the query is refused naming input.amount', async (_what, amount, zh) => {
    const response = await server.post({ query: `mutation { ${ALLOCATE.replace('AMOUNT', amount)} }` }, await as(CALLERS.baojingOfficer));
    expectTypedError(response.body, 'BAD_USER_INPUT', 'input.amount');
    expect(response.body.errors[0].extensions.messageZh).toMatch(zh);
  });

  it('an amount with full-width digits sent as a variable is refused naming input.amount', async () => {
    const response = await server.post(
      {
        query: 'mutation($input: AllocateFundsInput!) { allocateFunds(input: $input) { __typename } }',
        variables: { input: { fundId: globalId('Fund', 1), projectId: globalId('Project', 1), amount: '５００.00' } },
      },
      await as(CALLERS.baojingOfficer),
    );
    expectTypedError(response.body, 'BAD_USER_INPUT', 'input.amount');
  });

  it.each([
    ['a 13th month in a member\'s birth date', (input: any) => (input.members[1].birthDate = '1970-13-02'), 'input.members[1].birthDate'],
    ['a year typed as text', (input: any) => (input.yearIdentified = '2016'), 'input.yearIdentified'],
    ['a category padded with a space', (input: any) => (input.category = 'ORDINARY '), 'input.category'],
  ])('a registration with %s is refused naming the field, and nothing is written', async (_what, spoil, field) => {
    const input = registrationInput({ householdNo: `${AREAS.villageA}0888` });
    spoil(input);
    const response = await server.post({ query: REGISTER, variables: { input } }, await as(CALLERS.baojingOfficer));
    expectTypedError(response.body, 'BAD_USER_INPUT', field);
    expect(await server.sql('select 1 from household where household_no = ?', [input.householdNo])).toEqual([]);
  });

  it('a day that does not exist in a query argument is refused naming the argument', async () => {
    const response = await server.post(
      { query: '{ region(code: "433125000000") { stats { finance(asOf: "2016-02-30") { loanCount } } } }' },
      await as(CALLERS.baojingOfficer),
    );
    expectTypedError(response.body, 'BAD_USER_INPUT', 'asOf');
    expect(response.body.errors[0].extensions.messageEn).toMatch(/YYYY-MM-DD/);
  });
});
