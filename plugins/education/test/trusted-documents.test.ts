import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadTrustedDocuments, sha256 } from '@tuopin/server';
import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAreas, PRINCIPALS } from './world.js';

// A province whose education bureau may run only the operations its frontend registered: a
// plugin's role in `requireFor`, which start-up used to refuse as "not a role".
const REGISTERED = 'query BureauCounty($code: String!) { region(code: $code) { name } }';
const HASH = sha256(REGISTERED);

let dir: string;
let server: HttpTestServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tuopin-education-trusted-'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ [HASH]: REGISTERED }));
  const trustedDocuments = loadTrustedDocuments({ manifests: ['manifest.json'], requireFor: ['EDUCATION_BUREAU_OFFICER'] }, path.join(dir, 'tuopin.config.json'));
  server = await createHttpTestServer({ http: { trustedDocuments } });
  await insertAreas(server);
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('trusted documents required of a plugin\'s role', () => {
  it('lets the bureau run its registered operation by hash and refuses any other document', async () => {
    const headers = { authorization: `Bearer ${await server.token(PRINCIPALS.bureau)}` };
    const registered = await server.post({ variables: { code: '433125000000' }, extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } }, headers);
    expect(registered.body).toEqual({ data: { region: { name: '保靖县' } } });
    const other = await server.post({ query: '{ region(code: "433125000000") { name level } }' }, headers);
    expect(other.status).toBe(400);
    expect(other.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
  });
});
