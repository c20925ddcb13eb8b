import { createHttpTestServer, type HttpTestServer, mustSucceed } from '@tuopin/testing';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../schema/generated/index.js';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';
import { AllocateFunds, createFund, createProject, projectUnderConstruction, settingsWith, TestClock } from '../fixtures/projects.js';

/**
 * The exact moment of a change dates a registry event (a payment to one student, a household's
 * move). A partner, with a real API key over HTTP, reads change times to the day in China's time
 * (UTC+8), and cannot get the time back by bisecting `updatedAfter` or reading cursors; an
 * officer reads and pulls exact times.
 */
const PullByDay = graphql(`
  query PartnerChangeDays($updatedAfter: DateTime, $first: Int, $after: String, $last: Int, $before: String) {
    projects(regionCode: "433125000000", updatedAfter: $updatedAfter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name updatedAt } }
    }
  }
`);
const PULL = print(PullByDay);
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on CreateApiKeyPayload { key apiKey { id } } } }`;

type Row = { id: string; name: string; updatedAt: string };

const clock = new TestClock(new Date('2016-03-01T02:00:00Z'));
let server: HttpTestServer;
let partnerKey: string;
let officerToken: string;
/** Project global ids by name, and the exact moments their rows are stamped with. */
const projects = new Map<string, string>();

const numericId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
const asPartner = (body: unknown) => server.post(body, { authorization: `Bearer ${partnerKey}` });
const asOfficer = (body: unknown) => server.post(body, { authorization: `Bearer ${officerToken}` });

/** Every page of a pull, forwards, in the order received. */
async function pullAll(post: (body: unknown) => ReturnType<typeof asPartner>, updatedAfter: string, first: number): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await post({ query: PULL, variables: { updatedAfter, first, after } });
    expect(response.body.errors).toBeUndefined();
    const page = response.body.data.projects;
    rows.push(...page.edges.map((edge: { node: Row }) => edge.node));
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}

// Stamps (China time): 早 and 晚 on 30 November, created 晚 first so that id order differs from
// time order; 前夜 a millisecond before 30 November began; 次日 its last moment's next, which is
// still 30 November in UTC.
const STAMPS: [name: string, at: string][] = [
  ['晚', '2026-11-30T18:40:00.456+08:00'],
  ['早', '2026-11-30T09:15:00.123+08:00'],
  ['前夜', '2026-11-29T23:59:59.999+08:00'],
  ['次日', '2026-12-01T00:00:00.000+08:00'],
];

beforeAll(async () => {
  server = await createHttpTestServer({ settings: settingsWith(clock) });
  await insertAreas(server);
  for (const [name, at] of STAMPS) {
    const id = await createProject(server, { name: `项目${name}` });
    projects.set(name, id);
    await server.sql('update project set updated_at = ? where id = ?', [at, numericId(id)]);
  }
  // Ten more over three days, for paging: two or three a day, in no order of id.
  for (let i = 0; i < 10; i++) {
    const id = await createProject(server, { name: `分页${i}`, placeCode: i % 2 ? AREAS.villageB : AREAS.villageC });
    const day = 3 + ((i * 7) % 3);
    await server.sql('update project set updated_at = ? where id = ?', [`2026-11-0${day}T${String(10 + i).padStart(2, '0')}:00:00.000+08:00`, numericId(id)]);
  }
  const created = await server.post(
    { query: CREATE_KEY, variables: { input: { name: '某基金会 A foundation', areaScopes: ['433125'] } } },
    { authorization: `Bearer ${await server.token(CALLERS.hunanAdmin)}` },
  );
  partnerKey = mustSucceed(created).key;
  officerToken = await server.token(CALLERS.baojingOfficer);
});
afterAll(() => server.close());

describe('change times for a partner', () => {
  it('are the start of their day in China\'s time, in lists and by id', async () => {
    const rows = await pullAll(asPartner, '2026-11-01T00:00:00Z', 100);
    expect(rows).toHaveLength(14);
    const byName = Object.fromEntries(rows.map((row) => [row.name, row.updatedAt]));
    expect(byName).toMatchObject({
      项目晚: '2026-11-29T16:00:00.000Z',
      项目早: '2026-11-29T16:00:00.000Z',
      项目前夜: '2026-11-28T16:00:00.000Z',
      项目次日: '2026-11-30T16:00:00.000Z',
    });
    for (const row of rows) expect(row.updatedAt, row.name).toMatch(/T16:00:00\.000Z$/);

    const one = await asPartner({ query: `query($id: ID!) { project(id: $id) { updatedAt } }`, variables: { id: projects.get('早') } });
    expect(one.body.data.project.updatedAt).toBe('2026-11-29T16:00:00.000Z');

  });

  it('cannot tell two changes of one day apart, nor order them, through updatedAfter', async () => {
    const early = Date.parse('2026-11-30T09:15:00.123+08:00');
    const late = Date.parse('2026-11-30T18:40:00.456+08:00');
    for (const after of [early - 1, early + 1, late - 1, late + 1]) {
      const rows = await pullAll(asPartner, new Date(after).toISOString(), 100);
      // Both, whichever side of either change the pull starts, in the order of their ids (晚 was created first).
      expect(rows.map((row) => row.name), new Date(after).toISOString()).toEqual(['项目晚', '项目早', '项目次日']);
    }
    // The officer's pull splits them exactly.
    expect((await pullAll(asOfficer, new Date(early + 1).toISOString(), 100)).map((row) => row.name)).toEqual(['项目晚', '项目次日']);
    expect((await pullAll(asOfficer, new Date(early - 1).toISOString(), 100)).map((row) => row.name)).toEqual(['项目早', '项目晚', '项目次日']);
  });

  it('pages by (day, id) with no duplicate and no gap across days, and cursors that carry the day alone', async () => {
    const whole = await pullAll(asPartner, '2026-11-01T00:00:00Z', 100);
    const key = (row: Row) => `${row.updatedAt}/${String(numericId(row.id)).padStart(9, '0')}`;
    expect(whole.map(key)).toEqual(whole.map(key).sort());
    for (const first of [1, 2, 3, 5]) expect((await pullAll(asPartner, '2026-11-01T00:00:00Z', first)).map((row) => row.id), `first: ${first}`).toEqual(whole.map((row) => row.id));

    const page = (await asPartner({ query: PULL, variables: { updatedAfter: '2026-11-01T00:00:00Z', first: 4 } })).body.data.projects;
    for (const cursor of [page.pageInfo.endCursor, ...page.edges.map((edge: { cursor: string }) => edge.cursor)]) {
      expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.any(Number)]);
    }
    // Backwards from the end, the same rows.
    const back = (await asPartner({ query: PULL, variables: { updatedAfter: '2026-11-01T00:00:00Z', last: 5, before: page.pageInfo.endCursor } })).body.data.projects;
    expect(back.edges.map((edge: { node: Row }) => edge.node.id)).toEqual(whole.slice(0, 3).map((row) => row.id));
  });

  it('refuses a cursor of the exact order, and the officer one of the day order', async () => {
    const exact = (await asOfficer({ query: PULL, variables: { updatedAfter: '2026-11-01T00:00:00Z', first: 2 } })).body.data.projects.pageInfo.endCursor;
    const byDay = (await asPartner({ query: PULL, variables: { updatedAfter: '2026-11-01T00:00:00Z', first: 2 } })).body.data.projects.pageInfo.endCursor;
    const forged = Buffer.from(JSON.stringify(['2026-11-30T01:15:00.123Z', 1])).toString('base64url');
    for (const [post, after] of [[asPartner, exact], [asPartner, forged], [asOfficer, byDay]] as const) {
      const response = await post({ query: PULL, variables: { updatedAfter: '2026-11-01T00:00:00Z', first: 2, after } });
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
    }
  });

  it('filters on updated_at itself, so the index serves the range, in as many statements as the officer\'s pull', async () => {
    const variables = { updatedAfter: '2026-11-30T12:00:00+08:00', first: 2 };
    const partner = await server.countStatements(() => server.execute(PullByDay, variables, { principal: CALLERS.baojingNgo }));
    const officer = await server.countStatements(() => server.execute(PullByDay, variables, { principal: CALLERS.baojingOfficer }));
    expect(partner.count).toBe(officer.count);
    const page = partner.statements.find((statement) => /from "project" p where/.test(statement) && /order by/.test(statement))!;
    const where = page.slice(page.indexOf(' where '), page.indexOf(' order by '));
    expect(where).toMatch(/p\.updated_at >= \$\d+/);
    expect(where).not.toMatch(/time zone|date_trunc|::date/);
  });

  // Last: its project changes today, which the pulls above do not expect.
  it('are the start of their day in a ledger entry (a disbursement dates a payment to someone) and a fund', async () => {
    const projectId = await projectUnderConstruction(server, clock, { name: '有台账的项目' });
    const fundId = await createFund(server, { amount: '5000.00' });
    mustSucceed(await server.execute(AllocateFunds, { input: { fundId, projectId, amount: '100.00' } }));
    const ledger = `query($id: ID!) { project(id: $id) { allocations(first: 5) { edges { node { recordedAt } } } } fund(id: "${fundId}") { updatedAt } }`;
    const partner = (await asPartner({ query: ledger, variables: { id: projectId } })).body.data;
    const officer = (await asOfficer({ query: ledger, variables: { id: projectId } })).body.data;
    const [exact] = officer.project.allocations.edges.map((edge: { node: { recordedAt: string } }) => edge.node.recordedAt);
    const dayStart = new Date(Date.parse(`${new Date(Date.parse(exact) + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`)).toISOString();
    expect(partner.project.allocations.edges[0].node.recordedAt).toBe(dayStart);
    expect(partner.fund.updatedAt).toBe(dayStart);
    expect(officer.fund.updatedAt).not.toBe(dayStart);
  });
});
