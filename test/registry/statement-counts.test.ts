import { createTestServer, makeIdNumber, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';

const PageWithMembers = graphql(`
  query PageWithMembers($regionCode: String!, $first: Int!) {
    households(regionCode: $regionCode, first: $first) {
      totalCount
      edges { node { householdNo status head { name } members { name idNumber relationToHead } } }
    }
  }
`);

const PageOfNumbers = graphql(`
  query PageOfNumbers($regionCode: String!, $first: Int!) {
    households(regionCode: $regionCode, first: $first) { edges { node { householdNo } } }
  }
`);

const PageViaFragment = graphql(`
  query PageViaFragment($regionCode: String!, $first: Int!) {
    households(regionCode: $regionCode, first: $first) { edges { node { ... on Household { ...HouseholdWithMembers } } } }
  }
  fragment HouseholdWithMembers on Household { householdNo members { name } }
`);

const DashboardPage = graphql(`
  query DashboardPage($parentCode: String!, $first: Int!) {
    regions(parentCode: $parentCode, level: VILLAGE, first: $first) {
      edges { node { code name stats { households poorHouseholds poorPeople povertyIncidence } } }
    }
  }
`);

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  // 60 households of 3 members in 甲村, inserted directly: this file measures reads.
  const households = await server.sql<{ id: number }>(
    `insert into household (household_no, village_code, category, status, year_identified, primary_cause, member_count)
     select ? || lpad(n::text, 4, '0'), ?, 'ORDINARY', 'POOR', 2015, 'ILLNESS', 3 from generate_series(1, 60) n returning id`,
    [AREAS.villageA, AREAS.villageA],
  );
  let sequence = 0;
  for (const [index, { id }] of households.entries()) {
    // Every other household registered its head last (a head changed later): the page must still
    // list the head first, so the order cannot pass by following the ids alone.
    for (const relation of index % 2 === 0 ? ['HEAD', 'SPOUSE', 'SON'] : ['SPOUSE', 'SON', 'HEAD']) {
      await server.sql('insert into member (household_id, village_code, name, id_number, sex, birth_date, relation_to_head) values (?, ?, ?, ?, ?, ?, ?)', [
        id,
        AREAS.villageA,
        `成员${sequence}`,
        makeIdNumber({ birthDate: `1980-02-${String(1 + Math.floor(sequence / 400)).padStart(2, '0')}`, sequence: (sequence * 2 + 1) % 1000 }),
        'MALE',
        `1980-02-${String(1 + Math.floor(sequence / 400)).padStart(2, '0')}`,
        relation,
      ]);
      sequence++;
    }
  }
});
afterAll(() => server.close());

describe('SQL statements per request', () => {
  it('runs one statement for a page of 5 or 50 households with their members and total', async () => {
    const counts: number[] = [];
    for (const first of [5, 50]) {
      const { count, statements } = await server.countStatements(async () => {
        const result = await server.execute(PageWithMembers, { regionCode: AREAS.baojing, first });
        expect(result.errors).toBeUndefined();
        expect(result.data!.households.totalCount).toBe(60);
        expect(result.data!.households.edges).toHaveLength(first);
        // The head first, then the others in the order they were registered.
        expect(result.data!.households.edges.every((e) => e.node.members.map((m) => m.relationToHead).join() === 'HEAD,SPOUSE,SON' && e.node.head.name === e.node.members[0].name)).toBe(true);
      });
      // the page, its members (json_agg) and its total in one statement
      expect(count, statements.join('\n')).toBe(1);
      counts.push(count);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it('reads members and the total only when they are selected, through fragments too', async () => {
    const bare = await server.countStatements(async () => {
      const result = await server.execute(PageOfNumbers, { regionCode: AREAS.baojing, first: 5 });
      expect(result.data!.households.edges).toHaveLength(5);
    });
    expect(bare.count).toBe(1);
    expect(bare.statements[0]).not.toMatch(/json_agg|count\(\*\)/);

    const viaFragment = await server.countStatements(async () => {
      const result = await server.execute(PageViaFragment, { regionCode: AREAS.baojing, first: 5 });
      expect(result.data!.households.edges.every((edge) => edge.node.members.length === 3)).toBe(true);
    });
    expect(viaFragment.count).toBe(1);
    expect(viaFragment.statements[0]).toMatch(/json_agg/);
  });

  it('computes statistics for a page of villages in one statement', async () => {
    const { count, statements } = await server.countStatements(async () => {
      const result = await server.execute(DashboardPage, { parentCode: AREAS.baojing, first: 50 });
      expect(result.data!.regions.edges.map((e) => e.node.stats.households)).toEqual([60, 0, 0]);
    });
    // the page of villages, then one batched statistics statement
    expect(count, statements.join('\n')).toBe(2);
  });
});
