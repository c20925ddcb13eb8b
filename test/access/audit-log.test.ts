import type { Principal } from '@tuopin/core';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { memberInput, registrationInput } from '../fixtures/households.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * The audit log as its readers get it, through HTTP with real tokens: newest first in keyset
 * pages, one spelling of object types, only the plugins the reader's province runs, and every
 * row's before and after kept. 湖南 runs the finance plugin, 辽宁 runs core alone.
 */

const HUNAN = '430000000000';
const LIAONING = '210000000000';
const liaoningAdmin: Principal = { id: 'test:liaoning-admin', role: 'PROVINCE_ADMIN', areaScopes: ['21'], provinceCode: LIAONING };

let server: HttpTestServer;

async function post(caller: Principal, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.post({ query, variables }, { authorization: `Bearer ${await server.token(caller)}` });
  expect(response.status).toBe(200);
  return response.body;
}

/** A mutation as a caller; its payload must come back (setup that failed would prove nothing). */
async function mutate(caller: Principal, query: string, variables: Record<string, unknown>, payload: string) {
  const body = await post(caller, query, variables);
  expect(body.errors, query).toBeUndefined();
  const [outcome] = Object.values(body.data as Record<string, { __typename: string }>);
  expect(outcome, query).toMatchObject({ __typename: payload });
  return outcome as Record<string, any>;
}

