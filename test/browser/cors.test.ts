import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpTestServer, launchOfflineChromium, type HttpTestServer, type OfflineBrowser } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';

// A frontend served from its own origin calls the API: two small page servers on other ports,
// one of them on the allowlist.
let server: HttpTestServer;
let browser: OfflineBrowser;
let allowedSite: Server;
let otherSite: Server;
let allowedOrigin: string;
let otherOrigin: string;

/** A site whose page calls the API with a token and shows what came back. */
function frontendSite(): Promise<Server> {
  const site = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><meta charset="utf-8"><title>dashboard</title><script>
      window.callApi = async (api, token) => {
        try {
          const response = await fetch(api + '/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token, 'x-request-id': 'dashboard-1' },
            body: JSON.stringify({ query: 'query CountyName { region(code: "433125000000") { name } }' }),
          });
          return { status: response.status, requestId: response.headers.get('x-request-id'), body: await response.json() };
        } catch (error) {
          return { failed: String(error) };
        }
      };
    </script>`);
  });
  return new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve(site)));
}
const originOf = (site: Server) => `http://127.0.0.1:${(site.address() as AddressInfo).port}`;

beforeAll(async () => {
  [allowedSite, otherSite] = await Promise.all([frontendSite(), frontendSite()]);
  [allowedOrigin, otherOrigin] = [originOf(allowedSite), originOf(otherSite)];
  server = await createHttpTestServer({ http: { corsOrigins: [allowedOrigin] } });
  await insertAreas(server);
  browser = await launchOfflineChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  allowedSite?.close();
  otherSite?.close();
});

const preflight = (origin: string) =>
  fetch(`${server.baseUrl}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });

describe('CORS by an allowlist of origins', () => {
  it('answers a preflight from a listed origin without credentials', async () => {
    const response = await preflight(allowedOrigin);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    // A form's submit carries its idempotency key (README, The API in brief).
    expect(response.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('never reflects an unlisted origin, in a preflight or on an authenticated POST', async () => {
    const refused = await preflight(otherOrigin);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const token = await server.token(CALLERS.baojingOfficer);
    const post = await server.post({ query: '{ region(code: "433125000000") { name } }' }, { origin: 'https://evil.example', authorization: `Bearer ${token}` });
    expect(post.status).toBe(200);
    expect(post.body.data.region.name).toBe('保靖县');
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(post.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets a page on a listed origin call the API with a token, and not a page elsewhere', async () => {
    const token = await server.token(CALLERS.baojingOfficer);
    const page = await browser.context.newPage();
    await page.goto(allowedOrigin);
    const allowed = await page.evaluate(([api, t]) => (window as any).callApi(api, t), [server.baseUrl, token]);
    expect(allowed).toEqual({ status: 200, requestId: 'dashboard-1', body: { data: { region: { name: '保靖县' } } } });

    await page.goto(otherOrigin);
    const blocked = await page.evaluate(([api, t]) => (window as any).callApi(api, t), [server.baseUrl, token]);
    expect(blocked).toEqual({ failed: expect.stringContaining('Failed to fetch') });
    expect(browser.offMachineRequests()).toEqual([]);
  });
});
