import { loadDemoData, silentLogger } from '@tuopin/server';
import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { PRINCIPALS } from './fixtures/world.js';

/**
 * The demo data answers 示范镇 as its report (篇2) gives it: "几年来共扶贫搬迁94户456人，集中安置30户135人",
 * the site in the township seat.
 */
const Township = graphql(`
  query RelocationDemoTownship {
    region(code: "809901101000") {
      name
      stats {
        households people
        relocation {
          households people centralisedHouseholds centralisedPeople scatteredHouseholds scatteredPeople registeredHouseholds
          sites flats floorAreaPerPerson demolitionDue demolished retained reclaimed labourHouseholds employedLabourHouseholds employmentRate
          subsidyPayments subsidisedHouseholds subsidiesPaid subsidiesBySource { sourceType payments households amount } selfRaisingHouseholds selfRaised
        }
      }
    }
    relocationSites(regionCode: "809901101000", first: 5) {
      totalCount
      edges { node { name areaCode status plannedHouseholds plannedFlats projects { category status } progress { households people flatsBuilt flatsAssigned movedInHouseholds } } }
    }
  }
`);

const SiteHouseholds = graphql(`
  query RelocationDemoSiteHouseholds {
    relocationSites(regionCode: "809901101000", first: 5) {
      edges { node { flats { unitNo floorArea household { peopleMoved status household { householdNo head { name } } } } } }
    }
  }
`);

const SHIFAN_OFFICER = { id: 'shifan-officer', role: 'COUNTY_OFFICER', areaScopes: ['809901'], provinceCode: '800000000000' };

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ principal: PRINCIPALS.admin });
  await loadDemoData(server.orm, server.platform, server.databaseUrl, silentLogger);
}, 300_000);
afterAll(() => server.close());

describe('the relocation demo', () => {
  it('answers 94 households and 456 people relocated in 示范镇, 30 and 135 of them at the site in the township seat', async () => {
    const result = await server.execute(Township, {});
    expect(result.errors).toBeUndefined();
    const region = result.data!.region!;
    expect(region).toMatchObject({ name: '示范镇', stats: { households: 813, people: 2930 } });
    expect(region.stats.relocation).toMatchObject({
      households: 94,
      people: 456,
      centralisedHouseholds: 30,
      centralisedPeople: 135,
      scatteredHouseholds: 64,
      scatteredPeople: 321,
      registeredHouseholds: 94,
      sites: 1,
      flats: 32,
      // 94 less the 4 retained: 6 moved in, 8 demolished, 76 reclaimed.
      demolitionDue: 90,
      demolished: 84,
      retained: 4,
      reclaimed: 76,
      // Every household paid once from each fund: 188 payments, 94 households.
      subsidyPayments: 188,
      subsidisedHouseholds: 94,
      subsidiesPaid: '3648000.00',
      subsidiesBySource: [
        { sourceType: 'CENTRAL_FISCAL', payments: 94, households: 94, amount: '2736000.00' },
        { sourceType: 'PROVINCIAL_FISCAL', payments: 94, households: 94, amount: '912000.00' },
      ],
      // 30 centralised households raised 1,000 each, 64 scattered 2,000.
      selfRaisingHouseholds: 94,
      selfRaised: '158000.00',
    });
    expect(region.stats.relocation.floorAreaPerPerson).toBeLessThanOrEqual(25);
    expect(region.stats.relocation.employmentRate).toBeGreaterThan(0.85);
    const [site] = result.data!.relocationSites.edges.map((edge) => edge.node);
    expect(result.data!.relocationSites.totalCount).toBe(1);
    expect(site).toMatchObject({
      areaCode: '809901101000',
      status: 'OCCUPIED',
      plannedHouseholds: 30,
      plannedFlats: 32,
      projects: [{ category: 'RELOCATION', status: 'ACCEPTED' }],
      progress: { households: 30, people: 135, flatsBuilt: 32, flatsAssigned: 30, movedInHouseholds: 30 },
    });
  });

  it('keeps every registered household within 25 m² a person', async () => {
    const over = await server.sql('select id from relocation_household where household_id is not null and floor_area > 25 * people_moved');
    expect(over).toEqual([]);
  });

  it('gives a partner the township\'s figures rounded down to multiples of 5', async () => {
    const result = await server.execute(Township, {}, { principal: PRINCIPALS.ngo });
    expect(result.errors).toBeUndefined();
    expect(result.data!.region!.stats.relocation).toMatchObject({ households: 90, people: 455, centralisedHouseholds: 30, centralisedPeople: 135, retained: null, sites: 1, flats: 32 });
  });

  it('shows the county officer who lives in each flat of the site, and a partner none of it', async () => {
    const officer = await server.execute(SiteHouseholds, {}, { principal: SHIFAN_OFFICER });
    expect(officer.errors).toBeUndefined();
    const flats = officer.data!.relocationSites.edges[0].node.flats;
    expect(flats).toHaveLength(32);
    const held = flats.filter((flat) => flat.household !== null);
    expect(held).toHaveLength(30);
    expect(held.reduce((total, flat) => total + flat.household!.peopleMoved, 0)).toBe(135);
    expect(held.every((flat) => flat.household!.household!.head!.name.length > 0)).toBe(true);
    const partner = await server.execute(SiteHouseholds, {}, { principal: PRINCIPALS.ngo });
    expect(partner.data?.relocationSites.edges[0].node.flats.every((flat) => flat.household === null) ?? true).toBe(true);
    expect(partner.errors?.length ?? 0).toBeGreaterThan(0);
  });
});
