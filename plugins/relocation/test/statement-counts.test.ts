import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { AddSupport } from './fixtures/operations.js';
import { addFlats, applyFor, approve, createSite, houseAndMoveIn } from './fixtures/relocation-flow.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/** Pages of sites and of relocated households: every relation is one batched statement, so 5 cost what 30 cost. */
const SitePage = graphql(`
  query RelocationSitePage($first: Int!) {
    relocationSites(regionCode: "433125000000", first: $first) {
      edges { node { name progress { households people flatsBuilt } flats { unitNo household { peopleMoved } } } }
    }
  }
`);

const HouseholdPage = graphql(`
  query RelocationHouseholdPage($first: Int!) {
    relocatedHouseholds(regionCode: "433125000000", first: $first) {
      totalCount
      edges { node { status household { householdNo } site { name } flat { unitNo } supports { kind } subsidies { amount } } }
    }
  }
`);

const VillageStats = graphql(`
  query RelocationVillagesStats {
    regions(parentCode: "433125000000", level: VILLAGE, first: 10) { edges { node { code stats { relocation { households people demolished employmentRate } } } } }
  }
`);

const clock = new TestClock();
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
  for (let s = 0; s < 30; s++) {
    const siteId = await createSite(server, { plannedHouseholds: 2, plannedFlats: 2 });
    const [flat] = await addFlats(server, siteId, ['80.00', '80.00']);
    const id = await applyFor(server, { siteId, villageCode: s % 2 ? CODES.villageA : CODES.villageB });
    await approve(server, id);
    await houseAndMoveIn(server, id, { flatId: flat });
    mustSucceed(await server.execute(AddSupport, { input: { relocatedHouseholdId: id, kind: 'EMPLOYMENT', people: 1, note: '务工', startedOn: '2017-01-02' } }));
  }
}, 180_000);
afterAll(() => server.close());

describe('SQL statements', () => {
  it('a page of sites with progress, flats and their households: the same for 5 or 30', async () => {
    const counts: number[] = [];
    for (const first of [5, 30]) {
      const { count, statements } = await server.countStatements(async () => {
        const result = await server.execute(SitePage, { first });
        expect(result.errors).toBeUndefined();
        expect(result.data!.relocationSites.edges).toHaveLength(first);
        expect(result.data!.relocationSites.edges.every(({ node }) => node.progress.households === 1 && node.flats.length === 2)).toBe(true);
      });
      // sites, progress, flats, the flats' households
      expect(count, statements.join('\n')).toBe(4);
      counts.push(count);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it('a page of relocated households with their household, site, flat, support and subsidies: the same for 5 or 30', async () => {
    const counts: number[] = [];
    for (const first of [5, 30]) {
      const { count, statements } = await server.countStatements(async () => {
        const result = await server.execute(HouseholdPage, { first });
        expect(result.errors).toBeUndefined();
        expect(result.data!.relocatedHouseholds.totalCount).toBe(30);
        expect(result.data!.relocatedHouseholds.edges.every(({ node }) => node.supports.length === 1 && node.flat !== null)).toBe(true);
      });
      // page, count, households, sites, flats, supports, subsidies
      expect(count, statements.join('\n')).toBe(7);
      counts.push(count);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it('the relocation figures of a page of villages in one statement', async () => {
    const { count, statements } = await server.countStatements(async () => {
      const result = await server.execute(VillageStats, {});
      expect(result.errors).toBeUndefined();
      expect(result.data!.regions.edges.map(({ node }) => node.stats.relocation.households)).toEqual([15, 15]);
    });
    // villages, then relocation's one statement for all of them
    expect(statements.filter((s) => s.includes('relocation_household')), statements.join('\n')).toHaveLength(1);
    expect(count).toBeLessThanOrEqual(3);
  });
});
