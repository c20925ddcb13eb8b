import type { Grant, Principal } from '@tuopin/core';
import { createHttpTestServer, mustSucceed, TEST_JWT_SECRET, TEST_REGISTRAR, type HttpTestServer } from '@tuopin/testing';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { AllocateFunds, createFund, projectUnderConstruction, projectFundSnapshot, settingsWith, TestClock } from '../fixtures/projects.js';

/**
 * Grants beyond the area tree, through HTTP with real tokens: a 山东 county officer on the helper
 * side of an east–west pairing is granted one 湘西 (保靖县) project. He sees that project, its
 * funding and its ledger, and nothing else of 保靖县; he changes it only when the grant says so.
 */
const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
const JINAN_OFFICER: Principal = { id: 'test:lixia-officer', role: 'COUNTY_OFFICER', areaScopes: ['370102'], provinceCode: '370000000000' };

let server: HttpTestServer;
let granted: string;
let other: string;
let fund: string;
let allocation: string;
let household: string;

const grantOn = (on: string, permissions: string[]): Grant => ({ on, type: 'Project', id: '', permissions });
const withGrants = (...grants: Grant[]): Principal => ({ ...JINAN_OFFICER, grants });

async function ask(caller: Principal, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.post({ query, variables }, { authorization: `Bearer ${await server.token(caller)}` });
  expect(response.status).toBe(200);
  return response.body;
}

beforeAll(async () => {
  server = await createHttpTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  granted = await projectUnderConstruction(server, clock, { name: '保靖县东西部协作产业项目', budget: '500000.00' });
  other = await projectUnderConstruction(server, clock, { name: '保靖县道路硬化项目' });
  fund = await createFund(server, { sourceType: 'COUNTY_FISCAL', amount: '800000.00', areaCode: AREAS.baojing });
  const allocated = mustSucceed(await server.execute(AllocateFunds, { input: { fundId: fund, projectId: granted, amount: '120000.00' } }));
  allocation = allocated.allocation.id;
  mustSucceed(await server.execute(AllocateFunds, { input: { fundId: fund, projectId: other, amount: '30000.00' } }));
  const registered = mustSucceed(await server.execute(RegisterHousehold, { input: registrationInput({ villageCode: AREAS.villageA }) }, { principal: TEST_REGISTRAR }));
  household = registered.household.id;
});
afterAll(() => server.close());

const PROJECT = `query($id: ID!) {
  project(id: $id) {
    name totalFunded fundingBySource { sourceType allocated }
    allocations(first: 10) { totalCount edges { node { id amount fund { id } fundSummary { name } } } }
  }
  node(id: $id) { id }
}`;

