import { createHttpTestServer, launchOfflineChromium, type HttpTestServer, type OfflineBrowser } from '@tuopin/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';

// GraphiQL as a developer uses it on a machine without internet: the browser reaches 127.0.0.1 only.
let server: HttpTestServer;
let browser: OfflineBrowser;

beforeAll(async () => {
  server = await createHttpTestServer({ production: false });
  await insertAreas(server);
  browser = await launchOfflineChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('renders GraphiQL from the server alone and runs a query with a token', async () => {
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));

  await page.goto(`${server.baseUrl}/graphql`);
  await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
  expect(await page.title()).toBe('tuopin 脱贫 GraphQL');

  // The developer pastes a token into the headers pane and a query into the editor, then runs it.
  const token = await server.token(CALLERS.baojingOfficer);
  await page.getByRole('button', { name: /headers/i }).click();
  await page.locator('.graphiql-editor-tool .monaco-editor').last().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));
  await page.locator('.graphiql-query-editor .monaco-editor').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('query CountyName { region(code: "433125000000") { name level } }');
  const answered = page.waitForResponse((response) => response.url().endsWith('/graphql') && response.request().method() === 'POST' && (response.request().postData() ?? '').includes('CountyName'));
  await page.locator('.graphiql-execute-button').click();
  const response = await answered;
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ data: { region: { name: '保靖县', level: 'COUNTY' } } });
  await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 10_000 }).toContain('保靖县');

  // Everything came from the server: its assets, its workers, nothing from a CDN.
  expect(browser.offMachineRequests()).toEqual([]);
  expect(browser.requests).toContain(`${server.baseUrl}/graphiql/yoga-graphiql.js`);
  expect(browser.requests.some((url) => url.includes('graphql.worker'))).toBe(true);
  expect(browser.requests.filter((url) => url.includes('..bundle'))).toEqual([]);
  expect(pageErrors.filter((message) => !/401|Unauthorized/i.test(message))).toEqual([]);
});

it('serves the assets compressed and cacheable, and nothing else under /graphiql/', async () => {
  const script = await fetch(`${server.baseUrl}/graphiql/yoga-graphiql.js`, { headers: { 'accept-encoding': 'gzip' } });
  expect(script.status).toBe(200);
  expect(script.headers.get('content-encoding')).toBe('gzip');
  expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect((await script.text()).length).toBeGreaterThan(1_000_000);
  const etag = script.headers.get('etag')!;
  expect((await fetch(`${server.baseUrl}/graphiql/yoga-graphiql.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  expect((await fetch(`${server.baseUrl}/graphiql/../package.json`)).status).toBe(404);
  expect((await fetch(`${server.baseUrl}/graphiql/unknown.js`)).status).toBe(404);
});

it('has no GraphiQL in production', async () => {
  const production = await createHttpTestServer();
  try {
    expect((await fetch(`${production.baseUrl}/graphiql/yoga-graphiql.js`)).status).toBe(404);
    expect((await fetch(`${production.baseUrl}/graphql`, { headers: { accept: 'text/html' } })).status).toBe(401);
  } finally {
    await production.close();
  }
});
