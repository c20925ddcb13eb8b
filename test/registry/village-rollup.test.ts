import { createTestServer, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentOf } from '@tuopin/testing';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { memberInput, registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';

/**
 * Statistics read the per-village rollup that triggers keep. Whatever happens to households —
 * registrations (concurrent ones too), members joining and leaving, exits, moves, direct SQL —
 * the rollup must equal a count made from scratch.
 */
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
});
afterAll(() => server.close());

async function expectRollupExact() {
  const drift = await server.sql(`
    with actual as (
      select village_code, count(*) as households, sum(member_count) as people,
             count(*) filter (where status in ('POOR','RETURNED')) as poor_households,
             coalesce(sum(member_count) filter (where status in ('POOR','RETURNED')), 0) as poor_people
      from household group by village_code)
    select coalesce(a.village_code, s.village_code) as village_code, a.households, s.households as rolled_households, a.people, s.people as rolled_people
    from actual a full join village_stats s on s.village_code = a.village_code
    where coalesce(a.households, 0) <> coalesce(s.households, 0) or coalesce(a.people, 0) <> coalesce(s.people, 0)
       or coalesce(a.poor_households, 0) <> coalesce(s.poor_households, 0) or coalesce(a.poor_people, 0) <> coalesce(s.poor_people, 0)`);
  expect(drift).toEqual([]);
}

describe('the village rollup', () => {
  it('stays exact through registrations, members, exits and moves', async () => {
    const ids: string[] = [];
    for (const village of [AREAS.villageA, AREAS.villageA, AREAS.villageB, AREAS.villageC]) {
      const result = await server.execute(RegisterHousehold, { input: registrationInput({ villageCode: village }) }, { principal: TEST_REGISTRAR });
      ids.push(mustSucceed(result).household.id);
    }
    await expectRollupExact();

    const update = documentOf(`mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { __typename ... on Error { code field messageEn } } }`);
    const add = documentOf(`mutation($input: AddMemberInput!) { addMember(input: $input) { __typename ... on Error { code field messageEn } } }`);
    // A status changes only through a workflow (updateHousehold refuses it): written as the exit's removal step writes it.
    const exitedId = Number(Buffer.from(ids[0], 'base64').toString('utf8').split(':')[1]);
    await server.sql("update household set status = 'EXITED', exit_year = 2019 where id = ?", [exitedId]);
    mustSucceed(await server.execute(update, { input: { id: ids[1], villageCode: AREAS.villageC } }));
    mustSucceed(await server.execute(add, { input: { householdId: ids[2], member: memberInput() } }, { principal: TEST_REGISTRAR }));
    await expectRollupExact();

    const region = documentOf(`query($code: String!) { region(code: $code) { stats { households people poorHouseholds poorPeople } } }`);
    const county = await server.execute(region, { code: AREAS.baojing });
    expect(county.data.region.stats).toEqual({ households: 4, people: 13, poorHouseholds: 3, poorPeople: 10 });
  });

  it('stays exact under concurrent registrations in one village', async () => {
    const registered = await Promise.all(
      Array.from({ length: 20 }, () =>
        server.execute(RegisterHousehold, { input: registrationInput({ villageCode: AREAS.villageB, members: [memberInput({ relationToHead: 'HEAD' })] }) }, { principal: TEST_REGISTRAR }),
      ),
    );
    for (const result of registered) mustSucceed(result);
    await expectRollupExact();
  });

  it('stays exact when rows change outside the API, a statement at a time', async () => {
    await server.sql("update household set status = 'RETURNED' where village_code = ?", [AREAS.villageB]);
    await server.sql('update household set member_count = member_count + 1 where village_code = ?', [AREAS.villageC]);
    await expectRollupExact();
  });
});
