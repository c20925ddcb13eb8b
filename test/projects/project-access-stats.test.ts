import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { globalId } from '../fixtures/households.js';
import {
  AllocateFunds,
  CreateProject,
  createFund,
  DisburseFunds,
  expectRefused,
  PRINCIPALS,
  projectInput,
  projectUnderConstruction,
  createProject,
  settingsWith,
  TestClock,
} from '../fixtures/projects.js';

const RegionProjectStats = graphql(`
  query RegionProjectStats($code: String!) {
    region(code: $code) {
      stats { projectCount projectBudget projectsByStatus { status count } fundsBySource { sourceType fundCount amount allocated disbursed } fundExecutionRate }
    }
  }
`);
const VillageProjectStats = graphql(`
  query VillageProjectStats($parentCode: String!) {
    regions(parentCode: $parentCode, level: VILLAGE, first: 10) { edges { node { code stats { projectCount projectBudget fundExecutionRate } } } }
  }
`);
const PartnerView = graphql(`
  query PartnerView($projectId: ID!, $fundId: ID!) {
    project(id: $projectId) {
      name beneficiaryHouseholdCount beneficiaryPeopleCount totalFunded
      allocations(first: 5) { edges { node { id amount disbursements { amount } } } }
      beneficiaries(first: 5) { totalCount edges { node { householdNo } } }
    }
    fund(id: $fundId) { name allocated disbursed }
    projects(first: 10) { totalCount }
    funds(first: 10) { totalCount }
  }
`);
const PublicView = graphql(`
  query PublicView($projectId: ID!, $fundId: ID!) {
    project(id: $projectId) { name beneficiaryHouseholdCount beneficiaryPeopleCount allocations(first: 5) { totalCount } }
    fund(id: $fundId) { name allocated }
    projects(first: 10) { totalCount }
    funds(first: 10) { totalCount }
  }
`);
const NodeLookup = graphql(`
  query ProjectNodeLookup($ids: [ID!]!) {
    nodes(ids: $ids) { __typename id ... on Project { name } ... on Fund { name } ... on Allocation { amount } }
  }
`);
const Link = graphql(`
  mutation AccessLink($input: LinkProjectBeneficiariesInput!) { linkProjectBeneficiaries(input: $input) { __typename ... on Error { code field messageZh messageEn } } }
`);

const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
let server: TestServer;
let baojingProject: string;
let baojingFund: string;
let allocationId: string;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  baojingProject = await projectUnderConstruction(server, clock, { budget: '300000.00' });
  await createProject(server, { placeCode: AREAS.villageC, budget: '50000.00' });
  await createProject(server, { placeCode: AREAS.dalaoyemiao, budget: '342000.00' });
  baojingFund = await createFund(server, { sourceType: 'CENTRAL_FISCAL', amount: '400000.00' });
  await createFund(server, { sourceType: 'SOCIAL_DONATION', amount: '20000.00', areaCode: AREAS.qianling });
  await createFund(server, { sourceType: 'TOWNSHIP_FISCAL', amount: '100000.00', areaCode: AREAS.siguanyingzi });
  allocationId = mustSucceed(await server.execute(AllocateFunds, { input: { fundId: baojingFund, projectId: baojingProject, amount: '200000.00' } })).allocation.id;
  mustSucceed(await server.execute(DisburseFunds, { input: { allocationId, amount: '50000.00', voucherNo: 'BZ-1' } }));
  const [household] = await server.sql<{ id: number }>(
    `insert into household (household_no, village_code, category, status, year_identified, primary_cause, member_count)
     values (?, ?, 'ORDINARY', 'POOR', 2015, 'ILLNESS', 4) returning id`,
    [`${AREAS.villageA}0001`, AREAS.villageA],
  );
  mustSucceed(await server.execute(Link, { input: { projectId: baojingProject, householdIds: [globalId('Household', household.id)] } }));
});
afterAll(() => server.close());

