import { DEFAULT_API_LIMITS } from '@tuopin/server';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import type { TuopinPlugin } from '@tuopin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsWith, TestClock } from '../fixtures/projects.js';
import { CALLERS } from '../fixtures/principals.js';

/** A plugin with a field that fails unexpectedly, to see what a client and the log get. */
const faultyPlugin: TuopinPlugin = {
  name: 'faulty',
  title: '故障 Faulty (test fixture)',
  entities: [],
  migrations: [],
  registerSchema(builder) {
    builder.queryField('explode', (t) =>
      t.string({
        description: '总是失败 Always fails',
        resolve: () => {
          throw new Error('connection string postgres://secret@db leaked');
        },
      }),
    );
  },
};

const logged: Record<string, unknown>[] = [];
let server: HttpTestServer;
let callers = 0;

beforeAll(async () => {
  server = await createHttpTestServer({
    plugins: [faultyPlugin],
    settings: settingsWith(new TestClock(new Date()), { queryLimits: { depth: 6, complexity: 300, breadth: 60 } }),
    limits: { ...DEFAULT_API_LIMITS, maxBodyBytes: 10_000, maxAliases: 3, maxTokens: 300, requestsPerMinute: 5 },
    log: { info: () => {}, warn: () => {}, error: (message, fields) => void logged.push({ message, ...fields }) },
  });
});
afterAll(() => server.close());

/** A fresh caller per request series, so that the rate limit of one test does not touch another. */
async function asNewCaller(body: unknown) {
  const token = await server.token({ ...CALLERS.nationalAdmin, id: `test:limits-${callers++}` });
  return server.post(body, { authorization: `Bearer ${token}` });
}

describe('API limits', () => {
  it('refuses a query nested too deep, giving its depth and the limit', async () => {
    const deep = '{ region(code: "433125000000") { parent { parent { children(first: 1) { edges { node { parent { name } } } } } } } }';
    const response = await asNewCaller({ query: deep });
    // The client's to fix: not a server fault (yoga answered 500 for it).
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'depth', maximum: 6 });
    expect(response.body.errors[0].extensions.actual).toBeGreaterThan(6);
    expect(response.body.errors[0].message).toMatch(/查询嵌套深度.*Query depth/);
  });

  it('refuses a query that costs too much, giving its cost and the limit', async () => {
    const costly = '{ households(first: 100) { edges { node { members { name idNumber sex } incomes { year netIncome } } } } }';
    const response = await asNewCaller({ query: costly });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'complexity', maximum: 300 });
    expect(response.body.errors[0].extensions.actual).toBeGreaterThan(300);
  });

  it('refuses too many aliases', async () => {
    const response = await asNewCaller({ query: '{ a: __typename b: __typename c: __typename d: __typename }' });
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'aliases', actual: 4, maximum: 3 });
  });

  it('refuses a document with too many tokens before building it', async () => {
    const response = await asNewCaller({ query: `{ ${Array.from({ length: 400 }, () => '__typename').join(' ')} }` });
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'tokens', maximum: 300 });
  });

  it('refuses pages over 100', async () => {
    const response = await asNewCaller({ query: '{ households(first: 101) { totalCount } }' });
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'first' });
  });

  it('refuses a body over the size limit', async () => {
    const response = await asNewCaller({ query: `{ __typename }`, variables: { padding: 'x'.repeat(12_000) } });
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maximum: 10_000 });
  });

  it('limits the rate of each caller, and only that caller', async () => {
    const token = await server.token({ ...CALLERS.nationalAdmin, id: 'test:limits-flood' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await server.post({ query: '{ __typename }' }, { authorization: `Bearer ${token}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await server.post({ query: '{ __typename }' }, { authorization: `Bearer ${token}` });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', maximum: 5 });
    expect((await asNewCaller({ query: '{ __typename }' })).status).toBe(200);
  });

  it('masks unexpected errors, with a correlation id that the structured log carries', async () => {
    const response = await asNewCaller({ query: '{ explode }' });
    const [error] = response.body.errors;
    expect(error.message).not.toContain('secret');
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const correlationId = error.extensions.correlationId;
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logged).toContainEqual(expect.objectContaining({ message: 'unexpected error', correlationId, error: expect.stringContaining('secret') }));
  });
});
