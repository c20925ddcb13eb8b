import { DEFAULT_API_LIMITS, listenForMetrics, type Logger } from '@tuopin/server';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';
import { registrationInput } from '../fixtures/households.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { print } from 'graphql';

// What an operator sees: one access line per request, and /metrics in Prometheus's format.
const METRICS_TOKEN = 'metrics-token-for-the-tests-0123456789';
const lines: { level: string; message: string; fields: Record<string, any> }[] = [];
const capture: Logger = {
  info: (message, fields = {}) => lines.push({ level: 'info', message, fields }),
  warn: (message, fields = {}) => lines.push({ level: 'warn', message, fields }),
  error: (message, fields = {}) => lines.push({ level: 'error', message, fields }),
};
const accessLine = (requestId: string) => lines.find((line) => line.message === 'request' && line.fields.requestId === requestId);

let server: HttpTestServer;
let token: string;
beforeAll(async () => {
  server = await createHttpTestServer({ log: capture, limits: { ...DEFAULT_API_LIMITS, maxAliases: 2 }, http: { metrics: { port: null, token: METRICS_TOKEN } } });
  await insertAreas(server);
  token = await server.token(CALLERS.baojingOfficer);
});
afterAll(() => server.close());

const COUNTY = { query: 'query CountyFigures { region(code: "433125000000") { name stats { households } } }' };
const scrape = async () => {
  const response = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
};
const sample = (text: string, name: string) => Number(text.split('\n').find((line) => line.startsWith(`${name} `))?.split(' ')[1]);

describe('the access log', () => {
  it('writes one line per request: id, operation, caller, status, duration and statements', async () => {
    const { count } = await server.countStatements(async () => {
      const response = await server.post(COUNTY, { authorization: `Bearer ${token}`, 'x-request-id': 'access-1' });
      expect(response.body.data.region.name).toBe('保靖县');
    });
    const line = accessLine('access-1');
    expect(line).toMatchObject({
      level: 'info',
      fields: { method: 'POST', path: '/graphql', operation: 'CountyFigures', principalId: CALLERS.baojingOfficer.id, role: 'COUNTY_OFFICER', status: 200 },
    });
    expect(count).toBeGreaterThan(0);
    expect(line!.fields.statements).toBe(count);
    expect(line!.fields.durationMs).toBeGreaterThan(0);
    expect(lines.filter((l) => l.fields.requestId === 'access-1')).toHaveLength(1);
  });

  it('counts the statements of a write too: those of its transaction, sent by the ORM, and its reads', async () => {
    const registered = await server.post({ query: print(RegisterHousehold), variables: { input: registrationInput() } }, { authorization: `Bearer ${token}` });
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data.registerHousehold.__typename).toBe('RegisterHouseholdPayload');
    const update = `mutation Farm($id: ID!) { updateHousehold(input: { id: $id, arableLand: 1.5 }) { __typename ... on UpdateHouseholdPayload { household { arableLand } } } }`;
    const { count, statements } = await server.countStatements(async () => {
      const response = await server.post({ query: update, variables: { id: registered.body.data.registerHousehold.household.id } }, { authorization: `Bearer ${token}`, 'x-request-id': 'access-write' });
      expect(response.body.data.updateHousehold).toEqual({ __typename: 'UpdateHouseholdPayload', household: { arableLand: 1.5 } });
    });
    // BEGIN, the stamp and COMMIT at least, besides the update and its reads.
    expect(statements.filter((sql) => /^\s*(begin|commit)\b/i.test(sql))).toHaveLength(2);
    expect(accessLine('access-write')).toMatchObject({ fields: { operation: 'Farm', status: 200, statements: count } });
  });

  it('logs refusals too, without a caller and without the credential', async () => {
    await server.post(COUNTY, { authorization: 'Bearer not.a.token', 'x-request-id': 'access-2' });
    expect(accessLine('access-2')).toMatchObject({ fields: { status: 401, principalId: null, role: null, statements: 0 } });
    expect(JSON.stringify(lines)).not.toContain('not.a.token');
  });
});

