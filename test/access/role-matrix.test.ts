import type { Principal } from '@tuopin/core';
import { createHttpTestServer, type HttpTestServer, mustSucceed, TEST_REGISTRAR } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { memberInput, registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * Who may read, write and see personal data, through HTTP with real tokens: every role against
 * a household in its own area, one elsewhere in its province, and one in another province.
 */
const READ = `query($no: String!) { household(householdNo: $no) { householdNo personalDataMasked bankAccount members { idNumber health } } }`;
const WRITE = `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { __typename ... on Error { code } } }`;

type Outcome = 'visible' | 'absent' | 'forbidden';
type WriteOutcome = 'UpdateHouseholdPayload' | 'ForbiddenError' | 'NotFoundError';

// Households: A in 甲村 (迁陵镇, 保靖县, 湖南); C in 丙村 (野竹坪镇, 保靖县); D in 大老爷庙村 (辽宁).
const MATRIX: [keyof typeof CALLERS, { A: Outcome; C: Outcome; D: Outcome; writeA: WriteOutcome; personal: boolean }][] = [
  ['nationalAdmin', { A: 'visible', C: 'visible', D: 'visible', writeA: 'UpdateHouseholdPayload', personal: false }],
  ['hunanAdmin', { A: 'visible', C: 'visible', D: 'absent', writeA: 'UpdateHouseholdPayload', personal: false }],
  ['baojingOfficer', { A: 'visible', C: 'visible', D: 'absent', writeA: 'UpdateHouseholdPayload', personal: true }],
  ['qianlingOfficer', { A: 'visible', C: 'absent', D: 'absent', writeA: 'UpdateHouseholdPayload', personal: true }],
  ['villageAOfficer', { A: 'visible', C: 'absent', D: 'absent', writeA: 'UpdateHouseholdPayload', personal: true }],
  ['hunanAuditor', { A: 'visible', C: 'visible', D: 'absent', writeA: 'ForbiddenError', personal: true }],
  ['baojingNgo', { A: 'forbidden', C: 'forbidden', D: 'forbidden', writeA: 'ForbiddenError', personal: false }],
  ['liaoningOfficer', { A: 'absent', C: 'absent', D: 'visible', writeA: 'NotFoundError', personal: true }],
];

let server: HttpTestServer;
const households: Record<'A' | 'C' | 'D', { id: string; no: string; idNumber: string }> = {} as never;

beforeAll(async () => {
  server = await createHttpTestServer();
  await insertAreas(server);
  for (const [key, village] of [['A', AREAS.villageA], ['C', AREAS.villageC], ['D', AREAS.dalaoyemiao]] as const) {
    const head = memberInput({ relationToHead: 'HEAD', health: 'CHRONIC_ILLNESS' });
    const input = registrationInput({ villageCode: village, householdNo: `${village}7777`, bankAccount: '6230123456781234', members: [head] });
    const { household } = mustSucceed(await server.execute(RegisterHousehold, { input }, { principal: TEST_REGISTRAR }));
    households[key] = { id: household.id, no: input.householdNo, idNumber: head.idNumber };
  }
});
afterAll(() => server.close());

async function read(caller: Principal, key: 'A' | 'C' | 'D') {
  const response = await server.post({ query: READ, variables: { no: households[key].no } }, { authorization: `Bearer ${await server.token(caller)}` });
  expect(response.status).toBe(200);
  return response.body;
}

describe.each(MATRIX)('%s', (name, expected) => {
  const caller = CALLERS[name] as Principal;

  it.each(['A', 'C', 'D'] as const)('reads household %s as expected', async (key) => {
    const body = await read(caller, key);
    const outcome: Outcome = body.errors?.[0]?.extensions?.code === 'FORBIDDEN' ? 'forbidden' : body.data.household ? 'visible' : 'absent';
    expect(outcome).toBe(expected[key]);
  });

  it('writes household A only with the role and the scope', async () => {
    const response = await server.post(
      { query: WRITE, variables: { input: { id: households.A.id, arableLand: 3.5 } } },
      { authorization: `Bearer ${await server.token(caller)}` },
    );
    expect(response.body.data.updateHousehold.__typename).toBe(expected.writeA);
  });

  it(`sees personal data ${expected.personal ? 'unmasked, and the read is recorded' : 'masked'}`, async () => {
    const own = (['A', 'C', 'D'] as const).find((key) => expected[key] === 'visible');
    if (!own) {
      expect(expected.personal).toBe(false); // a caller who sees no household sees no person either
      return;
    }
    const before = await server.sql<{ n: string }>("select count(*) as n from audit_log where action = 'READ' and actor = ?", [caller.id]);
    const { data } = await read(caller, own);
    const [member] = data.household.members;
    if (expected.personal) {
      expect(data.household).toMatchObject({ personalDataMasked: false, bankAccount: '6230123456781234' });
      expect(member).toEqual({ idNumber: households[own].idNumber, health: 'CHRONIC_ILLNESS' });
    } else {
      expect(data.household).toMatchObject({ personalDataMasked: true, bankAccount: '6230********1234' });
      expect(member.idNumber).toBe(`${households[own].idNumber.slice(0, 6)}********${households[own].idNumber.slice(14)}`);
      expect(member.health).toBeNull();
    }
    const after = await server.sql<{ n: string }>("select count(*) as n from audit_log where action = 'READ' and actor = ?", [caller.id]);
    // One row per request: the household and its member (and an auditor's query) together.
    expect(Number(after[0].n) - Number(before[0].n)).toBe(expected.personal ? 1 : 0);
    if (expected.personal) {
      const [row] = await server.sql<{ read_objects: string[] }>("select read_objects from audit_log where action = 'READ' and actor = ? order by id desc limit 1", [caller.id]);
      expect(row.read_objects.map((key) => key.split(':')[0]).sort()).toEqual(['Household', 'Member']);
    }
  });
});
