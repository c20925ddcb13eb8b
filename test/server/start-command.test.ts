import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mintToken, REPO_ROOT } from '@tuopin/server';
import { createTestDatabase, TEST_ADMIN, TEST_JWT_SECRET as TUOPIN_JWT_SECRET } from '@tuopin/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServerForTest } from './built-server.js';
import { type CliProcess, freePort, killGroup, runCli } from './cli-process.js';

// The command line as `pnpm start` runs it: built, on plain Node.
let built: Awaited<ReturnType<typeof buildServerForTest>>;
beforeAll(async () => {
  built = await buildServerForTest();
}, 60_000);
afterAll(() => built?.remove());

const run = (env: Record<string, string>, command = 'start'): CliProcess => runCli(built.entry, [command], env);

async function waitFor(url: string, running: CliProcess, timeoutMs = 60_000): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer:\n${running.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let running: CliProcess | undefined;
afterEach(() => {
  // Kill the whole group: a server left behind would outlive the test.
  if (running?.child.pid) killGroup(running.child.pid);
  running = undefined;
});

describe('the start command', () => {
  it('serves /health, /ready and /graphql on an existing database, and drains on SIGTERM', async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    // A migrated but empty clone: start loads the demo data into it.
    running = run({ DATABASE_URL: await createTestDatabase(), PORT: String(port), TUOPIN_PLUGINS: '', TUOPIN_JWT_SECRET, TUOPIN_METRICS_PORT: String(metricsPort) });
    await waitFor(`http://127.0.0.1:${port}/ready`, running, 120_000);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    // The heap settings it runs under, by default: the old generation grows to twice what is alive, no pretenuring by
    // allocation site, and a full collection after a second without requests.
    await running.untilLine(/"growingPercent":100,"allocationSitePretenuring":false,"idleCollectionSeconds":1,"message":"heap"/);

    const query = JSON.stringify({ query: '{ region(code: "433125000000") { name stats { households } } }' });
    const anonymous = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: { message: string }[] }).errors[0].message).toContain('Authorization: Bearer');

    const token = await mintToken(TUOPIN_JWT_SECRET, TEST_ADMIN, { issuer: 'tuopin', audience: 'tuopin', expiresIn: '5m' });
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'start-test-1' },
      body: query,
    });
    expect(response.headers.get('x-request-id')).toBe('start-test-1');
    const body = (await response.json()) as { data: { region: { name: string; stats: { households: number } } } };
    expect(body.data.region.name).toBe('保靖县');
    expect(body.data.region.stats.households).toBeGreaterThan(20_000);
    // What an operator sees: the metrics on their own port, and the request's access line.
    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^tuopin_http_requests_total\{operation="anonymous",status="200"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^tuopin_refusals_total\{reason="UNAUTHENTICATED"\} 1$/m);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    // The access line reaches stdout shortly after the response.
    const access = await running.untilLine(/"requestId":"start-test-1".*"message":"request"|"message":"request".*"requestId":"start-test-1"/, 5_000);
    expect(JSON.parse(access)).toMatchObject({ level: 'info', message: 'request', status: 200, principalId: TEST_ADMIN.id, role: 'NATIONAL_ADMIN', statements: expect.any(Number) });

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain('"message":"stopped"');
  }, 180_000);

  it('refuses an unknown plugin at start-up with a clear message', async () => {
    running = run({ DATABASE_URL: 'postgresql://unused@127.0.0.1:1/none', TUOPIN_PLUGINS: 'nonexistent' });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain("tuopin: Unknown plugin 'nonexistent'; installed plugins:");
  });

  for (const command of ['start', 'migrate']) {
    it(`${command} stops before touching the database when a plugin's settings block is wrong, naming the plugin and the key`, async () => {
      // The repository's configuration with one mistake in the finance block.
      const config = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tuopin.config.json'), 'utf8'));
      config.plugins.finance.maxPrincipal = 50000;
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'tuopin-settings-')), 'tuopin.config.json');
      writeFileSync(file, JSON.stringify(config));
      // An unreachable database: the check must come first, or the message would be a connection error.
      running = run({ DATABASE_URL: 'postgresql://unused@127.0.0.1:1/none', TUOPIN_CONFIG: file, TUOPIN_PLUGINS: 'finance', TUOPIN_JWT_SECRET }, command);
      expect(await running.exited).toBe(1);
      expect(running.output()).toContain('tuopin: tuopin.config.json plugins.finance.maxPrincipal: must be a positive yuan amount string like "50000.00"');
    });
  }
});
