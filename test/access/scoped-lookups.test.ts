import type { Principal } from '@tuopin/core';
import { createTestServer, documentOf, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * A lookup by key (a household by id) answers only inside the caller's scope, as null outside it
 * exactly as for an id that does not exist. The scope is applied to the rows read, not written
 * into the statement (kernel/scoped-loader.ts): a caller of many areas sends the same statement
 * text as any other, instead of one PostgreSQL plans again on every call for his ranges.
 */

const twoVillages: Principal = { id: 'test:two-villages', role: 'VILLAGE_OFFICER', areaScopes: [AREAS.villageB, AREAS.villageC], provinceCode: AREAS.hunan };
const Lookup = documentOf(`query($id: ID!) { household(id: $id) { householdNo } }`);

let server: TestServer;
const households: Record<'a' | 'b' | 'c', { id: string; householdNo: string }> = {} as never;

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  for (const [name, villageCode] of [['a', AREAS.villageA], ['b', AREAS.villageB], ['c', AREAS.villageC]] as const) {
    const input = registrationInput({ villageCode, householdNo: `${villageCode}9${name.charCodeAt(0)}` });
    const { household } = mustSucceed(await server.execute(RegisterHousehold, { input }, { principal: TEST_REGISTRAR }));
    households[name] = { id: household.id, householdNo: input.householdNo };
  }
});
afterAll(() => server.close());

async function lookUp(principal: Principal, id: string) {
  const { statements } = await server.countStatements(async () => {
    const result = await server.execute(Lookup, { id }, { principal });
    expect(result.errors).toBeUndefined();
    answers.push(result.data!.household?.householdNo ?? null);
  });
  return statements;
}
const answers: (string | null)[] = [];

describe('a lookup by id', () => {
  it('answers inside the caller\'s areas and null outside them, with the statement of a caller of the whole country', async () => {
    answers.length = 0;
    const hers = [await lookUp(twoVillages, households.a.id), await lookUp(twoVillages, households.b.id), await lookUp(twoVillages, households.c.id)];
    expect(answers).toEqual([null, households.b.householdNo, households.c.householdNo]);

    answers.length = 0;
    const national = await lookUp(CALLERS.nationalAdmin, households.a.id);
    expect(answers).toEqual([households.a.householdNo]);
    for (const statements of hers) {
      expect(statements).toEqual(national);
      expect(statements.join('\n')).not.toMatch(/between/i);
    }
  });

  it('answers null for a county officer of another county, as for an id that does not exist', async () => {
    answers.length = 0;
    await lookUp(CALLERS.baojingOfficer, households.a.id);
    const lingyuanOfficer: Principal = { id: 'test:lingyuan', role: 'COUNTY_OFFICER', areaScopes: ['211382'], provinceCode: AREAS.liaoning };
    await lookUp(lingyuanOfficer, households.a.id);
    await lookUp(lingyuanOfficer, Buffer.from('Household:999999999').toString('base64'));
    expect(answers).toEqual([households.a.householdNo, null, null]);
  });
});
