import { createTuopinClient, TuopinClientError, type TuopinDocument } from '@tuopin/client';
import { sha256 } from '@tuopin/server';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrustedDocuments } from '@tuopin/server';
import { insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';
import { fundInput } from '../fixtures/projects.js';

// @tuopin/client against the real gateway: the token, hashes, and errors as typed values.
type CountyName = { region: { name: string } | null };
/** A document as the client preset generates it: its text, with its hash in `__meta__`. */
function generated<R, V>(text: string): TuopinDocument<R, V> {
  return Object.assign(new String(text), { __meta__: { hash: `sha256:${sha256(text)}` } }) as unknown as TuopinDocument<R, V>;
}
const COUNTY = generated<CountyName, { code: string }>('query ClientCounty($code: String!) { region(code: $code) { name } }');
const UNREGISTERED = generated<CountyName, { code: string }>('query ClientUnregistered($code: String!) { region(code: $code) { name level } }');
type CreatedFund = { createFund: { __typename: string; fund?: { id: string } } };
const CREATE_FUND = generated<CreatedFund, { input: ReturnType<typeof fundInput> }>(
  'mutation ClientCreateFund($input: CreateFundInput!) { createFund(input: $input) { __typename ... on CreateFundPayload { fund { id } } } }',
);

let dir: string;
let server: HttpTestServer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tuopin-client-'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ [COUNTY.__meta__!.hash!]: COUNTY.toString() }));
  server = await createHttpTestServer({ http: { trustedDocuments: loadTrustedDocuments({ manifests: ['manifest.json'], requireFor: ['NGO_PARTNER'] }, path.join(dir, 'c.json')) } });
  await insertAreas(server);
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const clientFor = async (who: keyof typeof CALLERS, send?: 'hash' | 'document') =>
  createTuopinClient({ url: `${server.baseUrl}/graphql`, token: await server.token(CALLERS[who]), send });

describe('createTuopinClient', () => {
  it('sends the text of an unregistered operation only after the server says it does not know the hash', async () => {
    const bodies: string[] = [];
    const counting: typeof fetch = (input, init) => {
      bodies.push(String(init?.body));
      return fetch(input, init);
    };
    const officer = createTuopinClient({ url: `${server.baseUrl}/graphql`, token: await server.token(CALLERS.baojingOfficer), fetch: counting });
    expect((await officer.request(UNREGISTERED, { code: '433125000000' })).region?.name).toBe('保靖县');
    expect(bodies.map((body) => Object.keys(JSON.parse(body)).sort())).toEqual([['extensions', 'variables'], ['query', 'variables']]);
    bodies.length = 0;
    expect((await officer.request(COUNTY, { code: '433125000000' })).region?.name).toBe('保靖县');
    expect(bodies).toHaveLength(1);
  });

  it('works the same with a server that has no manifest at all', async () => {
    const bare = await createHttpTestServer();
    try {
      await insertAreas(bare);
      const byHash = await createTuopinClient({ url: `${bare.baseUrl}/graphql`, token: await bare.token(CALLERS.baojingOfficer), send: 'hash' })
        .request(COUNTY, { code: '433125000000' })
        .catch((error: unknown) => error);
      expect(byHash).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
      const auto = createTuopinClient({ url: `${bare.baseUrl}/graphql`, token: await bare.token(CALLERS.baojingOfficer) });
      expect((await auto.request(COUNTY, { code: '433125000000' })).region?.name).toBe('保靖县');
    } finally {
      await bare.close();
    }
  });

  it('sends the token and a registered hash, and returns typed data', async () => {
    const partner = await clientFor('baojingNgo');
    const data = await partner.request(COUNTY, { code: '433125000000' });
    expect(data.region?.name).toBe('保靖县');
  });

  it('sends the text when told to, or when a document has no hash', async () => {
    const officer = await clientFor('baojingOfficer', 'document');
    expect((await officer.request(UNREGISTERED, { code: '433125000000' })).region).toEqual({ name: '保靖县', level: 'COUNTY' });
    const plain = new String('{ region(code: "433125000000") { name } }') as unknown as TuopinDocument<CountyName, Record<string, never>>;
    expect((await (await clientFor('baojingOfficer')).request(plain)).region?.name).toBe('保靖县');
  });

  it('throws the server\'s typed errors, with the HTTP status and the request id', async () => {
    const anonymous = createTuopinClient({ url: `${server.baseUrl}/graphql`, headers: () => ({ 'x-request-id': 'client-1' }) });
    const refused = await anonymous.request(COUNTY, { code: '433125000000' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TuopinClientError);
    expect(refused).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', requestId: 'client-1' });
    expect((refused as TuopinClientError).errors[0]).toMatchObject({ messageZh: expect.stringContaining('身份认证'), messageEn: expect.stringContaining('Authentication required') });

    const partnerByHash = await clientFor('baojingNgo', 'hash');
    const unregistered = await partnerByHash.request(UNREGISTERED, { code: '433125000000' }).catch((error: unknown) => error);
    expect(unregistered).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
    // By default the client then offers the text, which this role may not run.
    const partner = await clientFor('baojingNgo');
    expect(await partner.request(UNREGISTERED, { code: '433125000000' }).catch((error: unknown) => error)).toMatchObject({ code: 'PERSISTED_QUERY_ONLY' });
    const asText = await (await clientFor('baojingNgo', 'document')).request(COUNTY, { code: '433125000000' }).catch((error: unknown) => error);
    expect(asText).toMatchObject({ code: 'PERSISTED_QUERY_ONLY', errors: [{ messageEn: 'This role may run registered operations only (send them by hash)' }] });

    const officer = await clientFor('baojingOfficer', 'document');
    const tooBig = generated<unknown, Record<string, never>>('{ households(first: 500) { totalCount } }');
    const invalid = await officer.request(tooBig).catch((error: unknown) => error);
    expect(invalid).toMatchObject({ status: 200, code: 'VALIDATION_FAILED', errors: [{ field: 'first' }] });
  });

  it('sends a request\'s own headers over the client\'s: a submission\'s Idempotency-Key writes once', async () => {
    const officer = createTuopinClient({
      url: `${server.baseUrl}/graphql`,
      token: await server.token(CALLERS.baojingOfficer),
      headers: () => ({ 'x-request-id': 'client-default' }),
    });
    const funds = async () => Number((await server.sql<{ n: string }>(`select count(*) as n from fund where document_no = 'client-idem'`))[0]!.n);
    const input = fundInput({ documentNo: 'client-idem' });
    const key = 'client-submission-1';
    const first = await officer.request(CREATE_FUND, { input }, { headers: { 'idempotency-key': key } });
    expect(first.createFund.__typename).toBe('CreateFundPayload');
    const again = await officer.request(CREATE_FUND, { input }, { headers: { 'idempotency-key': key } });
    expect(again).toEqual(first);
    expect(await funds()).toBe(1);
    // Without the key the same form is a second submission, and writes again.
    expect((await officer.request(CREATE_FUND, { input })).createFund.__typename).toBe('CreateFundPayload');
    expect(await funds()).toBe(2);

    const anonymous = createTuopinClient({ url: `${server.baseUrl}/graphql`, headers: () => ({ 'x-request-id': 'client-default' }) });
    const refused = await anonymous.request(COUNTY, { code: '433125000000' }, { headers: { 'x-request-id': 'client-own' } }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 401, requestId: 'client-own' });
  });

  it('gives up on a request when its signal aborts', async () => {
    const officer = await clientFor('baojingOfficer');
    const aborted = await officer.request(COUNTY, { code: '433125000000' }, { signal: AbortSignal.abort() }).catch((error: unknown) => error);
    expect(aborted).toMatchObject({ name: 'AbortError' });
  });
});
