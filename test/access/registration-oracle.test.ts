import type { Principal } from '@tuopin/core';
import { createHttpTestServer, type HttpTestServer, mustSucceed } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { freshIdNumber, memberInput, registrationInput } from '../fixtures/households.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * Roles that see ID numbers masked (`433125********123X`) do not enter or change them. ID numbers
 * are unique in the country, so "already registered" for each of a masked number's ~4,500
 * candidates would find the real one; and an update's audit record shows whether the number
 * differed. The refusal comes before any lookup: the answer is the same whether the number exists
 * in the caller's scope, outside it, or nowhere, and nothing is written. Bank accounts likewise.
 */
const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) {
  __typename ... on RegisterHouseholdPayload { household { id members { id idNumber relationToHead } } } ... on Error { code field messageZh messageEn } } }`;
const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { __typename ... on Error { code field messageZh messageEn } } }`;
const UPDATE_MEMBER = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { __typename ... on Error { code field messageZh messageEn } } }`;
const UPDATE_HOUSEHOLD = `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { __typename ... on Error { code field messageZh messageEn } } }`;

const MASKED: [string, Principal][] = [
  ['national administrator', CALLERS.nationalAdmin],
  ['province administrator', CALLERS.hunanAdmin],
];

let server: HttpTestServer;
/** Registered in 保靖县 (湖南), in both administrators' scope. */
const inScope = { idNumber: '', householdId: '', headId: '' };
/** Registered in 凌源市 (辽宁), outside the 湖南 administrator's scope. */
const outOfScope = { idNumber: '' };

async function post(caller: Principal, query: string, input: unknown) {
  const response = await server.post({ query, variables: { input } }, { authorization: `Bearer ${await server.token(caller)}` });
  expect(response.status).toBe(200);
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return Object.values(response.body.data)[0] as Record<string, any>;
}

/** Rows a refused write must leave as they were, audit records included. */
async function rowCounts() {
  const [row] = await server.sql<{ households: string; members: string; audits: string; ids: string }>(
    `select (select count(*) from household) as households, (select count(*) from member) as members,
            (select count(*) from audit_log) as audits, (select string_agg(id_number, ',' order by id) from member) as ids`,
  );
  return row;
}

const refusal = (field: string) => ({
  __typename: 'ForbiddenError',
  code: 'FORBIDDEN',
  field,
  messageZh: expect.stringContaining('身份证号'),
  messageEn: expect.stringContaining('ID number'),
});

beforeAll(async () => {
  server = await createHttpTestServer();
  await insertAreas(server);
  const here = registrationInput();
  const registered = mustSucceed(await post(CALLERS.baojingOfficer, REGISTER, here));
  inScope.idNumber = here.members[1].idNumber;
  inScope.householdId = registered.household.id;
  inScope.headId = registered.household.members.find((m: { relationToHead: string }) => m.relationToHead === 'HEAD').id;
  const there = registrationInput({ villageCode: AREAS.dalaoyemiao, householdNo: `${AREAS.dalaoyemiao}0001` });
  mustSucceed(await post(CALLERS.liaoningOfficer, REGISTER, there));
  outOfScope.idNumber = there.members[1].idNumber;
}, 60_000);
afterAll(() => server.close());

/** A 保靖县 registration whose second member carries `idNumber`. */
function registrationWith(idNumber: string) {
  const input = registrationInput();
  input.members[1] = { ...input.members[1], idNumber };
  return input;
}

describe.each(MASKED)('a %s, who sees ID numbers masked', (_name, caller) => {
  it('cannot register a household, and the answer does not depend on whether the ID number exists', async () => {
    const before = await rowCounts();
    const answers = [];
    for (const idNumber of [inScope.idNumber, outOfScope.idNumber, freshIdNumber()]) {
      answers.push(await post(caller, REGISTER, registrationWith(idNumber)));
    }
    for (const answer of answers) expect(answer).toEqual(refusal('members[0].idNumber'));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await rowCounts()).toEqual(before);
  });

  it('cannot add a member, whether the ID number exists or not', async () => {
    const before = await rowCounts();
    for (const idNumber of [inScope.idNumber, outOfScope.idNumber, freshIdNumber()]) {
      const answer = await post(caller, ADD, { householdId: inScope.householdId, member: memberInput({ idNumber }) });
      expect(answer).toEqual(refusal('member.idNumber'));
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('cannot change an ID number, not even to the same one', async () => {
    const before = await rowCounts();
    for (const idNumber of [inScope.idNumber, outOfScope.idNumber, freshIdNumber()]) {
      expect(await post(caller, UPDATE_MEMBER, { id: inScope.headId, idNumber })).toEqual(refusal('idNumber'));
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('cannot test a bank account or health details against the stored ones, but keeps the writes that touch no personal data', async () => {
    const before = await rowCounts();
    const refused = await post(caller, UPDATE_HOUSEHOLD, { id: inScope.householdId, bankAccount: '6230123456781234' });
    expect(refused).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN', field: 'bankAccount' });
    // Health details likewise: the audit record would list the field only if the guess differed.
    expect(await post(caller, UPDATE_MEMBER, { id: inScope.headId, health: 'HEALTHY' })).toMatchObject({ __typename: 'ForbiddenError', field: 'health' });
    expect(await post(caller, UPDATE_MEMBER, { id: inScope.headId, disabilityGrade: null })).toMatchObject({ __typename: 'ForbiddenError', field: 'disabilityGrade' });
    expect(await rowCounts()).toEqual(before);
    expect((await post(caller, UPDATE_HOUSEHOLD, { id: inScope.householdId, arableLand: 3.5 })).__typename).toBe('UpdateHouseholdPayload');
    expect((await post(caller, UPDATE_MEMBER, { id: inScope.headId, employmentMonths: 4 })).__typename).toBe('UpdateMemberPayload');
  });
});

describe('officers, who see ID numbers, still enter them', () => {
  it('registers, adds a member and changes an ID number', async () => {
    const before = await rowCounts();
    const registered = await post(CALLERS.baojingOfficer, REGISTER, registrationInput());
    expect(registered.__typename).toBe('RegisterHouseholdPayload');
    const added = await post(CALLERS.villageAOfficer, ADD, { householdId: registered.household.id, member: memberInput() });
    expect(added.__typename).toBe('AddMemberPayload');
    const head = registered.household.members.find((m: { relationToHead: string }) => m.relationToHead === 'HEAD');
    expect((await post(CALLERS.qianlingOfficer, UPDATE_MEMBER, { id: head.id, idNumber: freshIdNumber({ birthDate: '1968-03-15', sex: 'MALE' }) })).__typename)
      .toBe('UpdateMemberPayload');
    expect((await post(CALLERS.baojingOfficer, UPDATE_HOUSEHOLD, { id: registered.household.id, bankAccount: '6230123456781234' })).__typename)
      .toBe('UpdateHouseholdPayload');
    const after = await rowCounts();
    expect(Number(after.households)).toBe(Number(before.households) + 1);
    expect(Number(after.members)).toBe(Number(before.members) + 4);
  });

  it('gets the conflict for a number already registered, which the officer may read anyway', async () => {
    const answer = await post(CALLERS.baojingOfficer, REGISTER, registrationWith(inScope.idNumber));
    expect(answer).toMatchObject({ __typename: 'ConflictError', field: 'members[1].idNumber' });
  });
});
