import type { Principal } from '@tuopin/core';
import { createHttpTestServer, type HttpTestServer, mustSucceed } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';
import { AllocateFunds, createFund, projectFundSnapshot, projectUnderConstruction, settingsWith, TestClock } from '../fixtures/projects.js';

/**
 * Object-level scope through the real gateway with real tokens (issue 10, §1): what a caller
 * reaches by walking from an object he may see to one he may not — a fund's other allocations, a
 * paired fund's project — and what a ledger write may touch.
 */

const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
const villageCOfficer: Principal = { id: 'test:village-c-officer', role: 'VILLAGE_OFFICER', areaScopes: [AREAS.villageC], provinceCode: '430000000000' };

let server: HttpTestServer;
const ids = { projectA: '', projectB: '', countyFund: '', villageFund: '', pairedFund: '', pairedAllocation: '', countyAllocationB: '' };
const names = { projectA: '甲村道路硬化', projectB: '乙村安全饮水' };

async function allocate(fundId: string, projectId: string, amount: string): Promise<string> {
  return mustSucceed(await server.execute(AllocateFunds, { input: { fundId, projectId, amount } })).allocation.id;
}

beforeAll(async () => {
  server = await createHttpTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  // Set up as the national administrator, in-process: two sibling villages' projects, a county
  // fund and a fund managed by 甲村 paying for both, and a paired-assistance fund managed by 凌源市
  // (another county, another province) paying for 乙村's project.
  ids.projectA = await projectUnderConstruction(server, clock, { name: names.projectA, placeCode: AREAS.villageA });
  ids.projectB = await projectUnderConstruction(server, clock, { name: names.projectB, category: 'DRINKING_WATER', placeCode: AREAS.villageB, budget: '480000.00' });
  ids.countyFund = await createFund(server, { name: '县级财政专项扶贫资金', areaCode: AREAS.baojing });
  ids.villageFund = await createFund(server, { sourceType: 'SELF_RAISED', name: '甲村自筹资金', documentNo: null, areaCode: AREAS.villageA, amount: '50000.00' });
  ids.pairedFund = await createFund(server, {
    sourceType: 'EAST_WEST_COOPERATION',
    name: '对口帮扶资金',
    documentNo: '凌帮〔2016〕3号',
    provider: '凌源市对口帮扶办',
    areaCode: AREAS.lingyuan,
    amount: '300000.00',
  });
  await allocate(ids.countyFund, ids.projectA, '100000.00');
  ids.countyAllocationB = await allocate(ids.countyFund, ids.projectB, '200000.00');
  await allocate(ids.villageFund, ids.projectA, '10000.00');
  await allocate(ids.villageFund, ids.projectB, '20000.00');
  ids.pairedAllocation = await allocate(ids.pairedFund, ids.projectB, '150000.00');
});
afterAll(() => server.close());

async function ask(principal: Principal, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.post({ query, variables }, { authorization: `Bearer ${await server.token(principal)}` });
  expect(response.status).toBe(200);
  return response.body as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** Every `{ __typename: 'Project', id }` anywhere in a response. */
function projectIdsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => projectIdsIn(item, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.__typename === 'Project' && typeof record.id === 'string') found.add(record.id);
    Object.values(record).forEach((item) => projectIdsIn(item, found));
  }
  return found;
}

