import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadTrustedDocuments, REPO_ROOT } from '@tuopin/server';
import { createHttpTestServer, type HttpTestServer, launchOfflineChromium, mustSucceed, type OfflineBrowser, TEST_REGISTRAR } from '@tuopin/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';

// The example dashboard as CI ships it: generated, built with Vite, served from its own origin,
// and used in headless Chromium against a server that lets the county officer run only the
// dashboard's registered operations.
const EXAMPLE = path.join(REPO_ROOT, 'examples/county-dashboard');
const bin = (name: string) => path.join(EXAMPLE, 'node_modules/.bin', name);

let outDir: string;
let site: Server;
let siteOrigin: string;
let server: HttpTestServer;
let browser: OfflineBrowser;

function serveStatic(root: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  const files = createServer((req, res) => {
    const relative = decodeURIComponent((req.url ?? '/').split('?')[0]!).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(root, relative);
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      const body = readFileSync(file);
      res.setHeader('content-type', types[path.extname(file)] ?? 'application/octet-stream');
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  return new Promise((resolve) => files.listen(0, '127.0.0.1', () => resolve(files)));
}

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'tuopin-dashboard-'));
  execFileSync(bin('graphql-codegen'), ['--config', 'codegen.ts', '--silent'], { cwd: EXAMPLE, stdio: 'pipe' });
  execFileSync(bin('vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: EXAMPLE, stdio: 'pipe' });
  site = await serveStatic(outDir);
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

  const trustedDocuments = loadTrustedDocuments(
    { manifests: ['examples/county-dashboard/src/gql/persisted-documents.json'], requireFor: ['COUNTY_OFFICER'] },
    path.join(REPO_ROOT, 'tuopin.config.json'),
  );
  server = await createHttpTestServer({ http: { corsOrigins: [siteOrigin], trustedDocuments } });
  await insertAreas(server);
  // 23 households in 甲村 and 2 in 丙村: three pages of ten, and two villages with a figure.
  for (const village of [...Array(23).fill(AREAS.villageA), AREAS.villageC, AREAS.villageC]) {
    const input = registrationInput({ villageCode: village });
    input.householdNo = `${village}${input.householdNo.slice(12)}`;
    mustSucceed(await server.execute(RegisterHousehold, { input }, { principal: TEST_REGISTRAR }));
  }
  browser = await launchOfflineChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

it('shows the villages by poverty incidence and pages through the households, by registered hashes only', async () => {
  const page = await browser.context.newPage();
  const apiBodies: string[] = [];
  page.on('request', (request) => request.url() === `${server.baseUrl}/graphql` && request.method() === 'POST' && apiBodies.push(request.postData() ?? ''));

  await page.goto(`${siteOrigin}/?api=${encodeURIComponent(`${server.baseUrl}/graphql`)}`);
  await page.locator('#token').fill(await server.token(CALLERS.baojingOfficer));
  await page.getByRole('button', { name: /Load/ }).click();

  // 甲村: 69 poor people of 1,000; 丙村: 6 of 1,200; 乙村 has no households.
  const bars = page.locator('#chart g[data-village]');
  await expect.poll(() => bars.count(), { timeout: 15_000 }).toBe(3);
  expect(await bars.locator('text').first().textContent()).toBe('甲村');
  expect(await bars.nth(0).locator('.value').textContent()).toBe('6.90%');
  expect(await bars.nth(1).locator('.value').textContent()).toBe('0.50%');
  expect(await bars.nth(2).locator('text').first().textContent()).toBe('乙村');
  expect(await page.locator('#county-title').textContent()).toContain('保靖县');

  const rows = page.locator('#households tbody tr');
  await expect.poll(() => rows.count()).toBe(10);
  expect(await page.locator('#household-count').textContent()).toBe('(25)');
  expect(await rows.first().locator('td').nth(1).textContent()).toBe('彭大山');
  const firstPage = await rows.locator('td:first-child').allTextContents();

  await page.getByRole('button', { name: /Next/ }).click();
  await expect.poll(() => page.locator('#page').textContent()).toContain('Page 2');
  const secondPage = await rows.locator('td:first-child').allTextContents();
  expect(secondPage).toHaveLength(10);
  expect(secondPage.filter((no) => firstPage.includes(no))).toEqual([]);
  await page.getByRole('button', { name: /Next/ }).click();
  await expect.poll(() => rows.count()).toBe(5);
  expect(await page.getByRole('button', { name: /Next/ }).isDisabled()).toBe(true);
  await page.getByRole('button', { name: /Previous/ }).click();
  await expect.poll(() => rows.locator('td:first-child').allTextContents()).toEqual(secondPage);

  expect(await page.locator('#status').textContent()).toBe('');
  // Every call named a registered operation by hash; none sent a document.
  expect(apiBodies.length).toBeGreaterThanOrEqual(5);
  for (const body of apiBodies) {
    expect(JSON.parse(body)).toMatchObject({ extensions: { persistedQuery: { version: 1, sha256Hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) } } });
    expect(JSON.parse(body).query).toBeUndefined();
  }
  expect(browser.offMachineRequests()).toEqual([]);
});

it('shows the server\'s typed error when the token is refused', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${siteOrigin}/?api=${encodeURIComponent(`${server.baseUrl}/graphql`)}`);
  await page.locator('#token').fill('not.a.token');
  await page.getByRole('button', { name: /Load/ }).click();
  await expect.poll(() => page.locator('#status').textContent()).toContain('UNAUTHENTICATED');
  expect(await page.locator('#status').textContent()).toContain('the token is malformed');
});
