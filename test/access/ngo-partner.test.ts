import { createHttpTestServer, type HttpTestServer, mustSucceed, TEST_REGISTRAR } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { memberInput, registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';

const STATS = `query($code: String!) { region(code: $code) { stats { households people poorHouseholds poorPeople ruralPopulation povertyIncidence projectCount } } }`;

let server: HttpTestServer;
let ngoToken: string;

beforeAll(async () => {
  server = await createHttpTestServer();
  await insertAreas(server);
  // 甲村 gets 6 poor households of one person; 丙村 gets 2.
  for (const [village, count] of [[AREAS.villageA, 6], [AREAS.villageC, 2]] as const) {
    for (let i = 0; i < count; i++) {
      mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput({ villageCode: village, members: [memberInput({ relationToHead: 'HEAD' })] }) }, { principal: TEST_REGISTRAR }));
    }
  }
  ngoToken = await server.token(CALLERS.baojingNgo);
});
afterAll(() => server.close());

const asNgo = (body: unknown) => server.post(body, { authorization: `Bearer ${ngoToken}` });

describe('an NGO partner', () => {
  it('reads area statistics, with counts below 5 withheld and the others rounded down to a multiple of 5', async () => {
    const county = await asNgo({ query: STATS, variables: { code: AREAS.baojing } });
    // 8 households of one poor person each: published as 5; the incidence is of the published 5.
    expect(county.body.data.region.stats).toEqual({ households: 5, people: 5, poorHouseholds: 5, poorPeople: 5, ruralPopulation: 3000, povertyIncidence: 0.0017, projectCount: 0 });
    const village = await asNgo({ query: STATS, variables: { code: AREAS.villageC } });
    expect(village.body.errors).toBeUndefined();
    expect(village.body.data.region ?? null).toBeNull(); // a village is not a Region
    const small = await asNgo({ query: `{ village(code: "${AREAS.villageC}") { stats { households people poorPeople povertyIncidence ruralPopulation } } }` });
    expect(small.body.data.village.stats).toEqual({ households: null, people: null, poorPeople: null, povertyIncidence: null, ruralPopulation: 1200 });
    // An officer sees the same small figures in full.
    const officer = await server.post(
      { query: `{ village(code: "${AREAS.villageC}") { stats { households poorPeople } } }` },
      { authorization: `Bearer ${await server.token(CALLERS.baojingOfficer)}` },
    );
    expect(officer.body.data.village.stats).toEqual({ households: 2, poorPeople: 2 });
    const officerCounty = await server.post({ query: STATS, variables: { code: AREAS.baojing } }, { authorization: `Bearer ${await server.token(CALLERS.baojingOfficer)}` });
    expect(officerCounty.body.data.region.stats).toMatchObject({ households: 8, poorPeople: 8, povertyIncidence: 0.0027 });
  });

  it('is protected with the k of the deployment\'s settings', async () => {
    const strict = await createHttpTestServer({ settings: { ...server.settings, suppression: { threshold: 3 } } });
    try {
      await insertAreas(strict);
      for (let i = 0; i < 8; i++) {
        mustSucceed(await strict.execute(RegisterHousehold, { input: registrationInput({ villageCode: AREAS.villageA, members: [memberInput({ relationToHead: 'HEAD' })] }) }, { principal: TEST_REGISTRAR }));
      }
      const response = await strict.post({ query: STATS, variables: { code: AREAS.baojing } }, { authorization: `Bearer ${await strict.token(CALLERS.baojingNgo)}` });
      expect(response.body.data.region.stats).toMatchObject({ households: 6, people: 6 });
    } finally {
      await strict.close();
    }
  });

  it('never reaches a household or a person, by any road', async () => {
    for (const query of [
      '{ households(first: 5) { totalCount edges { node { householdNo } } } }',
      `{ household(householdNo: "${AREAS.villageA}0001") { householdNo } }`,
      `{ village(code: "${AREAS.villageA}") { households(first: 5) { totalCount } } }`,
    ]) {
      const response = await asNgo({ query });
      expect(response.body.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
      expect(JSON.stringify(response.body.data ?? {}), query).not.toMatch(/householdNo":"\d/);
    }
    const [{ id }] = await server.sql<{ id: number }>('select id from member limit 1');
    const node = await asNgo({ query: `{ node(id: "${Buffer.from(`Member:${id}`).toString('base64')}") { id } }` });
    expect(node.body.data.node).toBeNull();
    expect(node.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('cannot write anything', async () => {
    const response = await asNgo({
      query: `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { __typename } }`,
      variables: { input: registrationInput({ members: [memberInput({ relationToHead: 'HEAD' })] }) },
    });
    expect(response.body.data.registerHousehold.__typename).toBe('ForbiddenError');
  });
});
