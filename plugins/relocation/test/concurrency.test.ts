import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddFlats, Apply, House } from './fixtures/operations.js';
import { addFlats, applyFor, approve, createSite } from './fixtures/relocation-flow.js';
import { insertAreas, insertHousehold, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * A site's capacity under concurrent writers: requests at once through GraphQL, each in its own
 * transaction on its own connection, more than the site has room for. Each writer locks the
 * site's row before it counts, so exactly as many succeed as fit and the rest get a typed error.
 */

const clock = new TestClock();
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
});
afterAll(() => server.close());

function tally(outcomes: ({ __typename?: string; field?: string | null } | null | undefined)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) {
    const key = outcome?.__typename?.endsWith('Payload') ? 'ok' : `${outcome?.__typename}:${outcome?.field}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('concurrent writes at a site', () => {
  it('twelve households housed at once in the last five flats: five get one, none is given twice', async () => {
    const siteId = await createSite(server, { plannedHouseholds: 20, plannedFlats: 8 });
    const flats = await addFlats(server, siteId, Array.from({ length: 8 }, () => '80.00'));
    const households = [];
    for (let i = 0; i < 15; i++) {
      const id = await applyFor(server, { siteId });
      await approve(server, id);
      households.push(id);
    }
    // Three flats are taken first, one at a time.
    for (const [i, id] of households.slice(0, 3).entries()) {
      expect((await server.execute(House, { input: { relocatedHouseholdId: id, flatId: flats[i], housedOn: '2016-10-01' } })).data?.recordRelocationHousing?.__typename).toBe('RecordRelocationHousingPayload');
    }
    const results = await Promise.all(households.slice(3).map((id) => server.execute(House, { input: { relocatedHouseholdId: id, housedOn: '2016-10-01' } })));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(tally(results.map((r) => r.data?.recordRelocationHousing))).toEqual({ ok: 5, 'RuleViolationError:flatId': 7 });
    const [row] = await server.sql<{ assigned: string; distinct: string }>(
      `select count(flat_id) as assigned, count(distinct flat_id) as distinct from relocation_household h join relocation_flat f on f.id = h.flat_id where f.site_id = ?`,
      [Buffer.from(siteId, 'base64').toString().split(':')[1]],
    );
    expect(row).toEqual({ assigned: '8', distinct: '8' });
  });

  it('ten households asking for the same flat at once: exactly one gets it', async () => {
    const siteId = await createSite(server, { plannedHouseholds: 10, plannedFlats: 1 });
    const [flatId] = await addFlats(server, siteId, ['80.00']);
    const households = [];
    for (let i = 0; i < 10; i++) {
      const id = await applyFor(server, { siteId });
      await approve(server, id);
      households.push(id);
    }
    const results = await Promise.all(households.map((id) => server.execute(House, { input: { relocatedHouseholdId: id, flatId, housedOn: '2016-10-01' } })));
    expect(tally(results.map((r) => r.data?.recordRelocationHousing))).toEqual({ ok: 1, 'ConflictError:flatId': 9 });
  });

  it('ten applications at once for the last three places of a site: three are placed', async () => {
    const siteId = await createSite(server, { plannedHouseholds: 5, plannedFlats: 5 });
    await applyFor(server, { siteId });
    await applyFor(server, { siteId });
    const householdIds = [];
    for (let i = 0; i < 10; i++) householdIds.push(await insertHousehold(server));
    const results = await Promise.all(
      householdIds.map((householdId) =>
        server.execute(Apply, { input: { householdId, originReason: 'REMOTE_COLD', mode: 'CENTRALISED', siteId, peopleMoved: 4, hasLabour: true, planYear: 2016, appliedOn: '2016-03-01' } }),
      ),
    );
    expect(tally(results.map((r) => r.data?.applyForRelocation))).toEqual({ ok: 3, 'RuleViolationError:siteId': 7 });
  });

  it('six batches of flats at once never build more than planned', async () => {
    const siteId = await createSite(server, { plannedHouseholds: 10, plannedFlats: 10 });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, batch) => server.execute(AddFlats, { input: { siteId, flats: [1, 2, 3].map((n) => ({ unitNo: `${batch}-${n}`, floorArea: '70.00' })) } })),
    );
    expect(tally(results.map((r) => r.data?.addRelocationFlats))).toEqual({ ok: 3, 'RuleViolationError:flats': 3 });
  });
});