describe('/metrics', () => {
  it('needs its token', async () => {
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('counts requests and latency by operation and status, statements, the pool and refusals', async () => {
    const before = await scrape();
    const requestsBefore = sample(before, 'tuopin_http_requests_total{operation="CountyFigures",status="200"}') || 0;
    const { count } = await server.countStatements(() => server.post(COUNTY, { authorization: `Bearer ${token}` }));
    await server.post(COUNTY);
    const tooMany = await server.post({ query: '{ a: region(code: "433125000000") { name } b: region(code: "433125000000") { name } c: region(code: "433125000000") { name } }' }, { authorization: `Bearer ${token}` });
    expect(tooMany.body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');

    const after = await scrape();
    expect(sample(after, 'tuopin_http_requests_total{operation="CountyFigures",status="200"}')).toBe(requestsBefore + 1);
    expect(sample(after, 'tuopin_http_request_duration_seconds_count{operation="CountyFigures",status="200"}')).toBe(requestsBefore + 1);
    const statementsBefore = sample(before, 'tuopin_sql_statements_per_request_sum{operation="CountyFigures"}') || 0;
    expect(sample(after, 'tuopin_sql_statements_per_request_sum{operation="CountyFigures"}')).toBe(statementsBefore + count);
    expect(sample(after, 'tuopin_refusals_total{reason="UNAUTHENTICATED"}')).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'tuopin_refusals_total{reason="LIMIT_EXCEEDED"}')).toBe(1);
    expect(sample(after, 'tuopin_db_pool_connections{state="in_use"}')).toBe(0);
    expect(sample(after, 'tuopin_db_pool_connections{state="waiting"}')).toBe(0);
    expect(sample(after, 'tuopin_db_pool_connections{state="idle"}')).toBeGreaterThan(0);
    expect(after).toContain('process_cpu_seconds_total');
  });

  it("shows the read audit: each response's wait for its record, records per insert", async () => {
    const registered = await server.post({ query: print(RegisterHousehold), variables: { input: registrationInput() } }, { authorization: `Bearer ${token}` });
    expect(registered.body.errors).toBeUndefined();
    expect(registered.body.data.registerHousehold.__typename).toBe('RegisterHouseholdPayload');
    const PERSONAL = { query: 'query Personal($id: ID!) { node(id: $id) { ... on Household { members { idNumber } } } }', variables: { id: registered.body.data.registerHousehold.household.id } };
    const before = await scrape();
    const read = await server.post(PERSONAL, { authorization: `Bearer ${token}` });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.node.members[0].idNumber).not.toContain('*'); // unmasked for the county officer: recorded
    const between = await scrape();
    // Figures with no personal data read: no record, nothing waited.
    expect((await server.post(COUNTY, { authorization: `Bearer ${token}` })).body.data.region.name).toBe('保靖县');
    const after = await scrape();

    const count = (text: string, name: string) => sample(text, name) || 0;
    expect(count(between, 'tuopin_read_audit_wait_seconds_count')).toBe(count(before, 'tuopin_read_audit_wait_seconds_count') + 1);
    expect(count(between, 'tuopin_read_audit_wait_seconds_sum')).toBeGreaterThan(count(before, 'tuopin_read_audit_wait_seconds_sum'));
    expect(count(between, 'tuopin_read_audit_records_per_insert_count')).toBe(count(before, 'tuopin_read_audit_records_per_insert_count') + 1);
    expect(count(between, 'tuopin_read_audit_records_per_insert_sum')).toBe(count(before, 'tuopin_read_audit_records_per_insert_sum') + 1);
    expect(count(after, 'tuopin_read_audit_wait_seconds_count')).toBe(count(between, 'tuopin_read_audit_wait_seconds_count'));
    expect(sample(after, 'tuopin_read_audit_failures_total')).toBe(0);
  });

  it('can be served on a port of its own instead', async () => {
    const own = await listenForMetrics(server.metrics, { port: 0, token: null }, capture);
    try {
      const response = await fetch(`http://127.0.0.1:${own.port}/metrics`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('tuopin_http_requests_total');
      expect((await fetch(`http://127.0.0.1:${own.port}/graphql`)).status).toBe(404);
    } finally {
      await own.drain(1_000);
    }
  });
});
