import { createTestServer, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';
import { settingsWith, TestClock } from '../fixtures/projects.js';
import { ExitStats, SignReductionTarget } from './area-exit-operations.js';

const clock = new TestClock(new Date('2020-02-10T02:00:00Z'));
let server: TestServer;

/** Historical records entered with their status: 7 households (21 people) exited in 2019 in 迁陵镇, 2 in 野竹坪镇, 1 returned. */
beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  let no = 7000;
  const register = async (villageCode: string, status: 'EXITED' | 'RETURNED' | 'POOR', exitYear: number | null) =>
    mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput({ villageCode, householdNo: `${villageCode}${no++}`, status, exitYear }) }, { principal: TEST_REGISTRAR }));
  for (let i = 0; i < 4; i++) await register(AREAS.villageA, 'EXITED', 2019);
  for (let i = 0; i < 3; i++) await register(AREAS.villageB, 'EXITED', 2019);
  for (let i = 0; i < 2; i++) await register(AREAS.villageC, 'EXITED', 2019);
  await register(AREAS.villageC, 'EXITED', 2018);
  await register(AREAS.villageA, 'RETURNED', 2018);
  await register(AREAS.villageA, 'POOR', null);
  for (const [townshipCode, targetPeople] of [[AREAS.qianling, 20], [AREAS.yezhuping, 10]] as const) {
    mustSucceed(await server.execute(SignReductionTarget, { input: { countyCode: AREAS.baojing, townshipCode, year: 2019, targetPeople, signedOn: '2019-01-10' } }, { principal: CALLERS.baojingOfficer }));
  }
});
afterAll(() => server.close());

describe('RegionStats.exits', () => {
  it('counts the year\'s exits against each township\'s target', async () => {
    const stats = (await server.execute(ExitStats, { code: AREAS.baojing, year: 2019 }, { principal: CALLERS.baojingOfficer })).data!.region!.stats.exits;
    expect(stats).toEqual({
      year: 2019,
      households: 9,
      people: 27,
      targetPeople: 30,
      reachedShare: 0.9,
      returnedHouseholds: 0,
      returnedNow: 1,
      villagesExited: 0,
      countiesExited: 0,
      byTownship: [
        { code: AREAS.qianling, name: '迁陵镇', targetPeople: 20, exitedPeople: 21, reachedShare: 1.05 },
        { code: AREAS.yezhuping, name: '野竹坪镇', targetPeople: 10, exitedPeople: 6, reachedShare: 0.6 },
      ],
    });
    const township = (await server.execute(ExitStats, { code: AREAS.qianling, year: 2019 }, { principal: CALLERS.qianlingOfficer })).data!.region!.stats.exits;
    expect(township).toMatchObject({ households: 7, people: 21, targetPeople: 20, byTownship: [{ code: AREAS.qianling }] });
  });

  it('gives partners the figures protected by the kernel: fewer than five withheld, the rest rounded down', async () => {
    const partner = (await server.execute(ExitStats, { code: AREAS.baojing, year: 2019 }, { principal: CALLERS.baojingNgo })).data!.region!.stats.exits;
    expect(partner).toMatchObject({ households: 5, people: 25, targetPeople: 30, returnedNow: null, villagesExited: null, reachedShare: 0.8333 });
    // 野竹坪镇's 6 exited people publish as 5; a township whose count is withheld would not be listed.
    expect(partner.byTownship).toEqual([
      { code: AREAS.qianling, name: '迁陵镇', targetPeople: 20, exitedPeople: 20, reachedShare: 1 },
      { code: AREAS.yezhuping, name: '野竹坪镇', targetPeople: 10, exitedPeople: 5, reachedShare: 0.5 },
    ]);
  });

  it('reads a page of areas\' exits in one statement, however many areas', async () => {
    const Page = graphql(`
      query ExitVillagePage($code: String!, $first: Int!) {
        regions(parentCode: $code, level: VILLAGE, first: $first) { edges { node { code stats { exits(year: 2019) { households people } } } } }
      }
    `);
    const one = await server.countStatements(async () => expect((await server.execute(Page, { code: AREAS.baojing, first: 1 }, { principal: CALLERS.baojingOfficer })).errors).toBeUndefined());
    const three = await server.countStatements(async () => expect((await server.execute(Page, { code: AREAS.baojing, first: 3 }, { principal: CALLERS.baojingOfficer })).errors).toBeUndefined());
    expect(three.count).toBe(one.count);
    expect(three.statements.filter((sql) => sql.includes('reduction_target'))).toHaveLength(1);
  });
});
