import { generateKeyPair, exportJWK, exportSPKI, SignJWT } from 'jose';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHttpTestServer, TEST_JWT_SECRET, type HttpTestServer } from '@tuopin/testing';
import { mintToken } from '@tuopin/server';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createJwtVerifier } from '../../packages/server/src/auth/jwt.js';
import { CALLERS } from '../fixtures/principals.js';
import { insertAreas } from '../fixtures/areas.js';

const QUERY = { query: '{ region(code: "433125000000") { name } }' };
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  __typename ... on CreateApiKeyPayload { key apiKey { id prefix areaScopes provinceCode } } ... on Error { code field } } }`;
const REVOKE_KEY = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename ... on RevokeApiKeyPayload { apiKey { revokedAt } } } }`;

const REVOKE_KEY_ERRORS = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { __typename ... on Error { field } } }`;

let server: HttpTestServer;

beforeAll(async () => {
  server = await createHttpTestServer();
  await insertAreas(server);
});
afterAll(() => server.close());

const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

describe('without credentials', () => {
  it('answers only /health and /ready, and says how to authenticate', async () => {
    expect((await fetch(`${server.baseUrl}/health`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/ready`)).status).toBe(200);
    const refused = await server.post(QUERY);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'no credentials were sent' });
    expect(refused.body.errors[0].message).toMatch(/身份认证.*Authorization: Bearer/);
    expect(refused.body.data).toBeUndefined();
    // In production the GraphiQL page and introspection need credentials too.
    const page = await fetch(`${server.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(401);
    const introspection = await server.post({ query: '{ __schema { types { name } } }' });
    expect(introspection.status).toBe(401);
    expect((await fetch(`${server.baseUrl}/elsewhere`)).status).toBe(404);
  });
});

describe('tokens', () => {
  it('accepts a valid token', async () => {
    const response = await server.post(QUERY, bearer(await server.token(CALLERS.baojingOfficer)));
    expect(response.status).toBe(200);
    expect(response.body.data.region.name).toBe('保靖县');
  });

  it.each([
    ['an expired token', async () => server.token(CALLERS.baojingOfficer, '-1m'), 'the token has expired'],
    ['a token signed with another secret', async () => mintToken('another-secret-another-secret-another!!', CALLERS.baojingOfficer, { issuer: 'tuopin', audience: 'tuopin', expiresIn: '1h' }), 'the token signature is not valid'],
    ['a malformed token', async () => 'not.a.token', 'the token is malformed'],
    ['a token for another audience', async () => mintToken((await import('@tuopin/testing')).TEST_JWT_SECRET, CALLERS.baojingOfficer, { issuer: 'tuopin', audience: 'elsewhere', expiresIn: '1h' }), "the token's aud claim is not accepted"],
    ['a token with an unknown role', async () => server.token({ ...CALLERS.baojingOfficer, role: 'KING' as never }), 'invalid claims: unknown role "KING"'],
    ['a token whose scope leaves its province', async () => server.token({ ...CALLERS.baojingOfficer, areaScopes: ['211382'] }), 'invalid claims: every scope must lie inside the province'],
  ])('refuses %s', async (_what, make, reason) => {
    const response = await server.post(QUERY, bearer(await make()));
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.reason).toBe(reason);
  });

  describe('lifetime, clock and scope rules', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const CLAIMS = { sub: 'idp:bob', role: 'COUNTY_OFFICER', scopes: ['433125'], province: '430000000000' };
    /** Signs claims as the identity provider would, with exactly the times given. */
    const sign = (claims: Record<string, unknown>, times: { iat?: number; exp?: number }) => {
      let jwt = new SignJWT({ ...CLAIMS, ...claims }).setProtectedHeader({ alg: 'HS256' }).setIssuer('tuopin').setAudience('tuopin');
      if (times.iat !== undefined) jwt = jwt.setIssuedAt(times.iat);
      if (times.exp !== undefined) jwt = jwt.setExpirationTime(times.exp);
      return jwt.sign(new TextEncoder().encode(TEST_JWT_SECRET));
    };

    it.each([
      ['a token without exp', {}, { iat: now() }, 'the token has no expiry (exp)'],
      ['a token issued a year ahead', {}, { iat: now() + 365 * 86_400, exp: now() + 365 * 86_400 + 3600 }, 'the token is issued in the future (iat)'],
      ['a token made to live 30 days', {}, { iat: now(), exp: now() + 30 * 86_400 }, 'the token lives longer than the maximum of 24 h (exp − iat)'],
      ['a token without iat that expires in 30 days', {}, { exp: now() + 30 * 86_400 }, 'the token lives longer than the maximum of 24 h (exp − iat)'],
      ['a village officer scoped to a whole province', { role: 'VILLAGE_OFFICER', scopes: ['43'] }, { iat: now(), exp: now() + 3600 }, 'invalid claims: a VILLAGE_OFFICER is scoped to village areas, not to a province area ("43")'],
      ['a county officer scoped to a township', { scopes: ['433125100'] }, { iat: now(), exp: now() + 3600 }, 'invalid claims: a COUNTY_OFFICER is scoped to county areas, not to a township area ("433125100")'],
      ['a scope padded with zeros', { scopes: ['430000'] }, { iat: now(), exp: now() + 3600 }, expect.stringMatching(/^invalid claims: scope "430000" names no area/)],
      ['a national administrator scoped to a county', { role: 'NATIONAL_ADMIN', scopes: ['433125'], province: null }, { iat: now(), exp: now() + 3600 }, expect.stringMatching(/NATIONAL_ADMIN is scoped to nation areas/)],
    ])('refuses %s', async (_what, claims, times, reason) => {
      const response = await server.post(QUERY, bearer(await sign(claims, times)));
      expect(response.status).toBe(401);
      expect(response.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
    });

    it('allows a small clock skew, and a lifetime up to the maximum', async () => {
      const slightlyAhead = await server.post(QUERY, bearer(await sign({}, { iat: now() + 30, exp: now() + 24 * 3600 })));
      expect(slightlyAhead.status).toBe(200);
      expect(slightlyAhead.body.data.region.name).toBe('保靖县');
      const villageOfficer = await sign({ role: 'VILLAGE_OFFICER', scopes: ['433125100201'] }, { iat: now(), exp: now() + 600 });
      expect((await server.post(QUERY, bearer(villageOfficer))).status).toBe(200);
    });
  });

  it('refuses a header that is not a bearer credential', async () => {
    const response = await server.post(QUERY, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.reason).toMatch(/Bearer/);
  });

  it('verifies RS256 tokens with a public key file or a JWKS file', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const dir = mkdtempSync(path.join(tmpdir(), 'tuopin-keys-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'public.pem'), await exportSPKI(publicKey));
    writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] }));
    const sign = (kid?: string) =>
      new SignJWT({ sub: 'idp:alice', role: 'COUNTY_OFFICER', scopes: ['433125'], province: '430000000000' })
        .setProtectedHeader({ alg: 'RS256', ...(kid ? { kid } : {}) })
        .setIssuer('tuopin')
        .setAudience('tuopin')
        .setExpirationTime('5m')
        .sign(privateKey);
    const settings = { secret: null, jwksFile: null, issuer: 'tuopin', audience: 'tuopin' };
    const byPem = await createJwtVerifier({ ...settings, publicKeyFile: path.join(dir, 'public.pem') });
    expect(await byPem(await sign())).toMatchObject({ ok: true, principal: { id: 'idp:alice', role: 'COUNTY_OFFICER' } });
    const byJwks = await createJwtVerifier({ ...settings, publicKeyFile: null, jwksFile: path.join(dir, 'jwks.json') });
    expect(await byJwks(await sign('k1'))).toMatchObject({ ok: true, principal: { areaScopes: ['433125'] } });
    // An HS256 token cannot pass as RS256.
    expect(await byPem(await server.token(CALLERS.baojingOfficer))).toMatchObject({ ok: false });
  });
});

describe('partner API keys', () => {
  it('are created by an administrator, stored hashed, used, recorded and revoked', async () => {
    const adminToken = await server.token(CALLERS.hunanAdmin);
    const created = await server.post({ query: CREATE_KEY, variables: { input: { name: '某基金会 A foundation', areaScopes: ['433125'] } } }, bearer(adminToken));
    const { key, apiKey } = created.body.data.createApiKey;
    expect(apiKey).toMatchObject({ areaScopes: ['433125'], provinceCode: '430000000000' });
    expect(key).toMatch(/^tpk_[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/);

    const stored = await server.sql<{ key_hash: string; prefix: string }>('select key_hash, prefix from api_key where id = ?', [apiKey.id]);
    expect(stored[0].key_hash).not.toContain(key.split('.')[1]);
    expect(stored[0].key_hash).toMatch(/^[0-9a-f]{64}$/);

    const used = await server.post(QUERY, bearer(key));
    expect(used.status).toBe(200);
    expect(used.body.data.region.name).toBe('保靖县');
    const [{ last_used_at }] = await server.sql<{ last_used_at: Date | null }>('select last_used_at from api_key where id = ?', [apiKey.id]);
    expect(last_used_at).not.toBeNull();

    // A partner key reads as a partner: no people.
    const people = await server.post({ query: '{ households(first: 1) { totalCount } }' }, bearer(key));
    expect(people.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const revoked = await server.post({ query: REVOKE_KEY, variables: { input: { id: apiKey.id } } }, bearer(adminToken));
    expect(revoked.body.data.revokeApiKey.apiKey.revokedAt).toBeTruthy();
    const refused = await server.post(QUERY, bearer(key));
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.reason).toBe('the API key has been revoked');
  });

  it('refuses unknown and malformed keys, and keys from non-administrators or beyond their scope', async () => {
    const unknown = await server.post(QUERY, bearer(`tpk_000000000000.${'A'.repeat(43)}`));
    expect(unknown.body.errors[0].extensions.reason).toBe('the API key is not known');
    const malformed = await server.post(QUERY, bearer('tpk_short'));
    expect(malformed.body.errors[0].extensions.reason).toBe('the API key is malformed');

    const officer = await server.post({ query: CREATE_KEY, variables: { input: { name: 'x', areaScopes: ['433125'] } } }, bearer(await server.token(CALLERS.baojingOfficer)));
    expect(officer.body.data.createApiKey).toMatchObject({ __typename: 'ForbiddenError' });
    const beyond = await server.post({ query: CREATE_KEY, variables: { input: { name: 'x', areaScopes: ['211382'] } } }, bearer(await server.token(CALLERS.hunanAdmin)));
    expect(beyond.body.data.createApiKey).toMatchObject({ __typename: 'ValidationError', field: 'areaScopes[0]' });
    // A key's scope names an area, as a token's must: not a code padded with zeros.
    const padded = await server.post({ query: CREATE_KEY, variables: { input: { name: 'x', areaScopes: ['433125', '433100000'] } } }, bearer(await server.token(CALLERS.hunanAdmin)));
    expect(padded.body.data.createApiKey).toMatchObject({ __typename: 'ValidationError', field: 'areaScopes[1]' });
    expect(await server.sql('select 1 from api_key where name = ?', ['x'])).toEqual([]);
  });

  it('refuses to revoke by an id no key can have, and answers an id no key has as not found, revoking nothing', async () => {
    const adminToken = await server.token(CALLERS.hunanAdmin);
    const revoke = async (id: string) => (await server.post({ query: REVOKE_KEY_ERRORS, variables: { input: { id } } }, bearer(adminToken))).body.data.revokeApiKey;
    const [before] = await server.sql<{ n: string }>('select count(*) as n from api_key where revoked_at is not null');
    expect(await revoke('abc')).toEqual({ __typename: 'ValidationError', field: 'id' });
    expect(await revoke('2147483648')).toEqual({ __typename: 'ValidationError', field: 'id' });
    // The largest id PostgreSQL can store is a key id like any other: not malformed, just not there.
    expect(await revoke('2147483647')).toEqual({ __typename: 'NotFoundError', field: 'id' });
    const [after] = await server.sql<{ n: string }>('select count(*) as n from api_key where revoked_at is not null');
    expect(after.n).toBe(before.n);
  });
});
