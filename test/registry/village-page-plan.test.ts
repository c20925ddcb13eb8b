import { createTestServer, type TestServer } from '@tuopin/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * A village's household page is a prepared statement that PostgreSQL plans once and then reuses
 * (its generic plan), instead of planning it anew on every call. It restricts the village with
 * `village_code = $n`: behind `between $n and $m` the generic plan's guess of 0.5 % of the table
 * made it look twenty times dearer than a custom plan, and PostgreSQL never chose it.
 */
const VillagePage = graphql(`
  query VillagePagePlan($regionCode: String!) {
    households(regionCode: $regionCode, first: 20) { totalCount edges { node { householdNo status members { name idNumber } } } }
  }
`);

const TOWNSHIPS = 40;
const VILLAGES_PER_TOWNSHIP = 250;
const PER_VILLAGE = 3;

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  // 10,000 villages of three households each, so that the planner's statistics look like a
  // county's (a village a small share of the table), not like an empty table's.
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query("select set_config('tuopin.audit', 'off', true)");
    const townships = await client.query(
      `insert into area (code, name, level, parent_code) select '433125' || (110 + t) || '000', '镇' || t, 'TOWNSHIP', $1 from generate_series(0, $2 - 1) t returning code`,
      [AREAS.baojing, TOWNSHIPS],
    );
    expect(townships.rowCount).toBe(TOWNSHIPS);
    const villages = await client.query(
      `insert into area (code, name, level, parent_code, is_poverty_village, rural_population)
       select left(t.code, 9) || lpad(v::text, 3, '0'), t.name || v, 'VILLAGE', t.code, true, 1000
       from area t, generate_series(1, $2) v where t.code = any($1::text[]) returning code`,
      [townships.rows.map((row) => row.code), VILLAGES_PER_TOWNSHIP],
    );
    expect(villages.rowCount).toBe(TOWNSHIPS * VILLAGES_PER_TOWNSHIP);
    const households = await client.query(
      `insert into household (household_no, village_code, category, status, year_identified, primary_cause, member_count)
       select v.code || '-' || h, v.code, 'ORDINARY', 'POOR', 2015, 'ILLNESS', 0
       from area v, generate_series(1, $1) h where v.level = 'VILLAGE' and v.code like '433125%'
       returning id`,
      [PER_VILLAGE],
    );
    expect(households.rowCount).toBe((TOWNSHIPS * VILLAGES_PER_TOWNSHIP + 3) * PER_VILLAGE); // and villages A, B, C
    await client.query('commit');
    await client.query('analyze household');
  } finally {
    await client.end();
  }
});
afterAll(() => server.close());

describe("a village's household page", () => {
  it('is a statement PostgreSQL keeps one generic plan for', async () => {
    const { sent } = await server.countStatements(async () => {
      const result = await server.execute(VillagePage, { regionCode: AREAS.villageA }, { principal: CALLERS.baojingOfficer });
      expect(result.errors).toBeUndefined();
      expect(result.data?.households.totalCount).toBe(PER_VILLAGE);
      expect(result.data?.households.edges).toHaveLength(PER_VILLAGE);
    });
    const page = sent.find((query) => query.sql.includes('from "household" h'));
    expect(page, sent.map((query) => query.sql).join('\n')).toBeDefined();
    expect(page!.sql).toMatch(/h\.village_code = \$\d+/);
    expect(page!.sql).not.toContain('between');

    // The same text and values, prepared on one connection and run as the server runs it: after
    // five custom plans PostgreSQL compares, and keeps the generic plan when it is not dearer.
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      for (let call = 0; call < 8; call++) {
        const rows = await client.query({ name: 'village_page', text: page!.sql, values: [...page!.bindings] });
        expect(rows.rowCount).toBe(PER_VILLAGE);
      }
      const [plans] = (await client.query("select generic_plans, custom_plans from pg_prepared_statements where name = 'village_page'")).rows;
      expect(Number(plans.generic_plans)).toBeGreaterThanOrEqual(3);
    } finally {
      await client.end();
    }
  });
});
