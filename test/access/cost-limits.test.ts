import { setTimeout as sleep } from 'node:timers/promises';
import { operationCost, STATISTICS_BLOCK_COMPLEXITY, type Principal, type TuopinPlugin } from '@tuopin/core';
import { DEFAULT_API_LIMITS, loadInstalledPlugins } from '@tuopin/server';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../fixtures/households.js';
import { insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';

/** The deployment's installed plugins (the root package.json's `tuopin.plugins`). */
const installedPlugins = await loadInstalledPlugins();

/**
 * Limits over time, per caller: an allowed query is not allowed without end. Each caller (the
 * whole principal, not its `sub` alone) has a budget of estimated query cost and of server time
 * per minute and a number of requests at once; failed authentications are limited per client
 * address. Statistics cost what their SQL costs, in core and in every plugin.
 */
const LIMITS = { ...DEFAULT_API_LIMITS, requestsPerMinute: 20, costPerMinute: 300, serverSecondsPerMinute: 2, concurrentRequests: 2, authFailuresPerMinute: 3 };

/** A field that takes its time, to hold requests open. */
const slowPlugin: TuopinPlugin = {
  name: 'slow',
  title: '慢 Slow (test fixture)',
  entities: [],
  migrations: [],
  registerSchema(builder) {
    builder.queryField('slowly', (t) =>
      t.boolean({
        description: '稍等 Answers after a while',
        args: { ms: t.arg.int({ required: true, description: '毫秒 Milliseconds' }) },
        resolve: async (_root, { ms }) => {
          await sleep(ms);
          return true;
        },
      }),
    );
  },
};

let server: HttpTestServer;
let callers = 0;

beforeAll(async () => {
  server = await createHttpTestServer({ plugins: [...installedPlugins, slowPlugin], limits: LIMITS });
  await insertAreas(server);
});
afterAll(() => server.close());

/** A caller of its own, so that one test's spending does not touch another's. */
const newCaller = (base: Principal = CALLERS.baojingOfficer): Principal => ({ ...base, id: `test:cost-${callers++}` });
const as = async (caller: Principal) => ({ authorization: `Bearer ${await server.token(caller)}` });
const costOf = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(server.platform.schema, parse(query), undefined, variables)!.complexity;

const STATS = `{ ${['433125000000', '433125100000', '433125101000', '433100000000', '430000000000']
  .map((code, i) => `a${i}: region(code: "${code}") { stats { households poorPeople projectCount } }`)
  .join(' ')} }`;

describe('estimated cost', () => {
  it('weighs every statistics block, core’s and the plugins’', () => {
    // The same shapes with ordinary object fields (weight 1) in place of the statistics blocks.
    const plain = costOf('{ region(code: "433125000000") { parent { name } } }');
    const plainer = costOf('{ region(code: "433125000000") { parent { parent { name } } } }');
    expect(costOf('{ region(code: "433125000000") { stats { households } } }')).toBe(plain - 1 + STATISTICS_BLOCK_COMPLEXITY);
    expect(costOf('{ region(code: "433125000000") { stats { finance { loanCount } } } }')).toBe(plainer - 2 + 2 * STATISTICS_BLOCK_COMPLEXITY);
  });

  it('counts a page as large as it is asked for, and every id of nodes', () => {
    const page = (first: number) => costOf(`{ households(first: ${first}) { edges { node { householdNo } } } }`);
    expect(page(100)).toBeGreaterThan(4 * page(20));
    const ids = Array.from({ length: 100 }, (_, i) => globalId('Household', i + 1));
    expect(costOf('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids })).toBeGreaterThanOrEqual(100);
  });

  it('is spent from the caller’s budget per minute, and a spent budget refuses with 429', async () => {
    const cost = costOf(STATS);
    expect(cost).toBeGreaterThan(LIMITS.costPerMinute / 3);
    const caller = await as(newCaller());
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await server.post({ query: STATS }, caller));
    const allowed = Math.floor(LIMITS.costPerMinute / cost);
    expect(answers.slice(0, allowed).map((a) => a.status)).toEqual(Array(allowed).fill(200));
    const refused = answers[allowed];
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'costPerMinute', maximum: 300, actual: cost, messageZh: expect.stringMatching(/预算/) });
    expect(refused.body.errors[0].extensions.http).toBeUndefined();
    expect(refused.body.data).toBeUndefined();
    // Another caller has a budget of its own.
    expect((await server.post({ query: STATS }, await as(newCaller()))).status).toBe(200);
  });
});

describe('per caller', () => {
  it('limits the requests running at once', async () => {
    const caller = await as(newCaller());
    const answers = await Promise.all([0, 1, 2].map(() => server.post({ query: '{ slowly(ms: 400) }' }, caller)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 429]);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'concurrentRequests', maximum: 2 });
    // Once they are done, the caller is admitted again.
    expect((await server.post({ query: '{ slowly(ms: 1) }' }, caller)).status).toBe(200);
  });

  it('limits the server time a caller takes per minute', async () => {
    const caller = await as(newCaller());
    for (let i = 0; i < 2; i++) expect((await server.post({ query: '{ slowly(ms: 1100) }' }, caller)).status).toBe(200);
    const refused = await server.post({ query: '{ __typename }' }, caller);
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'serverSecondsPerMinute', maximum: 2 });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('is the whole principal: tokens that share a sub but claim other roles or areas do not share a budget', async () => {
    const id = `test:cost-shared-sub-${callers++}`;
    const officer = await as({ ...CALLERS.baojingOfficer, id });
    const auditor = await as({ ...CALLERS.hunanAuditor, id });
    const statuses: number[] = [];
    for (let i = 0; i <= LIMITS.requestsPerMinute; i++) statuses.push((await server.post({ query: '{ __typename }' }, officer)).status);
    expect(statuses.at(-1)).toBe(429);
    expect((await server.post({ query: '{ __typename }' }, auditor)).status).toBe(200);
  });
});

describe('failed authentication', () => {
  let guarded: HttpTestServer;
  beforeAll(async () => {
    guarded = await createHttpTestServer({ limits: LIMITS });
  });
  afterAll(() => guarded.close());

  it('is limited per client address, before any credential is checked', async () => {
    const bad = { authorization: 'Bearer not.a.token' };
    for (let i = 0; i < LIMITS.authFailuresPerMinute; i++) expect((await guarded.post({ query: '{ __typename }' }, bad)).status).toBe(401);
    const blocked = await guarded.post({ query: '{ __typename }' }, { authorization: `Bearer tpk_000000000000.${'A'.repeat(43)}` });
    expect(blocked.status).toBe(429);
    expect(blocked.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'authFailuresPerMinute', maximum: 3 });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
