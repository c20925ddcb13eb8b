import { createHttpTestServer, type HttpTestServer, mustSucceed, TEST_JWT_SECRET } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVOCATION_LISTENER_NAME } from '../../packages/server/src/auth/api-key-revocation-listener.js';
import { insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';
import { buildServerForTest } from '../server/built-server.js';
import { type CliProcess, freePort, killGroup, runCli as runProcess } from '../server/cli-process.js';

// Partner keys are served from a short cache; a revocation must still reach every server process
// within a second. Server A runs in this process; B and the revoking command line are real processes.
// Server B is the command line as `pnpm start` runs it: built, on plain Node.
let built: Awaited<ReturnType<typeof buildServerForTest>> | undefined;
const QUERY = { query: '{ region(code: "433125000000") { name } }' };
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { __typename ... on CreateApiKeyPayload { key apiKey { id } } } }`;
const REVOKE_KEY = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename } }`;
const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

const runCli = (args: string[], env: Record<string, string>): CliProcess => runProcess(built!.entry, args, env);

async function post(baseUrl: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

/** Milliseconds until `baseUrl` refuses `key` as revoked; fails after `limitMs`. */
async function msUntilRefused(baseUrl: string, key: string, limitMs = 1_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const response = await post(baseUrl, QUERY, bearer(key));
    if (response.status === 401) {
      expect(response.body.errors[0].extensions.reason).toBe('the API key has been revoked');
      return Date.now() - started;
    }
    expect(response.status).toBe(200);
    if (Date.now() - started > limitMs) throw new Error(`${baseUrl} still accepts a key revoked ${limitMs} ms ago`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let a: HttpTestServer;
let b: CliProcess | undefined;
let bUrl: string;
let bMetricsUrl: string;
let adminToken: string;
const env = () => ({ DATABASE_URL: a.databaseUrl, TUOPIN_JWT_SECRET: TEST_JWT_SECRET });

async function newKey(): Promise<{ id: string; key: string }> {
  const created = await a.post({ query: CREATE_KEY, variables: { input: { name: '某基金会 A foundation', areaScopes: ['433125'] } } }, bearer(adminToken));
  const { apiKey, key } = mustSucceed(created);
  return { id: apiKey.id, key };
}

/** Statements that server A sends for one partner request with `key`. */
async function statementsOnA(key: string): Promise<number> {
  const { count } = await a.countStatements(async () => expect((await a.post(QUERY, bearer(key))).status).toBe(200));
  return count;
}

beforeAll(async () => {
  a = await createHttpTestServer();
  await insertAreas(a);
  adminToken = await a.token(CALLERS.hunanAdmin);
  built = await buildServerForTest();
  const port = await freePort();
  const metricsPort = await freePort();
  bMetricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  // B also runs with heap settings of its own: every test below is served under them.
  b = runCli(['start'], {
    ...env(),
    PORT: String(port),
    TUOPIN_METRICS_PORT: String(metricsPort),
    TUOPIN_HEAP_GROWING_PERCENT: '150', // not the default (100), so the log line below proves it was applied
    TUOPIN_ALLOCATION_SITE_PRETENURING: 'on',
    TUOPIN_IDLE_COLLECTION_SECONDS: '2',
  });
  bUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (!(await fetch(`${bUrl}/ready`).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline) throw new Error(`server B did not start:\n${b.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 120_000);
afterAll(async () => {
  // Kill the whole group: a server left behind would outlive the test.
  if (b?.child.pid) killGroup(b.child.pid);
  built?.remove();
  await a?.close();
});

describe('partner API keys across server processes', () => {
  it('(server B applied TUOPIN_HEAP_GROWING_PERCENT, TUOPIN_ALLOCATION_SITE_PRETENURING and TUOPIN_IDLE_COLLECTION_SECONDS at start)', async () => {
    await b!.untilLine(/"growingPercent":150,"allocationSitePretenuring":true,"idleCollectionSeconds":2,"message":"heap"/);
    const metrics = await (await fetch(bMetricsUrl)).text();
    expect(metrics).toMatch(/^tuopin_idle_collections_total \d+$/m);
    expect(metrics).toMatch(/^tuopin_idle_collection_seconds_total [\d.e-]+$/m);
    expect(metrics).toMatch(/^tuopin_idle_young_collections_total \d+$/m);
  });

  it('cost no statement once verified: a known key is served from the cache', async () => {
    const { key } = await newKey();
    const jwtStatements = (await a.countStatements(() => a.post(QUERY, bearer(adminToken)))).count;
    expect(await statementsOnA(key)).toBeGreaterThan(jwtStatements); // the first use checks the database
    expect(await statementsOnA(key)).toBe(jwtStatements);
  });

  it('a revocation through the API on A is refused by process B within a second', async () => {
    const { id, key } = await newKey();
    expect((await post(bUrl, QUERY, bearer(key))).status).toBe(200);
    expect((await post(bUrl, QUERY, bearer(key))).status).toBe(200);
    expect((await a.post({ query: REVOKE_KEY, variables: { input: { id } } }, bearer(adminToken))).body.data.revokeApiKey.__typename).toBe('RevokeApiKeyPayload');
    // A revoked it, so A refuses at once; B hears of it through NOTIFY.
    expect((await a.post(QUERY, bearer(key))).status).toBe(401);
    expect(await msUntilRefused(bUrl, key)).toBeLessThan(1_000);
  });

  it('a revocation by the command line is refused by A, which had the key cached, within a second', async () => {
    const { id, key } = await newKey();
    await statementsOnA(key);
    const jwtStatements = (await a.countStatements(() => a.post(QUERY, bearer(adminToken)))).count;
    expect(await statementsOnA(key)).toBe(jwtStatements); // cached on A
    const revoke = runCli(['apikey', 'revoke', '--id', String(id)], env());
    expect(await revoke.exited, revoke.output()).toBe(0);
    expect(await msUntilRefused(a.baseUrl, key)).toBeLessThan(1_000);
  }, 60_000);

  it('while the revocation listener is lost, keys are checked in the database; caching resumes when it is back', async () => {
    const { id, key } = await newKey();
    await statementsOnA(key);
    const jwtStatements = (await a.countStatements(() => a.post(QUERY, bearer(adminToken)))).count;
    expect(await statementsOnA(key)).toBe(jwtStatements);
    const listeners = () => a.sql<{ pid: number }>('select pid from pg_stat_activity where application_name = ? and datname = current_database()', [REVOCATION_LISTENER_NAME]);
    const before = (await listeners()).map((row) => row.pid);
    expect(before.length).toBe(2); // A's and B's
    await a.sql('select pg_terminate_backend(pid) from pg_stat_activity where application_name = ? and datname = current_database()', [REVOCATION_LISTENER_NAME]);
    // Revoked behind the servers' backs: no notification will ever come for it.
    await a.sql('update api_key set revoked_at = now(), revoked_by = ? where id = ?', ['test', id]);
    expect(await msUntilRefused(a.baseUrl, key)).toBeLessThan(1_000);
    expect(await msUntilRefused(bUrl, key)).toBeLessThan(1_000);

    const deadline = Date.now() + 5_000;
    while ((await listeners()).filter((row) => !before.includes(row.pid)).length < 2) {
      if (Date.now() > deadline) throw new Error('the revocation listeners did not reconnect');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const fresh = await newKey();
    await statementsOnA(fresh.key);
    expect(await statementsOnA(fresh.key)).toBe(jwtStatements);
  });
});
