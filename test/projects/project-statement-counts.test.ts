import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';

/**
 * Q4 of the benchmark: "20 projects of an area, each with its funding total, its first 5
 * allocations and their count, and its village and county names". The number of SQL statements
 * must not grow with the page.
 */
const ProjectPage = graphql(`
  query ProjectPageWithFunding($regionCode: String!, $first: Int!) {
    projects(regionCode: $regionCode, first: $first) {
      totalCount
      edges {
        node {
          name
          budget
          place { name }
          county { name }
          fundingBySource { sourceType allocated disbursed }
          totalFunded
          fundingGap
          executionRate
          allocations(first: 5) { totalCount edges { node { amount date fund { name sourceType } } } }
        }
      }
    }
  }
`);

const AllocationPages = graphql(`
  query ProjectAllocationPages($regionCode: String!, $after: String) {
    projects(regionCode: $regionCode, first: 3) {
      edges {
        node {
          name
          firstTwo: allocations(first: 2) { totalCount edges { cursor node { amount date } } }
          lastTwo: allocations(last: 2) { edges { node { date } } pageInfo { hasPreviousPage } }
        }
      }
    }
    later: projects(regionCode: $regionCode, first: 3) {
      edges { node { allocations(first: 2, after: $after) { totalCount edges { node { date } } } } }
    }
    backwards: projects(regionCode: $regionCode, first: 3) {
      edges { node { allocations(last: 3) { edges { node { date } } pageInfo { hasPreviousPage hasNextPage } } } }
    }
  }
`);

const AllocationsWithBalance = graphql(`
  query ProjectAllocationsWithBalance($regionCode: String!) {
    projects(regionCode: $regionCode, first: 2) {
      edges { node { allocations(first: 2) { edges { node { ... on LedgerEntry { voucherNo } balance isReversed } } } } }
    }
  }
`);

let server: TestServer;

