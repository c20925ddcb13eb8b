import type { Principal } from '@tuopin/core';
import { createTestServer, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { memberInput, registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';

/**
 * The principal already scopes every read and write, though authentication (who the principal
 * is) comes later: a county officer sees the county, and statistics agree with what they see.
 */
const countyOfficer: Principal = { id: 'officer-baojing', role: 'COUNTY_OFFICER', areaScopes: ['433125'], provinceCode: '430000000000' };
const ngo: Principal = { id: 'ngo-1', role: 'NGO_PARTNER', areaScopes: [''], provinceCode: null };

const Overview = graphql(`
  query ScopedOverview($code: String!) {
    region(code: $code) { stats { households people } }
    households(first: 100) { totalCount edges { node { householdNo } } }
  }
`);
const ByNumber = graphql(`
  query ScopedByNumber($no: String!) { household(householdNo: $no) { householdNo } }
`);

let server: TestServer;
const numbers: Record<string, string> = {};

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  for (const village of [AREAS.villageA, AREAS.villageC, AREAS.dalaoyemiao]) {
    const input = registrationInput({ villageCode: village, householdNo: `${village}0001`, members: [memberInput({ relationToHead: 'HEAD' })] });
    mustSucceed(await server.execute(RegisterHousehold, { input }, { principal: TEST_REGISTRAR }));
    numbers[village] = input.householdNo;
  }
});
afterAll(() => server.close());

describe('area scope', () => {
  it('limits lists, lookups and statistics to the caller\'s area', async () => {
    const national = await server.execute(Overview, { code: AREAS.hunan });
    expect(national.data!.households.totalCount).toBe(3);

    const scoped = await server.execute(Overview, { code: AREAS.hunan }, { principal: countyOfficer });
    expect(scoped.data!.households.totalCount).toBe(2);
    expect(scoped.data!.region!.stats).toEqual({ households: 2, people: 2 });
    const liaoning = await server.execute(Overview, { code: AREAS.liaoning }, { principal: countyOfficer });
    expect(liaoning.data!.region!.stats.households).toBe(0);

    const foreign = await server.execute(ByNumber, { no: numbers[AREAS.dalaoyemiao] }, { principal: countyOfficer });
    expect(foreign.data!.household).toBeNull();
  });

  it('refuses writes outside the caller\'s area and leaves nothing behind', async () => {
    const input = registrationInput({ villageCode: AREAS.dalaoyemiao, members: [memberInput({ relationToHead: 'HEAD' })] });
    const result = await server.execute(RegisterHousehold, { input }, { principal: countyOfficer });
    expect(result.data!.registerHousehold).toMatchObject({ __typename: 'ForbiddenError', field: 'villageCode' });
    expect(await server.sql('select 1 from household where household_no = ?', [input.householdNo])).toEqual([]);
  });

  it('never shows people to an NGO partner', async () => {
    const result = await server.execute(ByNumber, { no: numbers[AREAS.villageA] }, { principal: ngo });
    expect(result.data?.household ?? null).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const write = await server.execute(RegisterHousehold, { input: registrationInput({ members: [memberInput({ relationToHead: 'HEAD' })] }) }, { principal: ngo });
    expect(write.data!.registerHousehold).toMatchObject({ __typename: 'ForbiddenError' });
  });
});
