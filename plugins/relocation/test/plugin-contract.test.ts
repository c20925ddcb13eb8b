import { buildPlatform, corePlugin } from '@tuopin/core';
import { relocationPlugin } from '@tuopin/plugin-relocation';
import { createTestServer, documentOf } from '@tuopin/testing';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * With and without the plugin: enabled, its tables, types, fields on core types, queries and
 * mutations are there; without it (`TUOPIN_PLUGINS=`), not one of them, and no relocation_… table.
 */

const TYPES = ['RelocationSite', 'RelocationSiteProgress', 'RelocationFlat', 'RelocatedHousehold', 'RelocationSupport', 'RelocationSubsidyPayment', 'RelocationStats'];
const MUTATIONS = [
  'createRelocationSite',
  'changeRelocationSiteStatus',
  'linkRelocationSiteProject',
  'addRelocationFlats',
  'applyForRelocation',
  'approveRelocation',
  'recordRelocationHousing',
  'recordRelocationMoveIn',
  'recordOldHouseDemolition',
  'retainOldHouse',
  'recordLandReclamation',
  'addRelocationSupport',
  'payRelocationSubsidy',
];
const TABLES = ['relocation_flat', 'relocation_household', 'relocation_site', 'relocation_site_project', 'relocation_subsidy_payment', 'relocation_support'];

function fieldsOf(schema: GraphQLSchema, typeName: string): string[] {
  const type = schema.getType(typeName);
  return type && isObjectType(type) ? Object.keys(type.getFields()) : [];
}

describe('the relocation plugin, enabled or not', () => {
  it('adds its types, its fields on core types, its queries and mutations only when enabled', () => {
    const core = buildPlatform({ plugins: [corePlugin] }).schema;
    const full = buildPlatform({ plugins: [corePlugin, relocationPlugin] }).schema;
    for (const name of TYPES) {
      expect(core.getType(name), name).toBeUndefined();
      expect(full.getType(name), name).toBeDefined();
    }
    expect(fieldsOf(core, 'Household')).not.toContain('relocation');
    expect(fieldsOf(full, 'Household')).toContain('relocation');
    expect(fieldsOf(core, 'RegionStats')).not.toContain('relocation');
    expect(fieldsOf(full, 'RegionStats')).toContain('relocation');
    for (const field of ['relocationSites', 'relocatedHouseholds']) {
      expect(fieldsOf(core, 'Query')).not.toContain(field);
      expect(fieldsOf(full, 'Query')).toContain(field);
    }
    for (const mutation of MUTATIONS) {
      expect(fieldsOf(core, 'Mutation')).not.toContain(mutation);
      expect(fieldsOf(full, 'Mutation')).toContain(mutation);
    }
  });

  it('creates no relocation table and answers no relocation field in core alone', async () => {
    const server = await createTestServer({ plugins: [] });
    try {
      const tables = await server.sql<{ tablename: string }>("select tablename from pg_tables where tablename like 'relocation\\_%'");
      expect(tables).toEqual([]);
      const result = await server.execute(documentOf('{ relocationSites(first: 1) { totalCount } }'));
      expect(result.errors?.[0].message).toMatch(/Cannot query field "relocationSites"/);
    } finally {
      await server.close();
    }
  });

  it('creates every relocation table when enabled, and answers its queries', async () => {
    const server = await createTestServer();
    try {
      const tables = await server.sql<{ tablename: string }>("select tablename from pg_tables where tablename like 'relocation\\_%' order by 1");
      expect(tables.map((t) => t.tablename)).toEqual(TABLES);
      const result = await server.execute(documentOf('{ relocationSites(first: 1) { totalCount } relocatedHouseholds(first: 1) { totalCount } }'));
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ relocationSites: { totalCount: 0 }, relocatedHouseholds: { totalCount: 0 } });
    } finally {
      await server.close();
    }
  });
});
