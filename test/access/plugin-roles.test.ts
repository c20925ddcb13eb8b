import type { Principal, TuopinPlugin } from '@tuopin/core';
import { createHttpTestServer, mustSucceed, TEST_REGISTRAR, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNotesPlugin } from '../fixtures/notes-plugin.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';

/**
 * A role a plugin declares, in real tokens through HTTP: it works in a province that runs the
 * plugin, with exactly the permissions it lists, and is refused at authentication elsewhere.
 * 湖南 runs the (fixture) notes plugin, 辽宁 runs core alone.
 */
export const NOTES_ACCESS: Pick<TuopinPlugin, 'permissions' | 'roles'> = {
  permissions: [{ name: 'notes.write', title: '记录走访 Record visit notes' }],
  roles: [
    {
      name: 'NOTES_VISITOR',
      title: '走访员 Visitor who reads households and records visits',
      // Reads the registry (core's permission) but may not change it, nor see personal data.
      permissions: ['core.registry.read', 'notes.write'],
      scopeLevels: ['COUNTY'],
    },
  ],
};

const visitor = (areaScopes: string[], provinceCode: string | null): Principal => ({ id: 'test:visitor', role: 'NOTES_VISITOR', areaScopes, provinceCode });

let server: HttpTestServer;
let household: { id: string; no: string };

beforeAll(async () => {
  server = await createHttpTestServer({
    plugins: [makeNotesPlugin(NOTES_ACCESS)],
    tenancy: { provinces: { '430000000000': ['notes'], '210000000000': [] } },
  });
  await insertAreas(server);
  const input = registrationInput({ villageCode: AREAS.villageA, bankAccount: '6230123456781234' });
  const registered = mustSucceed(await server.execute(RegisterHousehold, { input }, { principal: TEST_REGISTRAR }));
  household = { id: registered.household.id, no: input.householdNo };
});
afterAll(() => server.close());

async function post(caller: Principal, query: string, variables: Record<string, unknown> = {}) {
  return server.post({ query, variables }, { authorization: `Bearer ${await server.token(caller)}` });
}

describe('a plugin role in a token', () => {
  it('reads what its permissions allow where the province runs its plugin, and nothing more', async () => {
    const read = await post(visitor(['433125'], '430000000000'), 'query($no: String!) { household(householdNo: $no) { householdNo personalDataMasked bankAccount } }', { no: household.no });
    expect(read.status).toBe(200);
    expect(read.body.data.household).toEqual({ householdNo: household.no, personalDataMasked: true, bankAccount: '6230********1234' });
    const write = await post(
      visitor(['433125'], '430000000000'),
      'mutation($id: ID!) { updateHousehold(input: { id: $id, arableLand: 3.5 }) { __typename ... on Error { code } } }',
      { id: household.id },
    );
    expect(write.body.data.updateHousehold).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
  });

  it.each([
    ['in a province that does not run its plugin', visitor(['211382'], '210000000000'), /role "NOTES_VISITOR" belongs to the plugin 'notes', which province 210000000000 does not run/],
    ['without a province, when its levels do not include the nation', visitor(['433125'], null), /a NOTES_VISITOR belongs to a province/],
    ['scoped to an area of another level', visitor(['43'], '430000000000'), /a NOTES_VISITOR is scoped to county areas, not to a province area/],
    ['when nobody declares it', { ...visitor(['433125'], '430000000000'), role: 'NOTES_ADMIN' }, /unknown role "NOTES_ADMIN"/],
  ])('is refused %s, with the reason', async (_what, caller, reason) => {
    const response = await post(caller, '{ __typename }');
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: expect.stringMatching(reason) });
  });
});