const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { __typename ... on RegisterHouseholdPayload { household { id members { id } } } } }`;
const CREATE_LENDER = `mutation($input: CreateLenderInput!) { createLender(input: $input) { __typename ... on CreateLenderPayload { lender { id } } } }`;
const RATE = `mutation($input: RateHouseholdInput!) { rateHousehold(input: $input) { __typename } }`;
const PAGE = `query($first: Int!, $after: String, $filter: AuditLogFilter) {
  auditLog(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id action objectType objectId areaCode before after } }
  } }`;

interface AuditNode {
  id: string;
  action: string;
  objectType: string;
  objectId: string | null;
  areaCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Every record a caller can read, page by page. */
async function readAll(caller: Principal, filter: Record<string, unknown> = {}, first = 10): Promise<{ nodes: AuditNode[]; pages: number; totalCount: number }> {
  const nodes: AuditNode[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount = 0;
  for (;;) {
    const body = await post(caller, PAGE, { first, after, filter });
    expect(body.errors).toBeUndefined();
    const page = body.data.auditLog;
    totalCount = page.totalCount;
    nodes.push(...page.edges.map((edge: { node: AuditNode }) => edge.node));
    pages++;
    if (!page.pageInfo.hasNextPage) return { nodes, pages, totalCount };
    after = page.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  server = await createHttpTestServer({ tenancy: { provinces: { [HUNAN]: ['finance'], [LIAONING]: [] } } });
  await insertAreas(server);
  // Households in 甲村 with and without a bank account, members with and without a health entry.
  for (let i = 0; i < 6; i++) {
    await mutate(CALLERS.baojingOfficer, REGISTER, {
      input: registrationInput({ bankAccount: i % 2 ? '6230123456781234' : null, members: [memberInput({ relationToHead: 'HEAD', health: i % 2 ? 'HEALTHY' : null })] }),
    }, 'RegisterHouseholdPayload');
  }
  const liaoning = await mutate(CALLERS.liaoningOfficer, REGISTER, {
    input: registrationInput({ villageCode: AREAS.dalaoyemiao, householdNo: `${AREAS.dalaoyemiao}0001`, members: [memberInput({ relationToHead: 'HEAD' })] }),
  }, 'RegisterHouseholdPayload');
  // Finance rows in both provinces, written by the national administrator, who has every plugin.
  for (const areaCode of [AREAS.baojing, AREAS.lingyuan]) {
    await mutate(CALLERS.nationalAdmin, CREATE_LENDER, { input: { name: '农村信用合作联社', kind: 'RURAL_CREDIT_COOPERATIVE', areaCode } }, 'CreateLenderPayload');
  }
  await mutate(CALLERS.nationalAdmin, RATE, { input: { householdId: liaoning.household.id, score: 90, ratedOn: '2016-02-01', rater: '大老爷庙村评级小组' } }, 'RateHouseholdPayload');
  // An unmasked read, recorded as READ of the members.
  const read = await post(CALLERS.baojingOfficer, `{ households(regionCode: "${AREAS.villageA}", first: 2) { edges { node { members { idNumber } } } } }`);
  expect(read.errors).toBeUndefined();
  expect(read.data.households.edges).toHaveLength(2);
});
afterAll(() => server.close());

describe('auditLog', () => {
  it('is newest first, in keyset pages without repeats or gaps', async () => {
    const { nodes, pages, totalCount } = await readAll(CALLERS.nationalAdmin);
    const inDatabase = await server.sql<{ id: string }>('select a.id::text as id from audit_log a order by a.id desc');
    expect(inDatabase.length).toBeGreaterThan(25);
    expect(pages).toBeGreaterThan(2);
    expect(nodes.map((node) => node.id)).toEqual(inDatabase.map((row) => row.id));
    expect(totalCount).toBe(inDatabase.length);
  });

  it('pages a filtered log the same way', async () => {
    const { nodes, pages } = await readAll(CALLERS.hunanAdmin, { action: 'INSERT' }, 4);
    const inDatabase = await server.sql<{ id: string }>(
      "select a.id::text as id from audit_log a where a.action = 'INSERT' and a.area_code like '43%' order by a.id desc",
    );
    expect(pages).toBeGreaterThan(2);
    expect(nodes.map((node) => node.id)).toEqual(inDatabase.map((row) => row.id));
  });

  it('names every object by its GraphQL type, whether a trigger or a read recorded it', async () => {
    const { nodes } = await readAll(CALLERS.nationalAdmin, {}, 100);
    const body = await post(CALLERS.nationalAdmin, '{ __schema { types { name } } }');
    const types = new Set(body.data.__schema.types.map((type: { name: string }) => type.name));
    const shown = new Set(nodes.map((node) => node.objectType));
    expect([...shown].filter((name) => !types.has(name)), 'object types that are not GraphQL types').toEqual([]);
    for (const name of ['Member', 'Household', 'AdministrativeArea', 'Lender', 'CreditRating']) expect(shown.has(name), name).toBe(true);

    const members = await readAll(CALLERS.nationalAdmin, { objectType: 'Member' }, 100);
    expect(new Set(members.nodes.map((node) => node.action))).toEqual(new Set(['INSERT', 'READ']));
    // Written rows name the member; a read row (one per request) is the Query that read it.
    const readAMember = (node: AuditNode) => (node.after as { reads: { objectType: string }[] }).reads.some((read) => read.objectType === 'Member');
    expect(members.nodes.every((node) => (node.action === 'READ' ? node.objectType === 'Query' && readAMember(node) : node.objectType === 'Member'))).toBe(true);

    const tableName = await post(CALLERS.nationalAdmin, PAGE, { first: 5, filter: { objectType: 'member' } });
    expect(tableName.errors[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'filter.objectType' });
  });

  it("shows a province only the plugins it runs", async () => {
    const liaoning = await readAll(liaoningAdmin, {}, 100);
    expect(liaoning.nodes.length).toBeGreaterThan(0);
    expect(liaoning.nodes.every((node) => node.areaCode?.startsWith('21'))).toBe(true);
    expect(liaoning.nodes.map((node) => node.objectType).filter((type) => ['Lender', 'CreditRating'].includes(type))).toEqual([]);
    const [finance] = await server.sql<{ n: string }>("select count(*) as n from audit_log where object_type like 'finance_%' and area_code like '21%'");
    expect(Number(finance.n)).toBe(2);
    const unknown = await post(liaoningAdmin, PAGE, { first: 5, filter: { objectType: 'Lender' } });
    expect(unknown.errors[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'filter.objectType' });

    const hunan = await readAll(CALLERS.hunanAdmin, { objectType: 'Lender' }, 100);
    expect(hunan.nodes.map((node) => node.areaCode)).toEqual([AREAS.baojing]);
    const national = await readAll(CALLERS.nationalAdmin, { objectType: 'Lender' }, 100);
    expect(national.nodes.map((node) => node.areaCode).sort()).toEqual([AREAS.lingyuan, AREAS.baojing].sort());
  });

  it('keeps the whole row of every insert, NULL fields included, with personal data masked', async () => {
    const households = await readAll(CALLERS.nationalAdmin, { objectType: 'Household', action: 'INSERT' }, 100);
    const members = await readAll(CALLERS.nationalAdmin, { objectType: 'Member', action: 'INSERT' }, 100);
    expect(households.nodes).toHaveLength(7);
    expect(members.nodes).toHaveLength(7);
    for (const node of [...households.nodes, ...members.nodes]) {
      expect(node.before).toBeNull();
      expect(node.after, `${node.objectType} ${node.objectId}`).not.toBeNull();
      expect(node.after!.id).toBe(Number(node.objectId));
    }
    expect(households.nodes.map((node) => node.after!.bank_account).sort()).toEqual([...Array(3).fill('6230********1234'), ...Array(4).fill(null)]);
    for (const node of members.nodes) {
      expect(node.after).toMatchObject({ health: '***', birth_date: '***', disability_grade: '***' });
      expect(node.after!.id_number).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    }
  });
});
