import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TuopinPlugin } from '@tuopin/core';
import { PLUGIN_TEMPLATE_DIR, scaffoldPlugin } from '@tuopin/server';
import { createTestServer, documentOf, mustSucceed, runContractSweeps, tablesWithoutAuditTrigger, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertWorld, OFFICERS, VILLAGES } from './scaffold-world.js';

/**
 * `pnpm plugin new`'s output passes the contract unchanged: a plugin is generated into a folder of
 * this package (where `@tuopin/core` and the plugin's npm dependencies resolve), imported as it
 * is, migrated on a database of its own, swept, and used through GraphQL. CI does the same for
 * real (`.ci/run`: `pnpm plugin new demo-x`, install, its own tests).
 */

const TEST_PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// A hyphenated name, as the issue's `demo-x`: its tables are `scaffold_check_…`, its roles `SCAFFOLD_CHECK_…`.
const NAME = 'scaffold-check';

/** Generates the plugin from `templateDir` into a fresh folder and imports its public entry. */
async function generate(templateDir: string = PLUGIN_TEMPLATE_DIR): Promise<{ plugin: TuopinPlugin; remove: () => void }> {
  const root = mkdtempSync(path.join(TEST_PACKAGE, '.scaffold-'));
  const { dir } = scaffoldPlugin({ name: NAME, pluginsDir: root, installed: ['finance'], timestamp: '20990101000000', templateDir });
  const entry = (await import(pathToFileURL(path.join(dir, 'src', 'index.ts')).href)) as { scaffoldCheckPlugin: TuopinPlugin };
  return { plugin: entry.scaffoldCheckPlugin, remove: () => rmSync(root, { recursive: true, force: true }) };
}

const plugins: TuopinPlugin[] = [];
let remove = () => {};
beforeAll(async () => {
  const generated = await generate();
  plugins.push(generated.plugin);
  remove = generated.remove;
});
afterAll(() => remove());

// The same sweeps a plugin's own suite runs, over core and the generated plugin alone.
runContractSweeps({ plugins });

describe('the generated plugin through GraphQL', () => {
  let server: TestServer;
  let households: { baojing: string; lingyuan: string };
  const AddRecord = documentOf(`mutation ($input: AddScaffoldCheckRecordInput!) {
    addScaffoldCheckRecord(input: $input) { __typename ... on AddScaffoldCheckRecordPayload { record { id villageCode } } ... on Error { field } }
  }`);
  const Records = documentOf('{ scaffoldCheckRecords(first: 10) { totalCount edges { node { villageCode } } } }');
  const Stats = documentOf('query ($code: String!) { region(code: $code) { stats { scaffoldCheckRecords } } }');

  beforeAll(async () => {
    server = await createTestServer({ plugins });
    households = await insertWorld(server);
    for (let i = 0; i < 6; i++) {
      mustSucceed(await server.execute(AddRecord, { input: { householdId: households.baojing, note: `走访 ${i}` } }, { principal: OFFICERS.baojing }));
    }
    mustSucceed(await server.execute(AddRecord, { input: { householdId: households.lingyuan, note: '走访' } }, { principal: OFFICERS.lingyuan }));
  });
  afterAll(() => server?.close());

  it('names its table by its namespace and audits every write to it', async () => {
    const rows = await server.sql<{ actor: string; area_code: string }>("select actor, area_code from audit_log where object_type = 'scaffold_check_record' and action = 'INSERT' order by id");
    expect(rows.map((row) => row.area_code)).toEqual([...Array(6).fill(VILLAGES.baojing), VILLAGES.lingyuan]);
    expect(rows[0].actor).toBe(OFFICERS.baojing.id);
  });

  it('shows an officer of another county nothing of this one, in the list and in the figures', async () => {
    const result = (await server.execute(Records, {}, { principal: OFFICERS.lingyuan })) as { data?: { scaffoldCheckRecords: { totalCount: number; edges: { node: { villageCode: string } }[] } } };
    expect(result.data?.scaffoldCheckRecords.totalCount).toBe(1);
    expect(result.data?.scaffoldCheckRecords.edges.map((edge) => edge.node.villageCode)).toEqual([VILLAGES.lingyuan]);
    const stats = (await server.execute(Stats, { code: '430000000000' }, { principal: OFFICERS.lingyuan })) as { data?: { region: { stats: { scaffoldCheckRecords: number } } | null } };
    expect(stats.data?.region?.stats.scaffoldCheckRecords ?? 0).toBe(0);
  });

  it('refuses a household of another county as one that does not exist', async () => {
    const result = (await server.execute(AddRecord, { input: { householdId: households.lingyuan, note: 'x' } }, { principal: OFFICERS.baojing })) as { data?: { addScaffoldCheckRecord: unknown } };
    expect(result.data?.addScaffoldCheckRecord).toEqual({ __typename: 'NotFoundError', field: 'householdId' });
  });

  it('protects its statistic for an NGO partner: 6 records read as 5, 1 as withheld', async () => {
    const figure = async (code: string, principal: typeof OFFICERS.ngo | typeof OFFICERS.baojing) =>
      ((await server.execute(Stats, { code }, { principal })) as { data?: { region: { stats: { scaffoldCheckRecords: number | null } } } }).data?.region.stats.scaffoldCheckRecords;
    expect(await figure('433125000000', OFFICERS.baojing)).toBe(6);
    expect(await figure('433125000000', OFFICERS.ngo)).toBe(5);
    expect(await figure('211382000000', OFFICERS.ngo)).toBeNull();
  });
});

describe('a broken template', () => {
  it('fails the audit sweep when the migration drops its tuopin_audit_table call', async () => {
    const templates = mkdtempSync(path.join(TEST_PACKAGE, '.scaffold-templates-'));
    try {
      cpSync(PLUGIN_TEMPLATE_DIR, templates, { recursive: true });
      const migration = path.join(templates, 'src', 'migrations', '__ns____timestamp___init.ts.tpl');
      const text = readFileSync(migration, 'utf8');
      expect(text).toContain('tuopin_audit_table');
      writeFileSync(migration, text.replace(/^.*tuopin_audit_table.*$/m, ''));
      const broken = await generate(templates);
      try {
        const server = await createTestServer({ plugins: [broken.plugin] });
        try {
          expect(await tablesWithoutAuditTrigger(server)).toEqual(['scaffold_check_record']);
        } finally {
          await server.close();
        }
      } finally {
        broken.remove();
      }
    } finally {
      rmSync(templates, { recursive: true, force: true });
    }
  });
});
