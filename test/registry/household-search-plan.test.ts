import { createTestServer, makeIdNumber, type SentStatement, type TestServer } from '@tuopin/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * The household search must find members' households from the covering indexes alone: a name
 * prefix matches members all over the country, and reading each one's heap page made a county
 * officer's search take seconds on a cold cache (test/bench, Q7). This checks the plan PostgreSQL
 * makes for the statement the server actually sends, with its actual values.
 */
const Search = graphql(`
  query SearchPlan($regionCode: String!, $search: String!) {
    households(regionCode: $regionCode, search: $search, first: 20) { edges { node { householdNo } } }
  }
`);

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

let server: TestServer;
let client: pg.Client;

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  const households = await server.sql<{ id: number }>(
    `insert into household (household_no, village_code, category, status, year_identified, primary_cause, member_count)
     select ? || lpad(n::text, 4, '0'), ?, 'ORDINARY', 'POOR', 2015, 'ILLNESS', 2 from generate_series(1, 40) n returning id`,
    [AREAS.villageA, AREAS.villageA],
  );
  expect(households).toHaveLength(40);
  let sequence = 0;
  for (const { id } of households) {
    for (const relation of ['HEAD', 'SPOUSE']) {
      const birthDate = `1975-03-${String(1 + (sequence % 28)).padStart(2, '0')}`;
      await server.sql('insert into member (household_id, village_code, name, id_number, sex, birth_date, relation_to_head) values (?, ?, ?, ?, ?, ?, ?)', [
        id,
        AREAS.villageA,
        `${sequence % 2 === 0 ? '王' : '李'}成员${sequence}`,
        makeIdNumber({ birthDate, sequence: sequence + 1 }),
        'FEMALE',
        birthDate,
        relation,
      ]);
      sequence++;
    }
  }
  // Index-only scans are planned from the visibility map, which VACUUM sets.
  await server.sql('vacuum analyze member');
  client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await server?.close();
});

/** The search statement the server sent, with its values, for a role that may read personal data (so ID numbers are searched too). */
async function searchStatement(search: string): Promise<SentStatement> {
  const { sent } = await server.countStatements(async () => {
    const result = await server.execute(Search, { regionCode: AREAS.baojing, search }, { principal: CALLERS.hunanAuditor });
    expect(result.errors).toBeUndefined();
    expect(result.data!.households.edges.length).toBeGreaterThan(0);
  });
  const searches = sent.filter((query) => query.sql.includes(' like '));
  expect(searches).toHaveLength(1);
  return searches[0];
}

/** Every scan of `member` in a plan. */
function memberScans(node: PlanNode): PlanNode[] {
  const own = node['Relation Name'] === 'member' ? [node] : [];
  return [...own, ...(node.Plans ?? []).flatMap(memberScans)];
}

describe('household search plan', () => {
  it('reads the matching members from the covering indexes only, never from the member table', async () => {
    const { sql, bindings } = await searchStatement('王成');
    await client.query('begin');
    try {
      // The test's table is tiny, where a sequential scan is cheapest; what is checked is that
      // the statement can be answered without the heap, as it is on a million households.
      await client.query('set local enable_seqscan = off');
      await client.query('set local enable_bitmapscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`explain (format json) ${sql}`, [...bindings]);
      const scans = memberScans(rows[0]['QUERY PLAN'][0].Plan);
      expect(scans.map((scan) => [scan['Node Type'], scan['Index Name']]).sort()).toEqual([
        ['Index Only Scan', 'member_id_number_household_idx'],
        ['Index Only Scan', 'member_name_household_idx'],
      ]);
    } finally {
      await client.query('rollback');
    }
  });
});
