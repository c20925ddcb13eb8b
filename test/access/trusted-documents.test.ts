import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkTrustedDocumentRoles, ConfigurationError, loadTrustedDocuments, sha256 } from '@tuopin/server';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';

// A deployment where partner keys may run only the operations their frontend registered.
const REGISTERED = 'query PartnerCounty($code: String!) { region(code: $code) { name level } }';
const HASH = sha256(REGISTERED);
const byHash = (hash: string, variables: Record<string, unknown> = { code: '433125000000' }) => ({
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});
const ARBITRARY = { query: '{ region(code: "433125000000") { name } }' };

let dir: string;
let server: HttpTestServer;
const bearer = async (who: keyof typeof CALLERS) => ({ authorization: `Bearer ${await server.token(CALLERS[who])}` });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tuopin-trusted-'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ [HASH]: REGISTERED }));
  const trustedDocuments = loadTrustedDocuments({ manifests: ['manifest.json'], requireFor: ['NGO_PARTNER'] }, path.join(dir, 'tuopin.config.json'));
  server = await createHttpTestServer({ http: { trustedDocuments } });
  await insertAreas(server);
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a role that must use registered operations', () => {
  it('runs a registered operation by its hash, with variables', async () => {
    const response = await server.post(byHash(HASH), await bearer('baojingNgo'));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { region: { name: '保靖县', level: 'COUNTY' } } });
    // graphql-codegen's client preset names hashes `sha256:<hex>`; the same document either way.
    expect((await server.post(byHash(`sha256:${HASH}`), await bearer('baojingNgo'))).body.data.region.name).toBe('保靖县');
  });

  it('is refused any other document, with a typed error, before anything runs', async () => {
    const headers = await bearer('baojingNgo');
    const { count, result } = await (async () => {
      let result: Awaited<ReturnType<HttpTestServer['post']>> | undefined;
      const { count } = await server.countStatements(async () => void (result = await server.post(ARBITRARY, headers)));
      return { count, result: result! };
    })();
    expect(result.status).toBe(400);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors[0].extensions).toEqual({
      code: 'PERSISTED_QUERY_ONLY',
      messageZh: '此角色只能运行已登记的操作（按哈希发送）',
      messageEn: 'This role may run registered operations only (send them by hash)',
    });
    expect(count).toBe(0);
    // The registered text sent as a query is still "any other document": the role sends hashes.
    expect((await server.post({ query: REGISTERED, variables: { code: '433125000000' } }, headers)).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
  });

  it('is told when a hash is not registered', async () => {
    const response = await server.post(byHash(sha256('{ __typename }')), await bearer('baojingNgo'));
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND', messageEn: expect.stringContaining('Unregistered operation') });
    expect(response.body.data).toBeUndefined();
  });
});

describe('other roles', () => {
  it('may send documents and registered hashes alike', async () => {
    const headers = await bearer('baojingOfficer');
    expect((await server.post(ARBITRARY, headers)).body).toEqual({ data: { region: { name: '保靖县' } } });
    expect((await server.post(byHash(HASH), headers)).body.data.region.name).toBe('保靖县');
  });
});

describe('manifests', () => {
  const config = (manifest: unknown, requireFor: unknown = []) => {
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(manifest));
    return () => loadTrustedDocuments({ manifests: ['bad.json'], requireFor }, path.join(dir, 'tuopin.config.json'));
  };
  it('refuses a document filed under a hash that is not its own', () => {
    expect(config({ [HASH]: '{ __typename }' })).toThrow(ConfigurationError);
    expect(config({ [HASH]: '{ __typename }' })).toThrow(/is not a string whose SHA-256 is that hash/);
  });
  it('refuses an unknown role, and a required role with nothing registered', () => {
    expect(config({ [HASH]: REGISTERED }, ['county officer'])).toThrow(/requireFor must be a list of role names/);
    // A well-formed name nobody declares is refused when the app is built, where plugins' roles are known.
    const misspelt = loadTrustedDocuments({ manifests: ['manifest.json'], requireFor: ['NGO_PARTNERS'] }, path.join(dir, 'tuopin.config.json'));
    expect(() => checkTrustedDocumentRoles(misspelt)).toThrow(ConfigurationError);
    expect(() => checkTrustedDocumentRoles(misspelt)).toThrow("http.trustedDocuments.requireFor names 'NGO_PARTNERS', which neither core nor an installed plugin declares");
    expect(() => loadTrustedDocuments({ manifests: [], requireFor: ['NGO_PARTNER'] }, path.join(dir, 'x.json'))).toThrow(/needs at least one manifest/);
    expect(() => loadTrustedDocuments({ manifests: ['missing.json'] }, path.join(dir, 'x.json'))).toThrow(/cannot read the trusted-documents manifest/);
  });
});
