import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import { AddSupport, Demolish, PaySubsidy, Reclaim, RelocationStats, Retain } from './fixtures/operations.js';
import { addFlats, applyFor, approve, createSite, houseAndMoveIn } from './fixtures/relocation-flow.js';
import { relocationProgramme } from './fixtures/relocation-programme.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

/**
 * `RegionStats.relocation`: exact for officers, within the caller's scope, and protected for
 * partners through the kernel (counts below 5 withheld, others rounded down; money to 万元).
 */

const clock = new TestClock();
let server: TestServer;

const Households = graphql(`
  query RelocationHouseholdsOf($regionCode: String) {
    relocatedHouseholds(regionCode: $regionCode, first: 50) { totalCount edges { node { status mode category } } }
  }
`);

const VillageStats = graphql(`
  query RelocationVillageStats($code: String!) {
    village(code: $code) { stats { relocation { households people retained } } }
  }
`);

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
  const programme = await relocationProgramme(server, clock, { placeCode: CODES.baojing, amount: '100000.00' });
  const siteId = await createSite(server, { plannedHouseholds: 3, plannedFlats: 4 });
  const flats = await addFlats(server, siteId, ['100.00', '75.00', '90.00', '60.00']);
  // 保靖县: three centralised households of 4 moved, two scattered of 3, one only applied.
  const centralised = [];
  for (let i = 0; i < 3; i++) centralised.push(await applyFor(server, { siteId, peopleMoved: 4, hasLabour: i < 2 }));
  const scattered = [await applyFor(server, { peopleMoved: 3, villageCode: CODES.villageB }), await applyFor(server, { peopleMoved: 3 })];
  await applyFor(server, { peopleMoved: 2 });
  for (const [i, id] of centralised.entries()) {
    await approve(server, id);
    await houseAndMoveIn(server, id, { flatId: flats[i] });
  }
  for (const id of scattered) {
    await approve(server, id);
    await houseAndMoveIn(server, id, { floorArea: '70.50' });
  }
  mustSucceed(await server.execute(AddSupport, { input: { relocatedHouseholdId: centralised[0], kind: 'EMPLOYMENT', people: 1, note: '务工', startedOn: '2017-01-02' } }));
  mustSucceed(await server.execute(Demolish, { input: { relocatedHouseholdId: centralised[0], oldHouseArea: '80.00', demolishedOn: '2017-02-01' } }));
  mustSucceed(await server.execute(Reclaim, { input: { relocatedHouseholdId: centralised[0], reclaimedAreaMu: '0.30', kind: 'ARABLE', reclaimedOn: '2017-04-01' } }));
  mustSucceed(await server.execute(Demolish, { input: { relocatedHouseholdId: centralised[1], oldHouseArea: '70.00', demolishedOn: '2017-02-01' } }));
  mustSucceed(await server.execute(Retain, { input: { relocatedHouseholdId: scattered[0], reason: 'TRADITIONAL_VILLAGE', countyApprovalNo: '保发改〔2017〕3号', approvedOn: '2017-02-01' } }));
  for (const id of [...centralised, ...scattered]) {
    mustSucceed(await server.execute(PaySubsidy, { input: { relocatedHouseholdId: id, allocationId: programme.allocationId, amount: '5000.00', paidOn: '2017-03-01', voucherNo: `BZ-${id}` } }));
  }
  // 凌源市: one household, out of 保靖县's figures.
  await applyFor(server, { villageCode: CODES.dalaoyemiao, principal: PRINCIPALS.lingyuanOfficer });
});
afterAll(() => server.close());

describe('RegionStats.relocation', () => {
  it('counts an area\'s relocation exactly for its officers', async () => {
    const result = await server.execute(RelocationStats, { code: CODES.baojing });
    expect(result.errors).toBeUndefined();
    expect(result.data!.region!.stats.relocation).toEqual({
      households: 6,
      people: 20,
      centralisedHouseholds: 3,
      centralisedPeople: 12,
      scatteredHouseholds: 3,
      scatteredPeople: 8,
      registeredHouseholds: 6,
      movedInHouseholds: 5,
      sites: 1,
      flats: 4,
      housedPeople: 18,
      housedFloorArea: 406,
      floorAreaPerPerson: 22.5556,
      demolitionDue: 4,
      demolished: 2,
      demolitionRate: 0.5,
      retained: 1,
      reclaimed: 1,
      reclamationRate: 0.5,
      labourHouseholds: 4,
      employedLabourHouseholds: 1,
      employmentRate: 0.25,
      subsidyPayments: 5,
      subsidisedHouseholds: 5,
      subsidiesPaid: '25000.00',
      subsidiesBySource: [{ sourceType: 'CENTRAL_FISCAL', payments: 5, households: 5, amount: '25000.00' }],
      selfRaisingHouseholds: 0,
      selfRaised: '0.00',
    });
  });

  it('covers only what the caller may see: a village, another county', async () => {
    const village = await server.execute(VillageStats, { code: CODES.villageB });
    expect(village.data!.village!.stats.relocation).toEqual({ households: 1, people: 3, retained: 1 });
    const lingyuan = await server.execute(RelocationStats, { code: CODES.baojing }, { principal: PRINCIPALS.lingyuanOfficer });
    // Areas are public; their figures cover only the caller's scope, which holds nothing of 保靖县.
    expect(lingyuan.data!.region!.stats.relocation).toMatchObject({ households: 0, people: 0, sites: 0, flats: 0, subsidiesPaid: '0.00', subsidiesBySource: [] });
    const list = await server.execute(Households, { regionCode: null }, { principal: PRINCIPALS.lingyuanOfficer });
    expect(list.data!.relocatedHouseholds.totalCount).toBe(1);
  });

  it('is protected for partners: small counts withheld, others rounded down, ratios from the published parts', async () => {
    const result = await server.execute(RelocationStats, { code: CODES.baojing }, { principal: PRINCIPALS.ngo });
    expect(result.errors).toBeUndefined();
    expect(result.data!.region!.stats.relocation).toMatchObject({
      households: 5,
      people: 20,
      centralisedHouseholds: null,
      scatteredPeople: 5,
      sites: 1,
      flats: 4,
      demolished: null,
      demolitionRate: null,
      subsidyPayments: 5,
      subsidisedHouseholds: 5,
      subsidiesPaid: '20000.00',
      subsidiesBySource: [{ sourceType: 'CENTRAL_FISCAL', payments: 5, households: 5, amount: '20000.00' }],
    });
    const list = await server.execute(Households, { regionCode: CODES.baojing }, { principal: PRINCIPALS.ngo });
    expect(list.data?.relocatedHouseholds ?? null).toBeNull();
  });
});
