import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';

let server: HttpTestServer;
beforeAll(async () => {
  server = await createHttpTestServer();
  await insertAreas(server);
});
afterAll(() => server.close());

const QUERY = { query: '{ region(code: "433125000000") { name } }' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

it('echoes the x-request-id a caller sends, on answers and on refusals', async () => {
  const token = await server.token(CALLERS.baojingOfficer);
  const answered = await server.post(QUERY, { authorization: `Bearer ${token}`, 'x-request-id': 'frontend-42.a' });
  expect(answered.body.data.region.name).toBe('保靖县');
  expect(answered.headers.get('x-request-id')).toBe('frontend-42.a');
  const refused = await server.post(QUERY, { 'x-request-id': 'no-token-1' });
  expect(refused.status).toBe(401);
  expect(refused.headers.get('x-request-id')).toBe('no-token-1');
});

it('gives a request without an acceptable id a fresh one', async () => {
  const none = await server.post(QUERY);
  expect(none.headers.get('x-request-id')).toMatch(UUID);
  const tooOdd = await server.post(QUERY, { 'x-request-id': 'a b <script>' });
  expect(tooOdd.headers.get('x-request-id')).toMatch(UUID);
  const tooLong = await server.post(QUERY, { 'x-request-id': 'x'.repeat(129) });
  expect(tooLong.headers.get('x-request-id')).toMatch(UUID);
});
