import { createTestServer, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { globalId, memberInput, registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import type { HouseholdPageQuery } from '../../schema/generated/graphql.js';

type Page = HouseholdPageQuery['households'];

const HouseholdPage = graphql(`
  query HouseholdPage($regionCode: String, $status: HouseholdStatus, $primaryCause: PovertyCause, $category: HouseholdCategory,
                      $search: String, $first: Int, $after: String, $last: Int, $before: String) {
    households(regionCode: $regionCode, status: $status, primaryCause: $primaryCause, category: $category,
               search: $search, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id householdNo status primaryCause category village { code } } }
    }
  }
`);

const OneHousehold = graphql(`
  query OneHousehold($id: ID, $householdNo: String) {
    household(id: $id, householdNo: $householdNo) {
      id householdNo yearIdentified exitYear otherCauses arableLand bankAccount
      assurances { food clothing compulsoryEducation basicMedicalCare safeHousing allMet }
      housing { area safetyGrade safeDrinkingWater }
      group { name }
      head { name }
      members { name idNumber relationToHead isHead insurance { medical } household { householdNo } }
    }
  }
`);

const NodeLookup = graphql(`
  query NodeLookup($id: ID!) {
    node(id: $id) {
      __typename id
      ... on Household { householdNo }
      ... on Member { name }
      ... on Village { code name }
      ... on Region { code level }
    }
  }
`);

let server: TestServer;
const registered: { id: string; householdNo: string; village: string; status: string; cause: string; headName: string; headId: string }[] = [];

const VILLAGES = [AREAS.villageA, AREAS.villageB, AREAS.villageC, AREAS.dalaoyemiao];
const CAUSES = ['ILLNESS', 'DISABILITY', 'LACK_OF_CAPITAL'] as const;
const SURNAMES = ['彭', '田', '向', '龙', '石'];

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  // 25 households over four villages in two provinces, registered in an interleaved order.
  for (let i = 0; i < 25; i++) {
    const village = VILLAGES[i % VILLAGES.length];
    const status = i % 5 === 0 ? 'EXITED' : i % 7 === 0 ? 'RETURNED' : 'POOR';
    const headName = `${SURNAMES[i % SURNAMES.length]}户${i}`;
    const input = registrationInput({
      householdNo: `${village}${String(i).padStart(4, '0')}`,
      villageCode: village,
      status,
      exitYear: status === 'POOR' ? null : 2018,
      primaryCause: CAUSES[i % CAUSES.length],
      otherCauses: [],
      category: i % 4 === 0 ? 'MINIMUM_LIVING_ALLOWANCE' : 'ORDINARY',
      members: [memberInput({ name: headName, relationToHead: 'HEAD' }), memberInput({ name: `${headName}子` })],
    });
    const outcome = mustSucceed(await server.execute(RegisterHousehold, { input }, { principal: TEST_REGISTRAR }));
    registered.push({
      id: outcome.household.id,
      householdNo: input.householdNo,
      village,
      status,
      cause: input.primaryCause,
      headName,
      headId: input.members[0].idNumber,
    });
  }
});
afterAll(() => server.close());

async function allPages(variables: Record<string, unknown>, pageSize: number) {
  const seen: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const result = await server.execute(HouseholdPage, { ...variables, first: pageSize, after });
    expect(result.errors).toBeUndefined();
    const page: Page = result.data!.households;
    seen.push(...page.edges.map((edge) => edge.node.householdNo));
    if (!page.pageInfo.hasNextPage) return { seen, totalCount: page.totalCount };
    after = page.pageInfo.endCursor!;
  }
  throw new Error('pagination did not end');
}

