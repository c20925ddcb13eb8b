import type { Principal } from '@tuopin/core';
import { createTestServer, mustSucceed, type TestServer } from '@tuopin/testing';
import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { RelocationSitesListQuery } from './generated/graphql.js';
import { AddFlats, ChangeSiteStatus, CreateSite, LinkSiteProject } from './fixtures/operations.js';
import { addFlats, applyFor, createSite, snapshot } from './fixtures/relocation-flow.js';
import { CODES, insertAreas, PRINCIPALS, settingsWith, TestClock } from './fixtures/world.js';

const Sites = graphql(`
  query RelocationSitesList($regionCode: String, $updatedAfter: DateTime, $after: String) {
    relocationSites(regionCode: $regionCode, updatedAfter: $updatedAfter, first: 2, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name areaCode status updatedAt flats { unitNo } progress { households people flatsBuilt flatsAssigned movedInHouseholds } } }
    }
  }
`);

const CreateProject = graphql(`
  mutation RelocationCreateSiteProject($input: CreateProjectInput!) {
    createProject(input: $input) { __typename ... on CreateProjectPayload { project { id } } ... on Error { code messageEn } }
  }
`);

const clock = new TestClock();
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({ settings: settingsWith(clock), principal: PRINCIPALS.baojingOfficer });
  await insertAreas(server);
});
afterAll(() => server.close());

const siteInput = (overrides: Record<string, unknown> = {}) => ({
  areaCode: CODES.qianling,
  name: '集镇安置点',
  kind: 'TOWN' as const,
  setting: 'URBAN' as const,
  buildMode: 'UNIFIED_BUILD' as const,
  plannedHouseholds: 3,
  plannedPeople: 12,
  plannedFlats: 3,
  plannedFloorArea: '300.00',
  planYear: 2016,
  ...overrides,
});

describe('sites and flats', () => {
  it('creates a site in a township of the caller\'s areas, planned, with its capacity', async () => {
    const { site } = mustSucceed(await server.execute(CreateSite, { input: siteInput() }));
    expect(site).toMatchObject({ status: 'PLANNED', plannedHouseholds: 3, plannedFlats: 3, areaCode: CODES.qianling });
  });

  it('refuses a site outside the caller\'s areas, by the plugin\'s own role too, and writes nothing', async () => {
    const before = await snapshot(server);
    const outside = await server.execute(CreateSite, { input: siteInput({ areaCode: CODES.siguanyingzi }) });
    expect(outside.data?.createRelocationSite).toMatchObject({ __typename: 'ForbiddenError', field: 'areaCode' });
    const auditor = await server.execute(CreateSite, { input: siteInput() }, { principal: PRINCIPALS.auditor });
    expect(auditor.data?.createRelocationSite).toMatchObject({ __typename: 'ForbiddenError', field: 'areaCode', messageEn: 'Your role may not record relocation' });
    expect(await snapshot(server)).toBe(before);
    // The county's relocation office creates sites.
    mustSucceed(await server.execute(CreateSite, { input: siteInput({ name: '工业园区安置点', kind: 'INDUSTRIAL_PARK' }) }, { principal: PRINCIPALS.relocationOffice }));
  });

  it('refuses bad figures with a ValidationError naming each field in Chinese and English', async () => {
    const before = await snapshot(server);
    const result = await server.execute(CreateSite, { input: siteInput({ plannedFlats: 0, plannedFloorArea: '-1', name: ' ' }) });
    const error = result.data?.createRelocationSite;
    expect(error).toMatchObject({ __typename: 'ValidationError' });
    const fields = error && 'issues' in error ? error.issues.map((issue) => issue.field) : [];
    expect(fields).toEqual(['name', 'plannedFlats', 'plannedFloorArea']);
    expect(error && 'issues' in error ? error.issues[0].messageZh : '').toMatch(/[\u4e00-\u9fff]/);
    expect(await snapshot(server)).toBe(before);
  });

  it('adds flats up to the planned number and refuses one more, writing nothing', async () => {
    const siteId = await createSite(server, { plannedHouseholds: 3, plannedFlats: 3 });
    await addFlats(server, siteId, ['75.00', '90.00']);
    const before = await snapshot(server);
    const result = await server.execute(AddFlats, { input: { siteId, flats: [{ unitNo: 'A1', floorArea: '60.00' }, { unitNo: 'A2', floorArea: '60.00' }] } });
    expect(result.data?.addRelocationFlats).toMatchObject({ __typename: 'RuleViolationError', field: 'flats' });
    expect(await snapshot(server)).toBe(before);
    const last = mustSucceed(await server.execute(AddFlats, { input: { siteId, flats: [{ unitNo: 'A1', floorArea: '60.00' }] } }));
    expect(last.site.progress.flatsBuilt).toBe(3);
  });

  it('moves a site one status at a time and refuses a skipped step', async () => {
    const siteId = await createSite(server);
    const skipped = await server.execute(ChangeSiteStatus, { input: { siteId, status: 'COMPLETED' } });
    expect(skipped.data?.changeRelocationSiteStatus).toMatchObject({ __typename: 'RuleViolationError', field: 'status' });
    for (const status of ['UNDER_CONSTRUCTION', 'COMPLETED', 'ACCEPTED', 'OCCUPIED'] as const) {
      const { site } = mustSucceed(await server.execute(ChangeSiteStatus, { input: { siteId, status } }));
      expect(site.status).toBe(status);
    }
  });

  it('links the core projects that build it, and refuses one outside the caller\'s areas', async () => {
    const siteId = await createSite(server);
    const { project } = mustSucceed(
      await server.execute(CreateProject, {
        input: { name: '集镇安置点住房建设', category: 'RELOCATION', constructionType: 'NEW', placeCode: CODES.qianling, responsibleUnit: '县发改局', budget: '6000000.00', year: 2016 },
      }),
    );
    const { site } = mustSucceed(await server.execute(LinkSiteProject, { input: { siteId, projectId: project.id } }));
    expect(site.projects).toEqual([{ id: project.id, name: '集镇安置点住房建设' }]);
    const twice = await server.execute(LinkSiteProject, { input: { siteId, projectId: project.id } });
    expect(twice.data?.linkRelocationSiteProject).toMatchObject({ __typename: 'RuleViolationError', field: 'projectId' });
    const lingyuanProject = mustSucceed(
      await server.execute(
        CreateProject,
        { input: { name: '凌源项目', category: 'RELOCATION', constructionType: 'NEW', placeCode: CODES.siguanyingzi, responsibleUnit: '市发改局', budget: '100.00', year: 2016 } },
        { principal: PRINCIPALS.lingyuanOfficer },
      ),
    ).project;
    const outside = await server.execute(LinkSiteProject, { input: { siteId, projectId: lingyuanProject.id } });
    expect(outside.data?.linkRelocationSiteProject).toMatchObject({ __typename: 'NotFoundError', field: 'projectId' });
  });
});

