import { request } from 'node:http';
import { DEFAULT_API_LIMITS } from '@tuopin/server';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLERS } from '../fixtures/principals.js';

/**
 * yoga's own body limit is off (it piped every body through a counting stream): the gateway alone
 * holds request bodies to `limits.maxBodyBytes`, by Content-Length, before yoga reads a byte.
 */
let server: HttpTestServer;
let authorization: string;

beforeAll(async () => {
  server = await createHttpTestServer({ limits: { ...DEFAULT_API_LIMITS, maxBodyBytes: 2_000 } });
  authorization = `Bearer ${await server.token(CALLERS.nationalAdmin)}`;
});
afterAll(() => server.close());

/** A POST whose body is sent in chunks, without Content-Length. */
function chunkedPost(chunks: string[]): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const url = new URL('/graphql', server.baseUrl);
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', authorization } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('request bodies', () => {
  it('refuses a body without Content-Length, however small, before GraphQL sees it', async () => {
    const response = await chunkedPost(['{"query":', '"{ __typename }"}']);
    expect(response.status).toBe(411);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'LENGTH_REQUIRED' });
  });

  it('refuses a body over the limit by its Content-Length, and answers one within it', async () => {
    const big = await server.post({ query: '{ __typename }', variables: { padding: 'x'.repeat(2_500) } }, { authorization });
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maximum: 2_000 });
    const small = await server.post({ query: '{ __typename }' }, { authorization });
    expect(small.status).toBe(200);
    expect(small.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers /health and /ready at the gateway, without credentials and without caching', async () => {
    for (const path of ['/health', '/ready']) {
      const response = await fetch(new URL(path, server.baseUrl));
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });
});
