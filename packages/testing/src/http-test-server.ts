import type { Principal } from '@tuopin/core';
import { assembleServer, DEFAULT_HTTP_CONFIG, listen, mintToken, type HttpConfig, type Metrics, type RunningServer } from '@tuopin/server';
import { createTestServer, type TestServer, type TestServerOptions } from './test-server.js';

/** The HS256 secret of HTTP test servers; tokens for them are minted with it. */
export const TEST_JWT_SECRET = 'test-secret-for-tuopin-http-tests-0123456789';
const JWT = { issuer: 'tuopin', audience: 'tuopin' };

export interface HttpTestServer extends TestServer {
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  /** A signed token for a principal; `expiresIn` like '1h' or '-1m' (already expired). */
  token(principal: Principal, expiresIn?: string): Promise<string>;
  /** POSTs a GraphQL request to /graphql with the given headers; returns status, headers and JSON body. */
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  /** The server's Prometheus registry and what it has observed. */
  readonly metrics: Metrics;
}

export interface HttpTestServerOptions extends TestServerOptions {
  /** A production server has no GraphiQL; true by default. */
  production?: boolean;
  /** CORS origins, metrics and the rest of the `http` configuration block; defaults without it. */
  http?: Partial<HttpConfig>;
}

/**
 * A test server behind the real gateway on a real port: authentication, limits and tenancy are
 * exercised exactly as `start` serves them.
 */
export async function createHttpTestServer(options: HttpTestServerOptions = {}): Promise<HttpTestServer> {
  const base = await createTestServer(options);
  const { gateway, metrics, stop } = await assembleServer({
    orm: base.orm,
    tenancy: base.tenancy,
    settings: base.settings,
    limits: base.limits,
    auth: { jwt: { secret: TEST_JWT_SECRET, publicKeyFile: null, jwksFile: null, ...JWT }, developmentSecret: false },
    production: options.production ?? true,
    log: base.log,
    // `compiledExecution` applies to both apps, the in-process one (`execute`) and the gateway's.
    http: { ...DEFAULT_HTTP_CONFIG, ...(options.compiledExecution === undefined ? {} : { compiledExecution: options.compiledExecution }), ...options.http },
  });
  const running: RunningServer = await listen(gateway, 0, { info: () => {}, warn: () => {}, error: () => {} });
  const baseUrl = `http://127.0.0.1:${running.port}`;
  return {
    ...base,
    baseUrl,
    metrics,
    token: (principal, expiresIn = '1h') => mintToken(TEST_JWT_SECRET, principal, { ...JWT, expiresIn }),
    async post(body, headers = {}) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let json: unknown = text;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON: returned as text
      }
      return { status: response.status, headers: response.headers, body: json };
    },
    async close() {
      await running.drain(1_000);
      await stop();
      await base.close();
    },
  };
}