describe('region statistics for projects and funds', () => {
  it('counts projects by status and funds by source for an area and everything under it', async () => {
    const county = (await server.execute(RegionProjectStats, { code: AREAS.baojing })).data!.region!.stats;
    expect(county).toEqual({
      projectCount: 2,
      projectBudget: '350000.00',
      projectsByStatus: [
        { status: 'PLANNED', count: 1 },
        { status: 'UNDER_CONSTRUCTION', count: 1 },
      ],
      fundsBySource: [
        { sourceType: 'CENTRAL_FISCAL', fundCount: 1, amount: '400000.00', allocated: '200000.00', disbursed: '50000.00' },
        { sourceType: 'SOCIAL_DONATION', fundCount: 1, amount: '20000.00', allocated: '0.00', disbursed: '0.00' },
      ],
      fundExecutionRate: 0.25,
    });
    const province = (await server.execute(RegionProjectStats, { code: AREAS.liaoning })).data!.region!.stats;
    expect(province).toMatchObject({ projectCount: 1, projectBudget: '342000.00', fundsBySource: [{ sourceType: 'TOWNSHIP_FISCAL' }], fundExecutionRate: null });
  });

  it('stays within the caller\'s scope: a county officer of another county sees zeros', async () => {
    const foreign = (await server.execute(RegionProjectStats, { code: AREAS.baojing }, { principal: PRINCIPALS.lingyuanOfficer })).data!.region!.stats;
    expect(foreign).toEqual({ projectCount: 0, projectBudget: '0.00', projectsByStatus: [], fundsBySource: [], fundExecutionRate: null });
    const own = (await server.execute(RegionProjectStats, { code: AREAS.hunan }, { principal: PRINCIPALS.baojingOfficer })).data!.region!.stats;
    expect(own.projectCount).toBe(2);
  });

  it('computes a page of villages with one statement per statistics block, whatever the page size', async () => {
    const { count, statements } = await server.countStatements(async () => {
      const edges = (await server.execute(VillageProjectStats, { parentCode: AREAS.baojing })).data!.regions.edges;
      expect(edges.map((e) => [e.node.code, e.node.stats.projectCount, e.node.stats.projectBudget])).toEqual([
        [AREAS.villageA, 1, '300000.00'],
        [AREAS.villageB, 0, '0.00'],
        [AREAS.villageC, 1, '50000.00'],
      ]);
    });
    // the page of villages; the project block (projectCount, projectBudget); the fund block
    // (fundExecutionRate) — each block runs only when one of its fields is asked for
    expect(count, statements.join('\n')).toBe(3);
  });
});

describe('who may read and write projects and funds', () => {
  it('lets an NGO partner read projects, funds, the ledger and beneficiary counts, but not the households', async () => {
    const result = await server.execute(PartnerView, { projectId: baojingProject, fundId: baojingFund }, { principal: PRINCIPALS.ngo });
    expect(result.data!.project).toMatchObject({
      // One household of four people: counts below 5 are withheld from partners.
      beneficiaryHouseholdCount: null,
      beneficiaryPeopleCount: null,
      totalFunded: '200000.00',
      allocations: { edges: [{ node: { amount: '200000.00', disbursements: [{ amount: '50000.00' }] } }] },
      beneficiaries: null,
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ['project', 'beneficiaries'], extensions: { code: 'FORBIDDEN' } });
    expect(result.data!.fund).toEqual({ name: '县级财政专项扶贫资金', allocated: '200000.00', disbursed: '50000.00' });
    expect(result.data!.projects.totalCount).toBe(3);
    expect(result.data!.funds.totalCount).toBe(3);

    const officer = await server.execute(PartnerView, { projectId: baojingProject, fundId: baojingFund }, { principal: PRINCIPALS.baojingOfficer });
    expect(officer.errors).toBeUndefined();
    expect(officer.data!.project!.beneficiaries).toEqual({ totalCount: 1, edges: [{ node: { householdNo: `${AREAS.villageA}0001` } }] });
    expect(officer.data!.project).toMatchObject({ beneficiaryHouseholdCount: 1, beneficiaryPeopleCount: 4 });
  });

  it('limits reads to the caller\'s area: another county\'s projects and funds do not exist for them', async () => {
    const result = await server.execute(PublicView, { projectId: baojingProject, fundId: baojingFund }, { principal: PRINCIPALS.lingyuanOfficer });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ project: null, fund: null, projects: { totalCount: 1 }, funds: { totalCount: 1 } });
  });

  it('finds projects, funds and ledger entries by node id', async () => {
    const result = await server.execute(NodeLookup, { ids: [baojingProject, baojingFund, allocationId] });
    expect(result.data!.nodes.map((n) => n?.__typename)).toEqual(['Project', 'Fund', 'Allocation']);
    const foreign = await server.execute(NodeLookup, { ids: [allocationId] }, { principal: PRINCIPALS.lingyuanOfficer });
    expect(foreign.data!.nodes).toEqual([null]);
  });

  it('refuses writes by auditors and NGO partners, and outside the caller\'s area, writing nothing', async () => {
    const create = (principal: (typeof PRINCIPALS)[keyof typeof PRINCIPALS], placeCode: string = AREAS.villageA) =>
      server.execute(CreateProject, { input: projectInput({ placeCode }) }, { principal }).then((r) => r.data!.createProject);
    await expectRefused(server, () => create(PRINCIPALS.ngo), 'ForbiddenError', 'placeCode');
    await expectRefused(server, () => create(PRINCIPALS.auditor), 'ForbiddenError', 'placeCode');
    await expectRefused(server, () => create(PRINCIPALS.lingyuanOfficer), 'ForbiddenError', 'placeCode');
    expect(await create(PRINCIPALS.baojingOfficer)).toMatchObject({ __typename: 'CreateProjectPayload' });
  });
});