/** The properties of the ledger columns in the allocations' JSON arrays of a project page's statement. */
function allocationJsonKeys(statement: string): string[] {
  const array = /json_agg\(json_build_array\(json_build_array\((.*?)\),/.exec(statement);
  expect(array, statement).not.toBeNull();
  const propertyOf = new Map(server.orm.em.getMetadata().get('LedgerEntry').props.map((prop) => [prop.fieldNames?.[0], prop.name]));
  return [...array![1].matchAll(/e\."(\w+)"/g)].map((match) => propertyOf.get(match[1]) ?? match[1]).sort();
}

beforeAll(async () => {
  server = await createTestServer();
  await insertAreas(server);
  // Inserted directly: this file measures reads. 30 projects across three villages, three funds,
  // seven allocations per project (so "first 5" is a real cut) and a payment against each.
  await server.sql(`
    insert into project (name, category, construction_type, place_code, responsible_unit, budget, year, status, created_by)
    select '项目' || n, 'ROAD', 'NEW', (array[?, ?, ?])[1 + n % 3], '县交通局', 100000, 2016, 'UNDER_CONSTRUCTION', 'seed'
    from generate_series(1, 30) n`, [AREAS.villageA, AREAS.villageB, AREAS.villageC]);
  await server.sql(`
    insert into fund (source_type, name, year, amount, area_code, created_by)
    values ('CENTRAL_FISCAL', '中央财政专项扶贫资金', 2016, 5000000, ?, 'seed'),
           ('PROVINCIAL_FISCAL', '省级财政专项扶贫资金', 2016, 5000000, ?, 'seed'),
           ('SOCIAL_DONATION', '基金会捐赠', 2016, 5000000, ?, 'seed')`, [AREAS.baojing, AREAS.baojing, AREAS.baojing]);
  await server.sql(`
    insert into ledger_entry (kind, fund_id, project_id, amount, entry_date, recorded_by)
    select 'ALLOCATION', f.id, p.id, 10000, date '2016-04-01' + k, 'seed'
    from project p cross join generate_series(0, 6) k join fund f on f.id = (select min(id) from fund) + k % 3
    order by p.id, k`);
  await server.sql(`
    insert into ledger_entry (kind, fund_id, project_id, allocation_id, amount, entry_date, voucher_no, recorded_by)
    select 'DISBURSEMENT', a.fund_id, a.project_id, a.id, 4000, date '2016-06-01', 'BZ-' || a.id, 'seed'
    from ledger_entry a where a.kind = 'ALLOCATION'`);
});
afterAll(() => server.close());

describe('SQL statements for a page of projects with their funding', () => {
  it('runs the same four statements for 5 or 20 projects', async () => {
    const counts: number[] = [];
    for (const first of [5, 20]) {
      const { count, statements } = await server.countStatements(async () => {
        const result = await server.execute(ProjectPage, { regionCode: AREAS.baojing, first });
        expect(result.errors).toBeUndefined();
        const { edges, totalCount } = result.data!.projects;
        expect(totalCount).toBe(30);
        expect(edges).toHaveLength(first);
        for (const { node } of edges) {
          expect(node.county).toEqual({ name: '保靖县' });
          expect(node.totalFunded).toBe('70000.00');
          expect(node.fundingGap).toBe('30000.00');
          expect(node.executionRate).toBe(0.4);
          expect(node.fundingBySource.map((s) => s.sourceType)).toEqual(['CENTRAL_FISCAL', 'PROVINCIAL_FISCAL', 'SOCIAL_DONATION']);
          expect(node.allocations.totalCount).toBe(7);
          expect(node.allocations.edges).toHaveLength(5);
          expect(node.allocations.edges[0].node).toMatchObject({ amount: '10000.00', date: '2016-04-01', fund: { name: '中央财政专项扶贫资金' } });
        }
      });
      // count, the page with each project's funding by source and its first allocations with their
      // count (json_agg), areas (places and counties together), and the funds of those allocations
      expect(count, statements.join('\n')).toBe(4);
      expect(statements.filter((sql) => sql.includes('json_agg'))).toHaveLength(1);
      expect(statements.find((sql) => sql.includes('json_agg'))).toMatch(/kind = 'ALLOCATION'/);
      counts.push(count);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it('reads a page of allocations with the projects, whatever page is asked, as the allocation loader does', async () => {
    // The loader's answer for one project, page by page, as the reference.
    const dates = (await server.sql<{ entry_date: string }>(
      `select to_char(e.entry_date, 'YYYY-MM-DD') as entry_date from ledger_entry e
       where e.kind = 'ALLOCATION' and e.project_id = (select min(id) from project where place_code between ? and ?) order by e.id`,
      [AREAS.baojing.slice(0, 6).padEnd(12, '0'), AREAS.baojing.slice(0, 6).padEnd(12, '9')],
    )).map((row) => row.entry_date);
    expect(dates).toHaveLength(7);
    const first = await server.execute(AllocationPages, { regionCode: AREAS.baojing, after: null });
    expect(first.errors).toBeUndefined();
    const project = first.data!.projects.edges[0].node;
    expect(project.firstTwo.totalCount).toBe(7);
    expect(project.firstTwo.edges.map((e) => e.node.date)).toEqual(dates.slice(0, 2));
    expect(project.lastTwo.edges.map((e) => e.node.date)).toEqual(dates.slice(5));
    expect(project.lastTwo.pageInfo.hasPreviousPage).toBe(true);
    expect(first.data!.backwards.edges[0].node.allocations.edges.map((e) => e.node.date)).toEqual(dates.slice(4));
    expect(first.data!.backwards.edges[0].node.allocations.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });

    const { count, statements } = await server.countStatements(async () => {
      const later = await server.execute(AllocationPages, { regionCode: AREAS.baojing, after: project.firstTwo.edges[1].cursor });
      expect(later.errors).toBeUndefined();
      expect(later.data!.later.edges[0].node.allocations.totalCount).toBe(7);
      expect(later.data!.later.edges[0].node.allocations.edges.map((e) => e.node.date)).toEqual(dates.slice(2, 4));
    });
    // projects with two different pages of allocations read them by the loader (two batched
    // statements); the two pages asked alone come with their projects
    expect(statements.filter((sql) => sql.includes('unnest')), statements.join('\n')).toHaveLength(2);
    expect(count, statements.join('\n')).toBe(5);
  });

  it('builds the allocations of a page from the columns their selected fields read', async () => {
    const { statements } = await server.countStatements(async () => {
      const result = await server.execute(ProjectPage, { regionCode: AREAS.baojing, first: 5 });
      expect(result.errors).toBeUndefined();
      expect(result.data!.projects.edges[0].node.allocations.edges[0].node).toMatchObject({ amount: '10000.00', date: '2016-04-01' });
    });
    const page = statements.find((sql) => sql.includes('json_agg'))!;
    // amount, date and fund, with the key, the kind and the two owners the scope guard needs
    expect(allocationJsonKeys(page)).toEqual(['amount', 'entryDate', 'fundId', 'id', 'kind', 'projectId']);

    const { statements: others } = await server.countStatements(async () => {
      const result = await server.execute(AllocationsWithBalance, { regionCode: AREAS.baojing });
      expect(result.errors).toBeUndefined();
      const allocation = result.data!.projects.edges[0].node.allocations.edges[0].node;
      expect(allocation).toEqual({ voucherNo: null, balance: '6000.00', isReversed: false });
    });
    // a field selected through the interface counts as selected on Allocation
    expect(allocationJsonKeys(others.find((sql) => sql.includes('json_agg'))!)).toEqual(['amount', 'fundId', 'id', 'kind', 'projectId', 'voucherNo']);
  });

  it('leaves page arguments it would refuse to the field, which refuses them', async () => {
    const result = await server.execute(
      graphql(`query ProjectAllocationsRefused($regionCode: String!) { projects(regionCode: $regionCode, first: 2) { edges { node { allocations(first: 0) { totalCount } } } } }`),
      { regionCode: AREAS.baojing },
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'first' });
  });
});
