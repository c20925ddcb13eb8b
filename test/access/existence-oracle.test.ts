import { createHttpTestServer, type HttpTestServer, mustSucceed } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { freshIdNumber, globalId, memberInput, registrationInput } from '../fixtures/households.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * Writes check what lies in the caller's scope first, so an out-of-scope fact never changes the
 * answer. ID numbers and household numbers are unique in the whole country: a collision with a
 * row in another province is reported as a conflict that does not say where, and only once every
 * in-scope check has passed.
 */
const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) {
  __typename ... on RegisterHouseholdPayload { household { id } } ... on Error { code field messageZh messageEn } } }`;
const UPDATE = `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { __typename ... on Error { code field messageEn } } }`;
const LOAN = `mutation($input: DisburseLoanInput!) { disburseLoan(input: $input) { __typename ... on Error { code field messageEn } } }`;

let server: HttpTestServer;
let groups: Record<string, number[]>;
/** A person and a household number registered in 辽宁, outside every 湖南 caller's scope. */
const elsewhere = { idNumber: '', householdNo: `${AREAS.dalaoyemiao}0042`, householdId: '', memberId: '' };

beforeAll(async () => {
  server = await createHttpTestServer();
  groups = await insertAreas(server);
  const input = registrationInput({ villageCode: AREAS.dalaoyemiao, householdNo: elsewhere.householdNo });
  elsewhere.idNumber = input.members[1].idNumber;
  mustSucceed(await register(CALLERS.liaoningOfficer, input));
});
afterAll(() => server.close());

async function post(caller: (typeof CALLERS)[keyof typeof CALLERS], query: string, input: unknown) {
  const response = await server.post({ query, variables: { input } }, { authorization: `Bearer ${await server.token(caller)}` });
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return Object.values(response.body.data)[0] as { __typename: string; field?: string; messageZh?: string; messageEn?: string; household?: { id: string } };
}
const register = (caller: (typeof CALLERS)[keyof typeof CALLERS], input: unknown) => post(caller, REGISTER, input);

/** A 湖南 registration whose second member is `idNumber`. */
function withMember(idNumber: string, overrides: Record<string, unknown> = {}) {
  return registrationInput({ members: [memberInput({ relationToHead: 'HEAD' }), memberInput({ idNumber })], ...overrides });
}

describe('registerHousehold', () => {
  it('answers a group that does not exist the same, whether or not the ID number is registered elsewhere', async () => {
    const missingGroup = { groupId: 987_654 };
    const taken = await register(CALLERS.baojingOfficer, withMember(elsewhere.idNumber, missingGroup));
    const fresh = await register(CALLERS.baojingOfficer, withMember(freshIdNumber(), missingGroup));
    expect(taken).toMatchObject({ __typename: 'NotFoundError', field: 'groupId' });
    expect(fresh).toEqual(taken);
  });

  it('answers a group of another village the same, whether or not the household number is taken elsewhere', async () => {
    const otherVillagesGroup = { groupId: groups[AREAS.villageB][0] };
    const taken = await register(CALLERS.baojingOfficer, registrationInput({ ...otherVillagesGroup, householdNo: elsewhere.householdNo }));
    const fresh = await register(CALLERS.baojingOfficer, registrationInput(otherVillagesGroup));
    expect(taken).toMatchObject({ __typename: 'NotFoundError', field: 'groupId' });
    expect(fresh).toEqual(taken);
  });

  it('answers a village outside the scope the same, whether or not the ID number is registered', async () => {
    const taken = await register(CALLERS.qianlingOfficer, withMember(elsewhere.idNumber, { villageCode: AREAS.villageC }));
    const fresh = await register(CALLERS.qianlingOfficer, withMember(freshIdNumber(), { villageCode: AREAS.villageC }));
    expect(taken).toMatchObject({ __typename: 'ForbiddenError', field: 'villageCode' });
    expect(fresh).toEqual(taken);
  });

  it('reports a national collision only after every in-scope check, without saying where', async () => {
    const inScope = registrationInput();
    mustSucceed(await register(CALLERS.baojingOfficer, inScope));

    const far = await register(CALLERS.baojingOfficer, withMember(elsewhere.idNumber));
    const near = await register(CALLERS.baojingOfficer, withMember(inScope.members[2].idNumber));
    expect(far).toMatchObject({ __typename: 'ConflictError', field: 'members[1].idNumber' });
    expect(near).toEqual(far);
    for (const text of [far.messageZh, far.messageEn]) {
      expect(text).not.toMatch(/辽宁|大老爷庙|211382|Liaoning/);
    }

    const farNumber = await register(CALLERS.baojingOfficer, registrationInput({ householdNo: elsewhere.householdNo }));
    const nearNumber = await register(CALLERS.baojingOfficer, registrationInput({ householdNo: inScope.householdNo }));
    expect(farNumber).toMatchObject({ __typename: 'ConflictError', field: 'householdNo' });
    expect(nearNumber).toEqual(farNumber);
    expect(await server.sql('select count(*)::int as n from member where id_number = ?', [elsewhere.idNumber])).toEqual([{ n: 1 }]);
  });
});

describe('writes by a role that may not touch the registry', () => {
  it('answer alike whether the household exists or not', async () => {
    const existing = mustSucceed(await register(CALLERS.baojingOfficer, registrationInput()));
    const missing = globalId('Household', 999_999);
    const update = async (id: string) => post(CALLERS.baojingNgo, UPDATE, { id, arableLand: 1 });
    expect(await update(existing.household!.id)).toEqual(await update(missing));

    const loan = (householdId: string) =>
      post(CALLERS.baojingNgo, LOAN, { householdId, borrowerId: globalId('Member', 1), principal: '1000.00', termMonths: 12, purpose: '养猪', industry: 'LIVESTOCK' });
    expect(await loan(existing.household!.id)).toEqual(await loan(missing));
  });
});
