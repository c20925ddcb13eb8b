import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from '@tuopin/server';
import { createHttpTestServer, type HttpTestServer, mustSucceed } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * When PostgreSQL dies, requests get typed errors (DATABASE_UNAVAILABLE, HTTP 503), never data
 * that reads as "does not exist"; API keys, which are checked in the database, too. When it is
 * back the same Node process serves again: restarted by the test for a database the server does
 * not run (DATABASE_URL), by the server's own supervision for the embedded one. Each scenario
 * runs a cluster of its own, which it kills.
 */
const LOOKUPS = `{ region(code: "${AREAS.baojing}") { name } village(code: "${AREAS.villageA}") { name } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on CreateApiKeyPayload { key } } }`;

interface World {
  root: string;
  cluster: EmbeddedPostgres;
  server: HttpTestServer;
  token: string;
  apiKey: string;
}

async function startWorld(name: string, supervise: boolean): Promise<World> {
  const root = await mkdtemp(path.join(tmpdir(), `tuopin-outage-${name}-`));
  await chmod(root, 0o755); // as root, PostgreSQL runs as `postgres`, which must reach the data directory
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), supervise });
  await ensureDatabase(cluster.url(), 'tuopin');
  const server = await createHttpTestServer({ databaseUrl: cluster.url('tuopin') });
  await insertAreas(server);
  const token = await server.token(CALLERS.baojingOfficer);
  const created = await server.post(
    { query: CREATE_KEY, variables: { input: { name: '某基金会', areaScopes: ['433125'] } } },
    { authorization: `Bearer ${await server.token(CALLERS.hunanAdmin)}` },
  );
  return { root, cluster, server, token, apiKey: mustSucceed(created).key };
}

async function stopWorld(world: World | undefined): Promise<void> {
  if (!world) return;
  await world.server.close().catch(() => {});
  await world.cluster.stop();
  await rm(world.root, { recursive: true, force: true });
}

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

/** What a request answers, and that an answer without data is a typed 503, never an empty success. */
async function ask(world: World, credential: string) {
  const response = await world.server.post({ query: LOOKUPS }, bearer(credential));
  if (response.status === 200 && !response.body.errors) return { up: true as const, body: response.body };
  return { up: false as const, status: response.status, body: response.body };
}

function expectUnavailable(outcome: Awaited<ReturnType<typeof ask>>) {
  expect(outcome.up, JSON.stringify(outcome.body)).toBe(false);
  if (outcome.up) return;
  expect(outcome.status).toBe(503);
  expect(outcome.body.errors.length).toBeGreaterThan(0);
  for (const error of outcome.body.errors) {
    expect(error.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE', messageZh: expect.stringMatching(/数据库/), messageEn: expect.stringMatching(/database/i) });
    expect(error.extensions.http).toBeUndefined();
  }
  // Never "does not exist": a lookup that answers null carries its error.
  const failedPaths = new Set(outcome.body.errors.map((error: { path?: string[] }) => error.path?.[0]));
  for (const [field, value] of Object.entries(outcome.body.data ?? {})) {
    expect(value).toBeNull();
    expect(failedPaths.has(field), `${field} is null without an error`).toBe(true);
  }
}

describe('a database the server does not run (DATABASE_URL), killed and restarted by its operator', () => {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld('external', false);
  });
  afterAll(() => stopWorld(world));

  it('answers typed 503s while it is down, and serves again once it is back', { timeout: 120_000 }, async () => {
    const w = world!;
    expect((await ask(w, w.token)).body).toEqual({ data: { region: { name: '保靖县' }, village: { name: '甲村' } } });
    const port = w.cluster.port;
    process.kill(w.cluster.pid!, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 300));

    expectUnavailable(await ask(w, w.token));
    expectUnavailable(await ask(w, w.token)); // and again: no lasting bad state
    const partner = await w.server.post({ query: LOOKUPS }, bearer(w.apiKey));
    expect(partner.status).toBe(503);
    expect(partner.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(partner.body.errors[0].extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect((await fetch(`${w.server.baseUrl}/ready`)).status).toBe(503);

    // The operator brings it back on the same address; the same Node process reconnects.
    await w.cluster.stop();
    w.cluster = await startEmbeddedPostgres({ dataDir: path.join(w.root, 'postgres'), port, supervise: false });
    expect((await ask(w, w.token)).body).toEqual({ data: { region: { name: '保靖县' }, village: { name: '甲村' } } });
    const partnerAgain = await w.server.post({ query: LOOKUPS }, bearer(w.apiKey));
    expect(partnerAgain.status).toBe(200);
    expect((await fetch(`${w.server.baseUrl}/ready`)).status).toBe(200);
  });
});

describe('the embedded database, killed', () => {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld('embedded', true);
  });
  afterAll(() => stopWorld(world));

  it('is restarted by the server’s supervision, and requests succeed again without restarting Node', { timeout: 120_000 }, async () => {
    const w = world!;
    const before = w.cluster.pid;
    process.kill(before!, 'SIGKILL');
    const answers: Awaited<ReturnType<typeof ask>>[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      const outcome = await ask(w, w.apiKey);
      answers.push(outcome);
      // Orphaned backends may serve a last query or two; done once a restarted server answers.
      if ((outcome.up && w.cluster.restarts > 0) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const last = answers.at(-1)!;
    expect(last.up).toBe(true);
    expect(last.body).toEqual({ data: { region: { name: '保靖县' }, village: { name: '甲村' } } });
    expect(answers.some((answer) => !answer.up)).toBe(true); // there was an outage
    for (const outage of answers) {
      // Through the gateway an API key is checked first: its 503 stands for the whole request.
      if (!outage.up) {
        expect(outage.status).toBe(503);
        expect(outage.body.errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
      }
    }
    expect(w.cluster.restarts).toBe(1);
    expect(w.cluster.pid).not.toBe(before);
  });
});
