import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Principal } from '@tuopin/core';
import { DEFAULT_API_LIMITS, loadTrustedDocuments, sha256 } from '@tuopin/server';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAreas } from '../fixtures/areas.js';
import { settingsWith, TestClock } from '../fixtures/projects.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * The direct path for JSON posts (packages/server/src/http/direct-json-post.ts) must answer every
 * request exactly as yoga's full handler does: the same status, media type, length, Retry-After
 * and bytes. Two servers alike but for `http.directJsonPosts` are sent the same requests, one
 * after the other, and their answers compared; the direct server's metrics say which of its
 * answers the direct path gave, so that a path that silently handed everything back to yoga
 * could not pass.
 */
const REGISTERED = 'query PartnerCounty($code: String!) { region(code: $code) { name level } }';
const HASH = sha256(REGISTERED);
const REGION = 'query Region($code: String!) { region(code: $code) { name level } }';

let dir: string;
let direct: HttpTestServer;
let yoga: HttpTestServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tuopin-direct-'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ [HASH]: REGISTERED }));
  const trustedDocuments = loadTrustedDocuments({ manifests: ['manifest.json'], requireFor: ['NGO_PARTNER'] }, path.join(dir, 'tuopin.config.json'));
  const make = (directJsonPosts: boolean) =>
    createHttpTestServer({
      settings: settingsWith(new TestClock(new Date()), { queryLimits: { depth: 6, complexity: 300, breadth: 60 } }),
      // A budget one caller can spend within a test (429 with Retry-After), and the others never reach.
      limits: { ...DEFAULT_API_LIMITS, costPerMinute: 1_000 },
      http: { trustedDocuments, directJsonPosts },
    });
  [direct, yoga] = await Promise.all([make(true), make(false)]);
  await Promise.all([insertAreas(direct), insertAreas(yoga)]);
});
afterAll(async () => {
  await Promise.all([direct?.close(), yoga?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

interface Sent {
  body: string;
  headers?: Record<string, string>;
  as?: Principal;
}

interface Answer {
  status: number;
  contentType: string | null;
  contentLength: string | null;
  retryAfter: string | null;
  body: string;
}

async function send(server: HttpTestServer, sent: Sent): Promise<Answer> {
  const token = await server.token(sent.as ?? CALLERS.nationalAdmin);
  const response = await fetch(`${server.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...sent.headers },
    body: sent.body,
  });
  const { headers } = response;
  return { status: response.status, contentType: headers.get('content-type'), contentLength: headers.get('content-length'), retryAfter: headers.get('retry-after'), body: await response.text() };
}

/** How many answers the direct server's direct path has given, once its metrics have seen every finished request. */
async function directAnswers(): Promise<number> {
  // Metrics are observed when a response's socket event fires, just after the client has the body.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const metric = await direct.metrics.registry.getSingleMetric('tuopin_http_direct_answers_total')!.get();
  return metric.values[0]?.value ?? 0;
}

/** Sends one request to both servers and expects the same answer; says whether the direct path gave it. */
async function sameAnswer(sent: Sent): Promise<{ answer: Answer; directly: boolean }> {
  const before = await directAnswers();
  const answer = await send(direct, sent);
  const directly = (await directAnswers()) > before;
  expect(answer, sent.body).toEqual(await send(yoga, sent));
  return { answer, directly };
}

const json = (value: unknown) => JSON.stringify(value);

describe('the direct path for JSON posts', () => {
  it('answers queries as yoga does, under every Accept a client sends', async () => {
    const accepts = [undefined, '*/*', 'application/json', 'application/json; charset=utf-8', 'application/graphql-response+json', 'application/graphql-response+json, application/json', 'application/json, application/graphql-response+json;q=0.9', 'application/*', 'text/html, */*;q=0.8'];
    for (const accept of accepts) {
      const headers = accept === undefined ? undefined : { accept };
      const ok = await sameAnswer({ body: json({ query: REGION, variables: { code: '433125000000' } }), headers });
      expect(ok.directly, `Accept: ${accept}`).toBe(true);
      expect(JSON.parse(ok.answer.body)).toEqual({ data: { region: { name: '保靖县', level: 'COUNTY' } } });
      // A validation error: 200 under application/json, 400 under application/graphql-response+json.
      const invalid = await sameAnswer({ body: json({ query: '{ noSuchField }' }), headers });
      expect(invalid.directly).toBe(true);
      expect(JSON.parse(invalid.answer.body).errors[0].message).toMatch(/noSuchField/);
    }
  });

  it('hands yoga the Accept headers and content types it answers otherwise', async () => {
    const handedOver: Record<string, string>[] = [
      { accept: 'text/event-stream' },
      { accept: 'multipart/mixed' },
      { accept: 'text/html' },
      { accept: 'application/json; charset=iso-8859-1' },
      { 'content-type': 'Application/JSON' },
      { 'content-type': 'application/graphql+json' },
      { 'content-type': 'text/plain' },
    ];
    for (const headers of handedOver) {
      const { directly } = await sameAnswer({ body: json({ query: '{ __typename }' }), headers });
      expect(directly, JSON.stringify(headers)).toBe(false);
    }
  });

  it('answers refusals with the same status and codes', async () => {
    const cases: Sent[] = [
      // A value a scalar refuses, named by field; a syntax error; a query too deep for the limits.
      { body: json({ query: 'query ($code: String!) { region(code: $code) { name } }', variables: { code: 5 } }) },
      { body: json({ query: '{ region(code: "433125000000") { name }' }) },
      { body: json({ query: '{ region(code: "433125000000") { parent { parent { children(first: 1) { edges { node { parent { name } } } } } } } }' }) },
      // Two operations: the one named runs; none named is an error.
      { body: json({ query: `${REGION} query Other { __typename }`, operationName: 'Other' }) },
      { body: json({ query: `${REGION} query Other { __typename }` }) },
      // NUL in a variable (400); a field the caller's role may not read.
      { body: json({ query: REGION, variables: { code: '4331\u000025000000' } }) },
      { body: json({ query: '{ apiKeys { id } }' }), as: CALLERS.baojingOfficer },
    ];
    for (const sent of cases) expect((await sameAnswer(sent)).directly, sent.body).toBe(true);
  });

  it('answers a spent cost budget with the same 429 and Retry-After', async () => {
    const spender = { ...CALLERS.nationalAdmin, id: 'test:direct-budget' };
    const costly = { body: json({ query: '{ region(code: "433125000000") { children(first: 20) { edges { node { name code } } } } }' }), as: spender };
    let refused: Answer | undefined;
    for (let i = 0; i < 100 && !refused; i++) {
      const { answer, directly } = await sameAnswer(costly);
      expect(directly).toBe(true);
      if (answer.status === 429) refused = answer;
    }
    expect(refused?.retryAfter).toMatch(/^[1-9][0-9]*$/);
    expect(JSON.parse(refused!.body).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'costPerMinute' });
  });

  it('hands back to yoga, with the body already read, what its params checks and trusted documents refuse', async () => {
    const cases: Sent[] = [
      { body: json({}) },
      { body: json({ query: 1 }) },
      { body: json({ query: '{ __typename }', variables: [] }) },
      { body: json({ query: '{ __typename }', unexpected: true }) },
      { body: json({ query: REGION, variables: { code: '433125000000' } }), as: CALLERS.baojingNgo },
      { body: json({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }) },
    ];
    for (const sent of cases) {
      const { answer, directly } = await sameAnswer(sent);
      expect(directly, sent.body).toBe(false);
      expect(answer.status, sent.body).toBeGreaterThanOrEqual(400);
    }
    // A registered operation by its hash is answered directly.
    const registered = await sameAnswer({ body: json({ variables: { code: '433125000000' }, extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } }), as: CALLERS.baojingNgo });
    expect(registered.directly).toBe(true);
    expect(JSON.parse(registered.answer.body).data.region.name).toBe('保靖县');
  });

  it('hands yoga a body that is not one JSON object', async () => {
    for (const body of ['{not json', '', 'null', '"{ __typename }"', '[{"query":"{ __typename }"}]', '12']) {
      const { answer, directly } = await sameAnswer({ body });
      expect(directly, body).toBe(false);
      expect(answer.status, body).toBe(400);
    }
  });
});
