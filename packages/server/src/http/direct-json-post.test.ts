import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { normalizeNodeRequest } from '@whatwg-node/server';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { directRequest } from './direct-json-post.js';

const { fetchAPI } = createYoga({ schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }), logging: false });

/** A real Node request, as the server receives it, handed to `use` before it is answered. */
async function withNodeRequest<T>(headers: Record<string, string>, use: (req: IncomingMessage) => T, options: { withoutHost?: boolean } = {}): Promise<T> {
  let seen!: T;
  const server = createServer((req, res) => {
    seen = use(req);
    req.resume();
    req.once('end', () => res.end());
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  try {
    const { port } = server.address() as AddressInfo;
    const body = '{"query":"{ __typename }"}';
    // fetch always sends Host, and Node refuses HTTP/1.1 without one: only an HTTP/1.0 client leaves it out.
    const status = options.withoutHost
      ? await new Promise<number>((answered, failed) => {
          const socket = connect(port, '127.0.0.1', () => {
            const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
            socket.end(`POST /graphql?x=1 HTTP/1.0\r\n${lines}content-length: ${body.length}\r\n\r\n${body}`);
          });
          let answer = '';
          socket.on('data', (chunk) => (answer += chunk));
          socket.once('close', () => answered(Number(/^HTTP\/1\.\d (\d+)/.exec(answer)?.[1])));
          socket.once('error', failed);
        })
      : (await fetch(`http://127.0.0.1:${port}/graphql?x=1`, { method: 'POST', headers, body })).status;
    expect(status).toBe(200);
  } finally {
    await new Promise((closed) => server.close(closed));
  }
  return seen;
}

/** What yoga's hooks read of a request: its URL, method and every header. */
function visible(request: Request) {
  return { url: request.url, method: request.method, headers: [...request.headers.entries()] };
}

describe('directRequest', () => {
  it("gives yoga's hooks the URL, method and headers yoga's own adapter gives them", async () => {
    const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-request-id': 'req-1', 'idempotency-key': 'k-1', authorization: 'Bearer t' };
    const [direct, adapter] = await withNodeRequest(headers, (req) => [visible(directRequest(req, fetchAPI)), visible(normalizeNodeRequest(req, fetchAPI))]);
    expect(direct).toEqual(adapter);
    expect(direct.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql\?x=1$/);
    expect(direct.headers).toContainEqual(['idempotency-key', 'k-1']);
  });

  it("gives a request without a Host header the adapter's URL, taken from the socket", async () => {
    const headers = { 'content-type': 'application/json' };
    const [direct, adapter] = await withNodeRequest(headers, (req) => [visible(directRequest(req, fetchAPI)), visible(normalizeNodeRequest(req, fetchAPI))], { withoutHost: true });
    expect(direct).toEqual(adapter);
    expect(direct.headers.map(([name]) => name)).not.toContain('host');
  });

  it('makes its abort signal only when one is read, and that signal never aborts', async () => {
    const request = await withNodeRequest({ 'content-type': 'application/json' }, (req) => directRequest(req, fetchAPI));
    expect((request as Request & { _signal?: AbortSignal })._signal).toBeUndefined();
    expect(request.signal.aborted).toBe(false);
  });
});