describe('a grant on one project of another province', () => {
  it('shows that project, its funding and its ledger, which the officer does not see without it', async () => {
    const without = await ask(JINAN_OFFICER, PROJECT, { id: granted });
    expect(without.data).toEqual({ project: null, node: null });

    const body = await ask(withGrants(grantOn(granted, ['core.projects.read'])), PROJECT, { id: granted });
    expect(body.errors).toBeUndefined();
    expect(body.data.node).toEqual({ id: granted });
    expect(body.data.project).toMatchObject({ name: '保靖县东西部协作产业项目', totalFunded: '120000.00', fundingBySource: [{ sourceType: 'COUNTY_FISCAL', allocated: '120000.00' }] });
    // The entry is his to see; the county's fund is not (its public summary is).
    expect(body.data.project.allocations.edges).toEqual([{ node: { id: allocation, amount: '120000.00', fund: null, fundSummary: { name: '县级财政专项扶贫资金' } } }]);
    const entry = await ask(withGrants(grantOn(granted, ['core.projects.read'])), 'query($id: ID!) { node(id: $id) { id } }', { id: allocation });
    expect(entry.data.node).toEqual({ id: allocation });
  });

  it('shows nothing else of that county: not its other project, its fund, its households or its statistics', async () => {
    const caller = withGrants(grantOn(granted, ['core.projects.read', 'core.projects.manage']));
    const query = `query($other: ID!, $fund: ID!, $household: ID!) {
      project(id: $other) { name }
      node(id: $other) { id }
      fund(id: $fund) { name }
      household(id: $household) { householdNo }
      projects(regionCode: "433125000000", first: 10) { totalCount }
      region(code: "433125000000") { stats { households projectCount } }
    }`;
    const variables = { other, fund, household };
    // What an officer of the county sees, so that the empty answers below mean something.
    const insider = await ask({ id: 'test:baojing', role: 'COUNTY_OFFICER', areaScopes: ['433125'], provinceCode: '430000000000' }, query, variables);
    expect(insider.data).toMatchObject({ project: { name: '保靖县道路硬化项目' }, node: { id: other }, fund: { name: '县级财政专项扶贫资金' }, household: {} });
    expect(insider.data.projects.totalCount).toBe(2);
    expect(insider.data.region.stats).toEqual({ households: 1, projectCount: 2 });

    const body = await ask(caller, query, variables);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ project: null, node: null, fund: null, household: null, projects: { totalCount: 0 }, region: { stats: { households: 0, projectCount: 0 } } });
  });

  it('lets him change the project only when the grant carries core.projects.manage', async () => {
    const update = `mutation($id: ID!) { updateProject(input: { id: $id, note: "山东援建资金到位" }) { __typename ... on Error { code field } ... on UpdateProjectPayload { project { note } } } }`;
    const before = await projectFundSnapshot(server);
    const readOnly = await ask(withGrants(grantOn(granted, ['core.projects.read'])), update, { id: granted });
    expect(readOnly.data.updateProject).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN', field: 'id' });
    const elsewhere = await ask(withGrants(grantOn(granted, ['core.projects.manage'])), update, { id: other });
    expect(elsewhere.data.updateProject).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'id' });
    expect(await projectFundSnapshot(server)).toEqual(before);

    const managed = await ask(withGrants(grantOn(granted, ['core.projects.manage'])), update, { id: granted });
    expect(managed.data.updateProject).toEqual({ __typename: 'UpdateProjectPayload', project: { note: '山东援建资金到位' } });
  });

  it('never lets him move the project out of its province into his own areas', async () => {
    // A 凌源市 officer granted a 保靖县 project: moving it to his village would take it from 保靖县 for good.
    const project = await projectUnderConstruction(server, clock, { name: '保靖县东西部协作搬迁项目' });
    const lingyuan: Principal = { id: 'test:lingyuan-officer', role: 'COUNTY_OFFICER', areaScopes: ['211382'], provinceCode: '210000000000', grants: [grantOn(project, ['core.projects.manage'])] };
    const move = `mutation($id: ID!) { updateProject(input: { id: $id, placeCode: "${AREAS.dalaoyemiao}" }) { __typename ... on Error { code field } } }`;
    const before = await projectFundSnapshot(server);
    const body = await ask(lingyuan, move, { id: project });
    expect(body.data.updateProject).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN', field: 'placeCode' });
    expect(await projectFundSnapshot(server)).toEqual(before);
  });

  it('never lets him unlink households he cannot see, nor learn by unlinking which are beneficiaries', async () => {
    const project = await projectUnderConstruction(server, clock, { name: '保靖县东西部协作产业项目二期' });
    const link = `mutation($input: LinkProjectBeneficiariesInput!) { linkProjectBeneficiaries(input: $input) { __typename } }`;
    const baojing: Principal = { id: 'test:baojing', role: 'COUNTY_OFFICER', areaScopes: ['433125'], provinceCode: '430000000000' };
    const linked = await ask(baojing, link, { input: { projectId: project, householdIds: [household] } });
    expect(linked.data.linkProjectBeneficiaries).toEqual({ __typename: 'LinkProjectBeneficiariesPayload' });
    const unlink = `mutation($input: UnlinkProjectBeneficiariesInput!) { unlinkProjectBeneficiaries(input: $input) { __typename ... on Error { code field } ... on UnlinkProjectBeneficiariesPayload { count } } }`;
    const before = await projectFundSnapshot(server);
    const body = await ask(withGrants(grantOn(project, ['core.projects.read', 'core.projects.manage'])), unlink, { input: { projectId: project, householdIds: [household] } });
    expect(body.data.unlinkProjectBeneficiaries).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN', field: 'projectId' });
    expect(await projectFundSnapshot(server)).toEqual(before);
  });
});

describe('the grants claim', () => {
  async function refusal(grants: unknown) {
    const token = await new SignJWT({ sub: 'test:lixia-officer', role: 'COUNTY_OFFICER', scopes: ['370102'], province: '370000000000', grants })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('tuopin')
      .setAudience('tuopin')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const response = await server.post({ query: '{ __typename }' }, { authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    return response.body.errors[0].extensions.reason as string;
  }
  const householdId = () => household;

  it.each([
    ['not a list', () => 'UHJvamVjdDox', /grants must be a list of at most 30/],
    ['an id that is no global ID', () => [{ on: 'project-1', permissions: ['core.projects.read'] }], /grants\[0\]\.on is not a valid global ID/],
    ['no permissions', () => [{ on: granted }], /grants\[0\]\.permissions must be a list/],
    ['an unknown permission', () => [{ on: granted, permissions: ['core.projects.destroy'] }], /unknown permission "core.projects.destroy"/],
    ['a permission not grantable at all', () => [{ on: granted, permissions: ['core.registry.read'] }], /core.registry.read cannot be granted on a Project/],
    ['a type the permission cannot be granted on', () => [{ on: householdId(), permissions: ['core.projects.read'] }], /cannot be granted on a Household \(only on Project\)/],
    ['an area code where an object id belongs', () => [{ on: Buffer.from(`Project:${AREAS.baojing}`).toString('base64'), permissions: ['core.projects.read'] }], /grants\[0\]\.on names no object/],
    ['the same object twice', () => [{ on: granted, permissions: ['core.projects.read'] }, { on: granted, permissions: ['core.projects.manage'] }], /grants\[1\] names Project/],
    ['too many grants', () => Array.from({ length: 31 }, () => ({ on: granted, permissions: ['core.projects.read'] })), /at most 30/],
  ])('refuses %s', async (_what, grants, reason) => {
    expect(await refusal(grants())).toMatch(reason);
  });
});