describe('scope and partners', () => {
  it('shows an officer of another county none of these sites, and refuses his writes to them as not found', async () => {
    const siteId = await createSite(server);
    const result = await server.execute(Sites, { regionCode: CODES.baojing }, { principal: PRINCIPALS.lingyuanOfficer });
    expect(result.errors).toBeUndefined();
    expect(result.data?.relocationSites.totalCount).toBe(0);
    const write = await server.execute(AddFlats, { input: { siteId, flats: [{ unitNo: 'X', floorArea: '50.00' }] } }, { principal: PRINCIPALS.lingyuanOfficer });
    expect(write.data?.addRelocationFlats).toMatchObject({ __typename: 'NotFoundError', field: 'siteId' });
  });

  it('lets an officer pull the sites changed since a moment, and a partner those changed since that day, page by page, with progress protected', async () => {
    clock.setToday('2017-06-01');
    const since = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const siteA = await createSite(server);
    const siteB = await createSite(server);
    const siteC = await createSite(server);
    await addFlats(server, siteA, ['80.00']);
    // A household placed at site A moves its updatedAt again: A comes last in the pull.
    await applyFor(server, { siteId: siteA });
    /** Every page of the pull, as a principal. */
    const pullAll = async (principal: Principal) => {
      const nodes: RelocationSitesListQuery['relocationSites']['edges'][number]['node'][] = [];
      let after: string | null = null;
      for (;;) {
        const page: ExecutionResult<RelocationSitesListQuery> = await server.execute(Sites, { updatedAfter: since.toISOString(), after }, { principal });
        expect(page.errors).toBeUndefined();
        nodes.push(...page.data!.relocationSites.edges.map((edge) => edge.node));
        if (!page.data!.relocationSites.pageInfo.hasNextPage) return nodes;
        after = page.data!.relocationSites.pageInfo.endCursor!;
      }
    };
    // The officer pulls exactly what changed since then, in the order it changed.
    const officerPull = await pullAll(PRINCIPALS.baojingOfficer);
    expect(officerPull.map((node) => node.id)).toEqual([siteB, siteC, siteA]);
    expect(officerPull[2].progress).toEqual({ households: 1, people: 4, flatsBuilt: 1, flatsAssigned: 0, movedInHouseholds: 0 });
    // A partner pulls by the day: whatever changed today (the sites of the tests above too), by id, dated 00:00 China time.
    const partnerPull = await pullAll(PRINCIPALS.ngo);
    const ids = partnerPull.map((node) => node.id);
    expect(ids.filter((id) => [siteA, siteB, siteC].includes(id))).toEqual([siteA, siteB, siteC]);
    expect(new Set(partnerPull.map((node) => node.updatedAt)).size).toBe(1);
    expect(new Date(Date.parse(partnerPull[0].updatedAt) + 8 * 3_600_000).toISOString()).toMatch(/T00:00:00\.000Z$/);
    const a = partnerPull.find((node) => node.id === siteA)!;
    // One household of four people: withheld for a partner; flats are buildings, public.
    expect(a.progress).toEqual({ households: null, people: null, flatsBuilt: 1, flatsAssigned: null, movedInHouseholds: null });
  });
});
