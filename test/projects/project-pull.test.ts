import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionResult } from 'graphql';
import { graphql } from '../../schema/generated/index.js';
import type { PullProjectsQuery } from '../../schema/generated/graphql.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { globalId } from '../fixtures/households.js';
import {
  AllocateFunds,
  createFund,
  createProject,
  moveProject,
  PRINCIPALS,
  recordPlanNotice,
  RecordProjectNotice,
  settingsWith,
  TestClock,
} from '../fixtures/projects.js';

/**
 * A partner pulls what changed since its last pull: `updatedAfter` with a (updated_at, id)
 * keyset, page after page, with no duplicates and no gaps; anything about a project (its ledger,
 * notices, outputs, beneficiaries) counts as a change of the project.
 */
const PullProjects = graphql(`
  query PullProjects($updatedAfter: DateTime, $first: Int!, $after: String, $regionCode: String) {
    projects(updatedAfter: $updatedAfter, first: $first, after: $after, regionCode: $regionCode) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name placeCode updatedAt } }
    }
  }
`);
const PullFunds = graphql(`
  query PullFunds($updatedAfter: DateTime, $first: Int!, $after: String) {
    funds(updatedAfter: $updatedAfter, first: $first, after: $after) { edges { node { id name updatedAt } } }
  }
`);
const UpdateProject = graphql(`
  mutation PullUpdateProject($input: UpdateProjectInput!) { updateProject(input: $input) { __typename } }
`);
const SetOutputs = graphql(`
  mutation PullSetOutputs($input: SetProjectOutputsInput!) { setProjectOutputs(input: $input) { __typename } }
`);
const LinkBeneficiaries = graphql(`
  mutation PullLink($input: LinkProjectBeneficiariesInput!) { linkProjectBeneficiaries(input: $input) { __typename ... on Error { code field } } }
`);

// Exact times: an officer's pulls (masked roles pull by the day: partner-change-days.test.ts).
const AS_OFFICER = { principal: PRINCIPALS.baojingOfficer };
const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
let server: TestServer;
const ids: string[] = [];

type Row = { id: string; name: string; placeCode: string; updatedAt: string };

/** Pulls every page; returns the rows in the order received. */
async function pullAll(updatedAfter: string | null, first: number, regionCode?: string): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const result: ExecutionResult<PullProjectsQuery> = await server.execute(PullProjects, { updatedAfter, first, after, regionCode }, AS_OFFICER);
    expect(result.errors).toBeUndefined();
    const page = result.data!.projects;
    rows.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor!;
  }
}

const byUpdate = (a: Row, b: Row) => a.updatedAt.localeCompare(b.updatedAt) || Number(Buffer.from(a.id, 'base64').toString().split(':')[1]) - Number(Buffer.from(b.id, 'base64').toString().split(':')[1]);

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  const villages = [AREAS.villageC, AREAS.villageA, AREAS.villageB];
  for (let i = 0; i < 24; i++) ids.push(await createProject(server, { placeCode: villages[i % 3], name: `项目${String(i).padStart(2, '0')}` }));
});
afterAll(() => server.close());

describe('pulling changes with updatedAfter', () => {
  it('orders by place code without updatedAfter, and by update time with it, page after page', async () => {
    const byPlace = await pullAll(null, 5);
    expect(byPlace.map((r) => r.placeCode)).toEqual([...byPlace.map((r) => r.placeCode)].sort());
    expect(byPlace).toHaveLength(24);

    const everything = await pullAll('2000-01-01T00:00:00.000Z', 7);
    expect(everything).toHaveLength(24);
    expect(new Set(everything.map((r) => r.id)).size).toBe(24);
    expect(everything).toEqual([...everything].sort(byUpdate));
  });

  it('returns exactly the projects changed since the last pull, whatever changed about them', async () => {
    const first = await pullAll('2000-01-01T00:00:00.000Z', 10);
    const watermark = first.map((r) => r.updatedAt).sort().at(-1)!;

    // Five kinds of change, to five projects.
    mustSucceed(await server.execute(UpdateProject, { input: { id: ids[3], budget: '250000.00' } }));
    await recordPlanNotice(server, ids[7], '2016-03-01', '2016-03-07');
    mustSucceed(await server.execute(SetOutputs, { input: { projectId: ids[11], outputs: [{ indicator: '道路硬化长度', unit: '公里', planned: 1.12 }] } }));
    const [household] = await server.sql<{ id: number }>(
      `insert into household (household_no, village_code, category, status, year_identified, primary_cause, member_count)
       values (?, ?, 'ORDINARY', 'POOR', 2015, 'ILLNESS', 3) returning id`,
      [`${AREAS.villageA}9001`, AREAS.villageA],
    );
    // ids[13] is in 甲村 (index 13 % 3 = 1).
    mustSucceed(await server.execute(LinkBeneficiaries, { input: { projectId: ids[13], householdIds: [globalId('Household', household.id)] } }));
    clock.setToday('2016-03-10');
    await moveProject(server.execute.bind(server), ids[17], 'SUSPENDED');
    await moveProject(server.execute.bind(server), ids[5], 'CANCELLED');

    for (const pageSize of [1, 2, 4, 100]) {
      const changed = await pullAll(watermark, pageSize);
      expect(changed.map((r) => r.id)).toEqual([ids[3], ids[7], ids[11], ids[13], ids[17], ids[5]]);
    }
    // A notice on another project between two pages moves that project behind the cursor's end:
    // the pull in progress picks it up on its last page, once.
    const page1 = (await server.execute(PullProjects, { updatedAfter: watermark, first: 3 }, AS_OFFICER)).data!.projects;
    mustSucceed(await server.execute(RecordProjectNotice, {
      input: { projectId: ids[20], noticeType: 'BENEFICIARY', startDate: '2016-03-10', endDate: '2016-03-16', location: '村部' },
    }));
    const rest = await server.execute(PullProjects, { updatedAfter: watermark, first: 10, after: page1.pageInfo.endCursor }, AS_OFFICER);
    expect([...page1.edges, ...rest.data!.projects.edges].map((e) => e.node.id)).toEqual([ids[3], ids[7], ids[11], ids[13], ids[17], ids[5], ids[20]]);
  });

  it('counts a new ledger entry as a change of the fund and of the project', async () => {
    const fundId = await createFund(server, { amount: '10000.00' });
    const projectId = ids[2];
    clock.setToday('2016-03-01'); // a notice is recorded when it goes up
    await recordPlanNotice(server, projectId, '2016-03-01', '2016-03-07');
    clock.setToday('2016-03-10');
    await moveProject(server.execute.bind(server), projectId, 'APPROVED');
    const mark = new Date().toISOString();
    mustSucceed(await server.execute(AllocateFunds, { input: { fundId, projectId, amount: '100.00' } }));
    expect((await pullAll(mark, 10)).map((r) => r.id)).toEqual([projectId]);
    const funds = await server.execute(PullFunds, { updatedAfter: mark, first: 10 }, AS_OFFICER);
    expect(funds.data!.funds.edges.map((e) => e.node.id)).toEqual([fundId]);
  });

  it('refuses a cursor from the other ordering', async () => {
    const byPlace = (await server.execute(PullProjects, { first: 2 }, AS_OFFICER)).data!.projects;
    const mixed = await server.execute(PullProjects, { updatedAfter: '2000-01-01T00:00:00.000Z', first: 2, after: byPlace.pageInfo.endCursor }, AS_OFFICER);
    expect(mixed.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
  });
});
