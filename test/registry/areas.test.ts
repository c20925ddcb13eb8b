import { createTestServer, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { memberInput, registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';

const RegionWithStats = graphql(`
  query RegionWithStats($code: String!) {
    region(code: $code) {
      id code name level
      parent { code name level }
      children(first: 10) { totalCount edges { node { code name level } } }
      stats { households people poorHouseholds poorPeople ruralPopulation povertyIncidence }
    }
  }
`);

const VillageDetails = graphql(`
  query VillageDetails($code: String!) {
    village(code: $code) {
      code name level isPovertyVillage exitYear ruralPopulation
      groups { id name }
      parent { code name }
      households(first: 10) { totalCount edges { node { householdNo } } }
      stats { households people poorHouseholds poorPeople povertyIncidence }
    }
  }
`);

const AreaList = graphql(`
  query AreaList($parentCode: String, $level: AreaLevel, $first: Int, $after: String) {
    regions(parentCode: $parentCode, level: $level, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { __typename code name stats { households } } }
    }
  }
`);

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  // 甲村: 2 poor households (3 + 2 people) and 1 exited (4 people); 丙村: 1 returned (1 person).
  const plan: [string, 'POOR' | 'EXITED' | 'RETURNED', number][] = [
    [AREAS.villageA, 'POOR', 3],
    [AREAS.villageA, 'POOR', 2],
    [AREAS.villageA, 'EXITED', 4],
    [AREAS.villageC, 'RETURNED', 1],
  ];
  for (const [village, status, size] of plan) {
    const members = [memberInput({ relationToHead: 'HEAD' }), ...Array.from({ length: size - 1 }, () => memberInput())];
    const input = registrationInput({ villageCode: village, status, exitYear: status === 'POOR' ? null : 2018, members });
    mustSucceed(await server.execute(RegisterHousehold, { input }, { principal: TEST_REGISTRAR }));
  }
});
afterAll(() => server.close());

describe('administrative areas', () => {
  it('answers a county with its parent, children and statistics computed over its subtree', async () => {
    const result = await server.execute(RegionWithStats, { code: AREAS.baojing });
    expect(result.errors).toBeUndefined();
    expect(result.data!.region).toMatchObject({
      code: AREAS.baojing,
      name: '保靖县',
      level: 'COUNTY',
      parent: { code: AREAS.xiangxi, level: 'PREFECTURE' },
      children: { totalCount: 2, edges: [{ node: { name: '迁陵镇' } }, { node: { name: '野竹坪镇' } }] },
      // poor people: 3 + 2 (POOR) + 1 (RETURNED); rural population 1000 + 800 + 1200
      stats: { households: 4, people: 10, poorHouseholds: 3, poorPeople: 6, ruralPopulation: 3000, povertyIncidence: 0.002 },
    });
  });

  it('gives the same figures at every level of the tree', async () => {
    const hunan = (await server.execute(RegionWithStats, { code: AREAS.hunan })).data!.region!;
    const township = (await server.execute(RegionWithStats, { code: AREAS.qianling })).data!.region!;
    expect(hunan.stats).toMatchObject({ households: 4, poorPeople: 6 });
    expect(township.stats).toMatchObject({ households: 3, people: 9, poorHouseholds: 2, poorPeople: 5, ruralPopulation: 1800 });
    expect(hunan.parent).toBeNull();
  });

  it('answers a village with its groups, households and statistics', async () => {
    const result = await server.execute(VillageDetails, { code: AREAS.villageA });
    expect(result.data!.village).toMatchObject({
      name: '甲村',
      level: 'VILLAGE',
      isPovertyVillage: true,
      exitYear: null,
      ruralPopulation: 1000,
      groups: [{ name: '一组' }, { name: '二组' }],
      parent: { code: AREAS.qianling, name: '迁陵镇' },
      households: { totalCount: 3 },
      stats: { households: 3, people: 9, poorHouseholds: 2, poorPeople: 5, povertyIncidence: 0.005 },
    });
  });

  it('keeps regions and villages apart', async () => {
    expect((await server.execute(RegionWithStats, { code: AREAS.villageA })).data!.region).toBeNull();
    expect((await server.execute(VillageDetails, { code: AREAS.baojing })).data!.village).toBeNull();
    expect((await server.execute(VillageDetails, { code: '433125100299' })).data!.village).toBeNull();
  });

  it('lists provinces, direct children, and every area of a level under a parent', async () => {
    const provinces = await server.execute(AreaList, {});
    expect(provinces.data!.regions.edges.map((e) => e.node.name)).toEqual(['辽宁省', '湖南省']);
    const villages = await server.execute(AreaList, { parentCode: AREAS.baojing, level: 'VILLAGE', first: 2 });
    expect(villages.data!.regions).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(villages.data!.regions.edges.map((e) => [e.node.__typename, e.node.code, e.node.stats.households])).toEqual([
      ['Village', AREAS.villageA, 3],
      ['Village', AREAS.villageB, 0],
    ]);
    const rest = await server.execute(AreaList, { parentCode: AREAS.baojing, level: 'VILLAGE', first: 2, after: villages.data!.regions.pageInfo.endCursor });
    expect(rest.data!.regions.edges.map((e) => e.node.code)).toEqual([AREAS.villageC]);
    const counties = await server.execute(AreaList, { level: 'COUNTY' });
    expect(counties.data!.regions.edges.map((e) => e.node.name)).toEqual(['凌源市', '保靖县']);
  });

  it('refuses malformed codes with a typed, bilingual error', async () => {
    const result = await server.execute(RegionWithStats, { code: '43-3125' });
    expect(result.data?.region).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'code' });
    expect(result.errors?.[0].extensions?.messageZh).toMatch(/12位/);
  });
});