describe('households', () => {
  it('pages through an area with no duplicates and no gaps, in village order', async () => {
    for (const size of [1, 4, 7, 100]) {
      const { seen, totalCount } = await allPages({ regionCode: AREAS.baojing }, size);
      const expected = registered.filter((h) => h.village.startsWith('433125')).sort((a, b) => a.village.localeCompare(b.village) || a.id.localeCompare(b.id));
      expect(totalCount).toBe(expected.length);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual(expected.map((h) => h.householdNo).sort());
      expect(seen.map((no) => no.slice(0, 12))).toEqual([...seen.map((no) => no.slice(0, 12))].sort());
    }
  });

  it('pages backwards with last/before to the same set', async () => {
    const forward = (await allPages({ regionCode: AREAS.qianling }, 3)).seen;
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: Page = (await server.execute(HouseholdPage, { regionCode: AREAS.qianling, last: 3, before })).data!.households;
      backward.unshift(...page.edges.map((edge) => edge.node.householdNo));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor!;
    }
    expect(backward).toEqual(forward);
  });

  it('selects an area and everything under it', async () => {
    const count = async (regionCode?: string) => (await server.execute(HouseholdPage, { regionCode, first: 1 })).data!.households.totalCount;
    expect(await count(AREAS.hunan)).toBe(registered.filter((h) => h.village.startsWith('43')).length);
    expect(await count(AREAS.qianling)).toBe(registered.filter((h) => h.village.startsWith('433125100')).length);
    expect(await count(AREAS.villageC)).toBe(registered.filter((h) => h.village === AREAS.villageC).length);
    expect(await count(AREAS.liaoning)).toBe(registered.filter((h) => h.village === AREAS.dalaoyemiao).length);
    expect(await count(undefined)).toBe(registered.length);
  });

  it('filters by status, cause and category', async () => {
    const { seen } = await allPages({ status: 'EXITED', primaryCause: 'ILLNESS' }, 50);
    expect(seen.sort()).toEqual(registered.filter((h) => h.status === 'EXITED' && h.cause === 'ILLNESS').map((h) => h.householdNo).sort());
    const result = await server.execute(HouseholdPage, { category: 'MINIMUM_LIVING_ALLOWANCE', first: 100 });
    expect(result.data!.households.totalCount).toBe(7);
  });

  it('searches by member name, ID number and household number', async () => {
    const target = registered[6];
    const byName = await allPages({ search: target.headName }, 50);
    expect(byName.seen).toEqual([target.householdNo]);
    // ID numbers are searchable only by roles that may read personal data (here an auditor).
    const auditor = { principal: { id: 'test:auditor', role: 'AUDITOR' as const, areaScopes: [''], provinceCode: null } };
    const byIdPrefix = await server.execute(HouseholdPage, { search: target.headId.slice(0, 14), first: 100 }, auditor);
    expect(byIdPrefix.data!.households.edges.map((e) => e.node.householdNo)).toContain(target.householdNo);
    const byId = await server.execute(HouseholdPage, { search: target.headId, first: 100 }, auditor);
    expect(byId.data!.households.edges.map((e) => e.node.householdNo)).toEqual([target.householdNo]);
    expect((await allPages({ search: target.headId }, 50)).seen).toEqual([]);
    expect((await allPages({ search: target.householdNo }, 50)).seen).toEqual([target.householdNo]);
    expect((await allPages({ search: '%' }, 50)).seen).toEqual([]);
  });

  it('refuses page sizes over 100, bad cursors and bad codes with typed errors', async () => {
    const big = await server.execute(HouseholdPage, { first: 101 });
    expect(big.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', field: 'first' } });
    const cursor = await server.execute(HouseholdPage, { first: 5, after: 'bm90LWEtY3Vyc29y' });
    expect(cursor.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', field: 'after' } });
    const code = await server.execute(HouseholdPage, { regionCode: '4331', first: 5 });
    expect(code.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', field: 'regionCode' } });
    expect(code.errors?.[0].message).toMatch(/区划代码.*division code/);
  });
});

describe('household and node lookups', () => {
  it('finds a household by id and by household number, with its members', async () => {
    const target = registered[3];
    const byId = await server.execute(OneHousehold, { id: target.id });
    const byNo = await server.execute(OneHousehold, { householdNo: target.householdNo });
    expect(byId.data).toEqual(byNo.data);
    const household = byId.data!.household!;
    expect(household).toMatchObject({
      householdNo: target.householdNo,
      yearIdentified: 2015,
      arableLand: 2.5,
      assurances: { food: true, basicMedicalCare: false, allMet: false },
      housing: { area: 85.5, safetyGrade: 'C', safeDrinkingWater: true },
      head: { name: target.headName },
    });
    expect(household.members).toHaveLength(2);
    expect(household.members[0]).toMatchObject({ isHead: true, relationToHead: 'HEAD', household: { householdNo: target.householdNo } });
  });

  it('returns null for an unknown household and an error for both or neither argument', async () => {
    expect((await server.execute(OneHousehold, { householdNo: 'NOPE' })).data!.household).toBeNull();
    expect((await server.execute(OneHousehold, { id: globalId('Household', 999999) })).data!.household).toBeNull();
    const neither = await server.execute(OneHousehold, {});
    expect(neither.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    const wrongType = await server.execute(OneHousehold, { id: globalId('Member', 1) });
    expect(wrongType.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id' });
  });

  it('resolves every node type through node(id)', async () => {
    const household = await server.execute(NodeLookup, { id: registered[0].id });
    expect(household.data!.node).toMatchObject({ __typename: 'Household', householdNo: registered[0].householdNo });
    const village = await server.execute(NodeLookup, { id: globalId('Village', AREAS.villageA) });
    expect(village.data!.node).toMatchObject({ __typename: 'Village', code: AREAS.villageA, name: '甲村' });
    const region = await server.execute(NodeLookup, { id: globalId('Region', AREAS.baojing) });
    expect(region.data!.node).toMatchObject({ __typename: 'Region', level: 'COUNTY' });
    const [member] = await server.sql<{ id: number; name: string }>('select id, name from member order by id limit 1');
    const memberNode = await server.execute(NodeLookup, { id: globalId('Member', member.id) });
    expect(memberNode.data!.node).toMatchObject({ __typename: 'Member', name: member.name });
    // A village code asked for as a Region is not a Region.
    expect((await server.execute(NodeLookup, { id: globalId('Region', AREAS.villageA) })).data!.node).toBeNull();
  });
});
