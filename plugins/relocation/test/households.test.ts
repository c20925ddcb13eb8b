import type { Principal } from '@tuopin/core';
import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Apply, Approve, House, MoveIn } from './fixtures/operations.js';
import { addFlats, applyFor, approve, createSite, snapshot } from './fixtures/relocation-flow.js';
import { CODES, insertAreas, insertHousehold, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * Who moves, and the rules of the application and the housing: every refusal is a typed error
 * naming the field in Chinese and English, and writes nothing.
 */

const clock = new TestClock();
let server: TestServer;
let siteId: string;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
  siteId = await createSite(server, { plannedHouseholds: 20, plannedFlats: 20 });
});
afterAll(() => server.close());

type Outcome = { __typename?: string; field?: string | null; messageZh?: string; messageEn?: string } | null | undefined;

/** Runs a refused write and proves the typed error names the field, in both languages, and that nothing was written. */
async function expectRefused(run: () => Promise<Outcome>, typename: string, field: string): Promise<Outcome> {
  const before = await snapshot(server);
  const outcome = await run();
  expect(outcome).toMatchObject({ __typename: typename, field });
  expect(outcome?.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(outcome?.messageEn).toMatch(/^[\x20-\x7e²×→—–]+$/);
  expect(await snapshot(server)).toBe(before);
  return outcome;
}

const application = (overrides: Record<string, unknown>) => ({
  originReason: 'GEOLOGICAL_DISASTER' as const,
  mode: 'SCATTERED' as const,
  peopleMoved: 3,
  hasLabour: true,
  planYear: 2016,
  appliedOn: '2016-03-01',
  ...overrides,
});
const apply = async (input: Record<string, unknown>, principal: Principal = PRINCIPALS.baojingOfficer) =>
  (await server.execute(Apply, { input: application(input) as never }, { principal })).data?.applyForRelocation;

describe('who moves', () => {
  it('relocates a registered household: core\'s, without a copy of it', async () => {
    const householdId = await insertHousehold(server, CODES.villageA, 5);
    const { relocatedHousehold } = mustSucceed(await server.execute(Apply, { input: application({ householdId, mode: 'CENTRALISED', siteId, peopleMoved: 5 }) as never }));
    expect(relocatedHousehold).toMatchObject({ status: 'APPLIED', category: 'REGISTERED', mode: 'CENTRALISED', peopleMoved: 5, household: { id: householdId }, headName: null, site: { id: siteId } });
  });

  it('relocates a household moved at the same time that is not registered (同步搬迁), with no core household', async () => {
    const { relocatedHousehold } = mustSucceed(
      await server.execute(Apply, { input: application({ concurrentHousehold: { villageCode: CODES.villageB, headName: '田同步', memberCount: 3 } }) as never }),
    );
    expect(relocatedHousehold).toMatchObject({ category: 'CONCURRENT', household: null, headName: '田同步', villageCode: CODES.villageB, mode: 'SCATTERED' });
    const [{ n }] = await server.sql<{ n: string }>('select count(*) as n from household where village_code = ?', [CODES.villageB]);
    expect(n).toBe('0');
  });

  it('refuses neither or both of a registered and a non-registered household', async () => {
    await expectRefused(() => apply({}), 'ValidationError', 'householdId');
    const householdId = await insertHousehold(server);
    await expectRefused(() => apply({ householdId, concurrentHousehold: { villageCode: CODES.villageA, headName: '甲', memberCount: 3 } }), 'ValidationError', 'householdId');
  });
});

describe('the five rules: mode, site, people, once (rule 2)', () => {
  it('refuses centralised without a site and scattered with one', async () => {
    const householdId = await insertHousehold(server);
    await expectRefused(() => apply({ householdId, mode: 'CENTRALISED' }), 'ValidationError', 'siteId');
    await expectRefused(() => apply({ householdId, mode: 'SCATTERED', siteId }), 'ValidationError', 'siteId');
  });

  it('refuses more people moved than the household has members', async () => {
    const householdId = await insertHousehold(server, CODES.villageA, 2);
    const refused = await expectRefused(() => apply({ householdId, peopleMoved: 3 }), 'RuleViolationError', 'peopleMoved');
    expect(refused?.messageEn).toBe("People moved (3) cannot exceed the household's members (2)");
    await expectRefused(() => apply({ concurrentHousehold: { villageCode: CODES.villageA, headName: '乙', memberCount: 2 }, peopleMoved: 3 }), 'RuleViolationError', 'peopleMoved');
  });

  it('refuses the same household relocated twice, or to a second site', async () => {
    const householdId = await insertHousehold(server);
    const otherSite = await createSite(server);
    mustSucceed(await server.execute(Apply, { input: application({ householdId, mode: 'CENTRALISED', siteId }) as never }));
    await expectRefused(() => apply({ householdId, mode: 'CENTRALISED', siteId: otherSite }), 'ConflictError', 'householdId');
    await expectRefused(() => apply({ householdId }), 'ConflictError', 'householdId');
  });

  it('of two concurrent applications of one household, exactly one succeeds', async () => {
    const householdId = await insertHousehold(server);
    const outcomes = await Promise.all([1, 2, 3].map(() => apply({ householdId })));
    expect(outcomes.map((o) => o?.__typename).sort()).toEqual(['ApplyForRelocationPayload', 'ConflictError', 'ConflictError']);
  });
});

describe('scope', () => {
  it('refuses a registered household outside the caller\'s areas as one that does not exist', async () => {
    const lingyuanHousehold = await insertHousehold(server, CODES.dalaoyemiao);
    await expectRefused(() => apply({ householdId: lingyuanHousehold }), 'NotFoundError', 'householdId');
    // A village officer of 乙村 cannot relocate a household of 甲村.
    const villageAHousehold = await insertHousehold(server, CODES.villageA);
    await expectRefused(() => apply({ householdId: villageAHousehold }, PRINCIPALS.villageBOfficer), 'NotFoundError', 'householdId');
  });

  it('refuses a non-registered household from a village outside the caller\'s areas', async () => {
    await expectRefused(() => apply({ concurrentHousehold: { villageCode: CODES.dalaoyemiao, headName: '外', memberCount: 3 } }), 'ForbiddenError', 'concurrentHousehold.villageCode');
  });

  it('tells a village code padded, cut short or of a township from a spreadsheet as a slip, not as outside the caller\'s areas', async () => {
    for (const villageCode of [` ${CODES.villageA}`, `${CODES.villageA} `, CODES.villageA.slice(0, 10), CODES.qianling]) {
      await expectRefused(() => apply({ concurrentHousehold: { villageCode, headName: '表', memberCount: 3 } }), 'ValidationError', 'concurrentHousehold.villageCode');
    }
  });

  it('refuses a site outside the caller\'s areas as one that does not exist', async () => {
    const householdId = await insertHousehold(server, CODES.dalaoyemiao);
    await expectRefused(() => apply({ householdId, mode: 'CENTRALISED', siteId }, PRINCIPALS.lingyuanOfficer), 'NotFoundError', 'siteId');
  });

  it('refuses a role without the plugin\'s permission before anything is looked up', async () => {
    const householdId = await insertHousehold(server);
    await expectRefused(() => apply({ householdId }, PRINCIPALS.auditor), 'ForbiddenError', 'householdId');
  });
});

describe('site capacity (rule 3)', () => {
  it('refuses a household beyond the site\'s planned households', async () => {
    const small = await createSite(server, { plannedHouseholds: 1, plannedFlats: 1 });
    await applyFor(server, { siteId: small });
    const householdId = await insertHousehold(server);
    const refused = await expectRefused(() => apply({ householdId, mode: 'CENTRALISED', siteId: small }), 'RuleViolationError', 'siteId');
    expect(refused?.messageEn).toBe('The site is full: it is planned for 1 households');
  });
});

describe('housing and the 25 m² ceiling (rule 1)', () => {
  const house = async (input: Record<string, unknown>, principal: Principal = PRINCIPALS.baojingOfficer) =>
    (await server.execute(House, { input: { housedOn: '2016-10-01', ...input } as never }, { principal })).data?.recordRelocationHousing;

  it('refuses a registered household\'s flat above 25 m² × people moved, and houses it in one within', async () => {
    const site = await createSite(server, { plannedHouseholds: 5, plannedFlats: 5 });
    const [big, fits] = await addFlats(server, site, ['100.01', '100.00']);
    const id = await applyFor(server, { siteId: site, peopleMoved: 4 });
    await approve(server, id);
    const refused = await expectRefused(() => house({ relocatedHouseholdId: id, flatId: big }), 'RuleViolationError', 'flatId');
    expect(refused?.messageEn).toBe("A registered household's home (100.01 m²) may not exceed 25.00 m² × 4 people moved = 100.00 m²");
    const { relocatedHousehold } = mustSucceed(await server.execute(House, { input: { relocatedHouseholdId: id, flatId: fits, housedOn: '2016-10-01' } }));
    expect(relocatedHousehold).toMatchObject({ status: 'HOUSED', floorArea: '100.00', flat: { id: fits } });
  });

  it('refuses a scattered registered household\'s home above the ceiling; a non-registered one is not held to it', async () => {
    const id = await applyFor(server, { peopleMoved: 2 });
    await approve(server, id);
    await expectRefused(() => house({ relocatedHouseholdId: id, floorArea: '50.50' }), 'RuleViolationError', 'floorArea');
    mustSucceed(await server.execute(House, { input: { relocatedHouseholdId: id, floorArea: '50.00', housedOn: '2016-10-01' } }));
    const concurrent = mustSucceed(
      await server.execute(Apply, { input: application({ concurrentHousehold: { villageCode: CODES.villageA, headName: '丙', memberCount: 2 }, peopleMoved: 2 }) as never }),
    ).relocatedHousehold.id;
    await approve(server, concurrent);
    mustSucceed(await server.execute(House, { input: { relocatedHouseholdId: concurrent, floorArea: '120.00', housedOn: '2016-10-01' } }));
  });

  it('takes the ceiling of the household\'s province and plan year from the settings', async () => {
    const strict = await createTestServer({
      settings: settingsWith(clock, { provinces: { [CODES.hunan]: { years: { '2016': { floorAreaPerPerson: '20.00' } } } } }),
      principal: PRINCIPALS.baojingOfficer,
    });
    try {
      await insertAreas(strict);
      const id = await applyFor(strict, { peopleMoved: 4 });
      await approve(strict, id);
      const refused = (await strict.execute(House, { input: { relocatedHouseholdId: id, floorArea: '80.01', housedOn: '2016-10-01' } })).data?.recordRelocationHousing;
      expect(refused).toMatchObject({ __typename: 'RuleViolationError', field: 'floorArea' });
      expect(refused && 'messageEn' in refused ? refused.messageEn : '').toContain('20.00 m² × 4 people moved = 80.00 m²');
      mustSucceed(await strict.execute(House, { input: { relocatedHouseholdId: id, floorArea: '80.00', housedOn: '2016-10-01' } }));
    } finally {
      await strict.close();
    }
  });

  it('refuses a flat of another site, a flat already taken, and a flat for a scattered household', async () => {
    const site = await createSite(server, { plannedHouseholds: 5, plannedFlats: 5 });
    const other = await createSite(server);
    const [flat] = await addFlats(server, site, ['80.00']);
    const [elsewhere] = await addFlats(server, other, ['80.00']);
    const first = await applyFor(server, { siteId: site });
    const second = await applyFor(server, { siteId: site });
    const scattered = await applyFor(server, {});
    for (const id of [first, second, scattered]) await approve(server, id);
    await expectRefused(() => house({ relocatedHouseholdId: first, flatId: elsewhere }), 'RuleViolationError', 'flatId');
    mustSucceed(await server.execute(House, { input: { relocatedHouseholdId: first, flatId: flat, housedOn: '2016-10-01' } }));
    await expectRefused(() => house({ relocatedHouseholdId: second, flatId: flat }), 'ConflictError', 'flatId');
    await expectRefused(() => house({ relocatedHouseholdId: second }), 'RuleViolationError', 'flatId');
    await expectRefused(() => house({ relocatedHouseholdId: scattered, flatId: flat }), 'ValidationError', 'flatId');
  });
});

describe('the life cycle', () => {
  it('refuses every step out of order with a typed error, and writes nothing', async () => {
    const id = await applyFor(server, {});
    await expectRefused(async () => (await server.execute(House, { input: { relocatedHouseholdId: id, floorArea: '60.00' } })).data?.recordRelocationHousing, 'RuleViolationError', 'relocatedHouseholdId');
    await expectRefused(async () => (await server.execute(MoveIn, { input: { relocatedHouseholdId: id } })).data?.recordRelocationMoveIn, 'RuleViolationError', 'relocatedHouseholdId');
    await expectRefused(async () => (await server.execute(Approve, { input: { relocatedHouseholdId: id } })).data?.approveRelocation, 'ValidationError', 'agreementDate');
    await approve(server, id);
    await expectRefused(async () => (await server.execute(Approve, { input: { relocatedHouseholdId: id, agreementDate: '2016-04-02' } })).data?.approveRelocation, 'RuleViolationError', 'relocatedHouseholdId');
    await expectRefused(async () => (await server.execute(MoveIn, { input: { relocatedHouseholdId: id } })).data?.recordRelocationMoveIn, 'RuleViolationError', 'relocatedHouseholdId');
  });

  it('refuses a date in the future or before the previous step', async () => {
    const id = await applyFor(server, {});
    await expectRefused(async () => (await server.execute(Approve, { input: { relocatedHouseholdId: id, agreementDate: '2017-06-02' } })).data?.approveRelocation, 'ValidationError', 'agreementDate');
    await approve(server, id);
    await expectRefused(
      async () => (await server.execute(House, { input: { relocatedHouseholdId: id, floorArea: '60.00', housedOn: '2016-03-31' } })).data?.recordRelocationHousing,
      'ValidationError',
      'housedOn',
    );
  });
});
