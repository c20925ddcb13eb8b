import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { applyFor } from './fixtures/relocation-flow.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * The households' own money (`selfRaised`) is withheld from partners with the households that
 * raised some, not with all households: most raise nothing (0 by default), so five households
 * (k = 5) can hold one household's money, and the sum would tell a partner what it raised.
 *
 * 甲村: five households, one of which raised 30,000. 乙村: six, five of which raised 3,000 each.
 */

// Only fields that existed before, so that the partner's view is compared on the old schema too.
const PartnerSelfRaised = graphql(`
  query RelocationPartnerSelfRaised($code: String!) {
    village(code: $code) { stats { relocation { households selfRaised } } }
  }
`);

const SelfRaised = graphql(`
  query RelocationSelfRaisingHouseholds($code: String!) {
    village(code: $code) { stats { relocation { households selfRaisingHouseholds selfRaised } } }
  }
`);

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(new TestClock()), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
  await applyFor(server, { villageCode: CODES.villageA, selfRaised: '30000.00' });
  for (let i = 0; i < 4; i++) await applyFor(server, { villageCode: CODES.villageA });
  for (let i = 0; i < 5; i++) await applyFor(server, { villageCode: CODES.villageB, selfRaised: '3000.00' });
  await applyFor(server, { villageCode: CODES.villageB, selfRaised: '0.00' });
}, 60_000);
afterAll(() => server.close());

describe('selfRaised for partners', () => {
  it('is withheld where fewer than k households raised money, however many households moved', async () => {
    const result = await server.execute(PartnerSelfRaised, { code: CODES.villageA }, { principal: PRINCIPALS.ngo });
    expect(result.errors).toBeUndefined();
    expect(result.data!.village!.stats.relocation).toEqual({ households: 5, selfRaised: null });
  });

  it('is published rounded down to the money unit where k households raised money', async () => {
    const result = await server.execute(PartnerSelfRaised, { code: CODES.villageB }, { principal: PRINCIPALS.ngo });
    expect(result.errors).toBeUndefined();
    expect(result.data!.village!.stats.relocation).toEqual({ households: 5, selfRaised: '10000.00' });
  });

  it('is exact for officers, with the households that raised money counted by hand', async () => {
    const [row] = await server.sql<{ a: number; b: number }>(
      `select count(*) filter (where village_code = ? and self_raised > 0)::int as a, count(*) filter (where village_code = ? and self_raised > 0)::int as b from relocation_household`,
      [CODES.villageA, CODES.villageB],
    );
    expect(row).toEqual({ a: 1, b: 5 });
    const a = await server.execute(SelfRaised, { code: CODES.villageA });
    expect(a.errors).toBeUndefined();
    expect(a.data!.village!.stats.relocation).toEqual({ households: 5, selfRaisingHouseholds: row.a, selfRaised: '30000.00' });
    const b = await server.execute(SelfRaised, { code: CODES.villageB });
    expect(b.data!.village!.stats.relocation).toEqual({ households: 6, selfRaisingHouseholds: row.b, selfRaised: '15000.00' });
  });
});
