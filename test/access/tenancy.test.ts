import { createHttpTestServer, type HttpTestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNotesPlugin } from '../fixtures/notes-plugin.js';
import { insertAreas } from '../fixtures/areas.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * Provinces enable only the plugins they need: 湖南 runs the (fixture) notes plugin, 辽宁 runs core
 * alone. One schema per distinct plugin set, chosen by the caller's province.
 */
const TYPES = '{ __schema { types { name } mutationType { fields { name } } } }';

let server: HttpTestServer;

beforeAll(async () => {
  server = await createHttpTestServer({
    plugins: [makeNotesPlugin()],
    tenancy: { provinces: { '430000000000': ['notes'], '210000000000': [] } },
  });
  await insertAreas(server);
});
afterAll(() => server.close());

async function introspect(caller: (typeof CALLERS)[keyof typeof CALLERS]) {
  const response = await server.post({ query: TYPES }, { authorization: `Bearer ${await server.token(caller)}` });
  const schema = response.body.data.__schema;
  return { types: schema.types.map((t: { name: string }) => t.name), mutations: schema.mutationType.fields.map((f: { name: string }) => f.name) };
}

describe('province tenancy', () => {
  it('builds one schema per distinct plugin set', () => {
    expect(server.tenancy.distinct.map((p) => p.plugins.map((plugin) => plugin.name).join(',')).sort()).toEqual(['core', 'core,notes']);
  });

  it('shows a province only its own plugins in introspection', async () => {
    const hunan = await introspect(CALLERS.baojingOfficer);
    expect(hunan.types).toContain('Note');
    expect(hunan.mutations).toContain('addNote');
    const liaoning = await introspect(CALLERS.liaoningOfficer);
    expect(liaoning.types).not.toContain('Note');
    expect(liaoning.mutations).not.toContain('addNote');
    expect(liaoning.types).toContain('Household');
  });

  it('refuses a disabled plugin\'s operations even when sent blind', async () => {
    const blind = await server.post(
      { query: 'mutation { addNote(householdId: "SG91c2Vob2xkOjE=", text: "x") { __typename } }' },
      { authorization: `Bearer ${await server.token(CALLERS.liaoningOfficer)}` },
    );
    expect(blind.body.errors[0].message).toMatch(/Cannot query field "addNote"/);
    expect(blind.body.data).toBeUndefined();
    const field = await server.post(
      { query: '{ region(code: "211382000000") { stats { households notes } } }' },
      { authorization: `Bearer ${await server.token(CALLERS.liaoningOfficer)}` },
    );
    expect(field.body.errors[0].message).toMatch(/Cannot query field "notes"/);
  });

  it('shows a national administrator every enabled plugin', async () => {
    const national = await introspect(CALLERS.nationalAdmin);
    expect(national.mutations).toContain('addNote');
  });

  it('refuses a province configuration that names a plugin the deployment does not enable', async () => {
    const { buildTenancy } = await import('@tuopin/server');
    expect(() => buildTenancy([makeNotesPlugin()], [], { provinces: { '430000000000': ['notes'] } })).toThrowError(
      /province 430000000000 enables 'notes', which this deployment does not enable/,
    );
  });
});