describe('walking from a visible object to another', () => {
  it('does not take a village officer to a sibling village\'s project through a fund', async () => {
    const body = await ask(
      CALLERS.villageAOfficer,
      `query($id: ID!, $b: ID!) {
        project(id: $id) { __typename id allocations(first: 10) { edges { node {
          fund { allocations(first: 10) { edges { node { project { __typename id name budget status notices { location } } } } } }
        } } } }
        sibling: project(id: $b) { id }
      }`,
      { id: ids.projectA, b: ids.projectB },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.sibling).toBeNull();
    expect([...projectIdsIn(body.data)]).toEqual([ids.projectA]);
    expect(JSON.stringify(body.data)).not.toContain(names.projectB);
  });

  it('shows him what the notice board shows instead: the paying fund\'s public summary, the sibling project\'s name and county', async () => {
    const body = await ask(
      CALLERS.villageAOfficer,
      `query($id: ID!) { project(id: $id) { allocations(first: 10) { edges { node {
        amount fund { id allocations(first: 10) { edges { node { amount project { id } projectSummary { name countyCode county { name } } } } } }
        fundSummary { name documentNo sourceType year provider }
      } } } } }`,
      { id: ids.projectA },
    );
    expect(body.errors).toBeUndefined();
    const [county, village] = body.data.project.allocations.edges.map((e: any) => e.node);
    expect(county).toMatchObject({ amount: '100000.00', fund: null, fundSummary: { name: '县级财政专项扶贫资金', documentNo: '保财农〔2016〕8号', sourceType: 'COUNTY_FISCAL', year: 2016 } });
    expect(village.fund.id).toBe(ids.villageFund);
    const siblings = village.fund.allocations.edges.map((e: any) => e.node);
    expect(siblings).toEqual([
      { amount: '10000.00', project: { id: ids.projectA }, projectSummary: { name: names.projectA, countyCode: AREAS.baojing, county: { name: '保靖县' } } },
      { amount: '20000.00', project: null, projectSummary: { name: names.projectB, countyCode: AREAS.baojing, county: { name: '保靖县' } } },
    ]);
  });

  it('does not take a county officer to another county\'s project through a paired-assistance fund he manages', async () => {
    const body = await ask(
      CALLERS.liaoningOfficer,
      `query($fund: ID!, $b: ID!) {
        fund(id: $fund) { name allocations(first: 10) { edges { node { amount project { __typename id name budget status } } } } }
        project(id: $b) { id }
      }`,
      { fund: ids.pairedFund, b: ids.projectB },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.project).toBeNull();
    expect(body.data.fund.allocations.edges).toEqual([{ node: { amount: '150000.00', project: null } }]);
    expect(JSON.stringify(body.data)).not.toContain(names.projectB);
  });

  it('tells that county officer the name and county of the project his fund pays for, and the amounts of his own fund', async () => {
    const body = await ask(
      CALLERS.liaoningOfficer,
      `query($fund: ID!) { fund(id: $fund) { allocated balance allocations(first: 10) { edges { node {
        amount disbursed balance projectSummary { name countyCode county { name } } } } } } }`,
      { fund: ids.pairedFund },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.fund).toMatchObject({ allocated: '150000.00', balance: '150000.00' });
    expect(body.data.fund.allocations.edges[0].node).toEqual({
      amount: '150000.00',
      disbursed: '0.00',
      balance: '150000.00',
      projectSummary: { name: names.projectB, countyCode: AREAS.baojing, county: { name: '保靖县' } },
    });
  });

  it('gives nodes() a null, never the object, for ids outside the scope', async () => {
    const body = await ask(CALLERS.villageAOfficer, `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [ids.projectA, ids.projectB, ids.countyFund] });
    expect(body.errors).toBeUndefined();
    expect(body.data.nodes).toEqual([{ __typename: 'Project', id: ids.projectA }, null, null]);
  });
});

describe('ledger writes', () => {
  const disburse = `mutation($input: DisburseFundsInput!) { disburseFunds(input: $input) { __typename ... on Error { code field } } }`;
  const reverse = `mutation($input: ReverseLedgerEntryInput!) { reverseLedgerEntry(input: $input) { __typename ... on Error { code field } } }`;

  it('refuse a payment against an allocation whose project lies outside the caller\'s scope, and write nothing', async () => {
    const before = await projectFundSnapshot(server);
    const body = await ask(CALLERS.liaoningOfficer, disburse, { input: { allocationId: ids.pairedAllocation, amount: '1000.00', voucherNo: 'LY-1' } });
    expect(body.errors).toBeUndefined();
    expect(body.data.disburseFunds).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN', field: 'allocationId' });
    const reversal = await ask(CALLERS.liaoningOfficer, reverse, { input: { entryId: ids.pairedAllocation, reason: '错账' } });
    expect(reversal.data.reverseLedgerEntry).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN', field: 'entryId' });
    expect(await projectFundSnapshot(server)).toEqual(before);
  });

  it('do not reveal an entry the caller sees from neither side', async () => {
    const body = await ask(villageCOfficer, disburse, { input: { allocationId: ids.countyAllocationB, amount: '1000.00', voucherNo: 'BZ-9' } });
    expect(body.data.disburseFunds).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', field: 'allocationId' });
  });

  it('go through when the caller\'s scope holds both the fund and the project', async () => {
    const body = await ask(CALLERS.nationalAdmin, disburse, { input: { allocationId: ids.pairedAllocation, amount: '1000.00', voucherNo: 'LY-2' } });
    expect(body.data.disburseFunds).toEqual({ __typename: 'DisburseFundsPayload' });
  });
});
