import { buildPlatform, corePlugin, coreMigrations, definePlugin, orderPlugins, PluginConfigurationError, pluginNamespaceOf, selectPlugins, type Principal, type TuopinPlugin } from '@tuopin/core';
import { loadInstalledPlugins } from '@tuopin/server';
import { createTestServer, documentOf, makeIdNumber, mustSucceed, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAreas, AREAS } from '../fixtures/areas.js';
import { makeNotesPlugin } from '../fixtures/notes-plugin.js';

/** The deployment's installed plugins (the root package.json's `tuopin.plugins`). */
const installedPlugins = await loadInstalledPlugins();

const bare = (name: string, dependsOn: string[] = []): TuopinPlugin => ({
  name,
  title: name,
  dependsOn,
  entities: [],
  migrations: [],
  registerSchema: () => {},
});

describe('plugin set', () => {
  it('orders plugins after their dependencies', () => {
    const ordered = orderPlugins([bare('pairing', ['finance']), bare('finance'), bare('education', ['pairing'])]);
    expect(ordered.map((p) => p.name)).toEqual(['finance', 'pairing', 'education']);
  });

  it('refuses an unknown plugin name, listing the installed ones', () => {
    expect(() => selectPlugins([bare('finance')], ['finance', 'relocaton'])).toThrowError(
      new PluginConfigurationError("Unknown plugin 'relocaton'; installed plugins: finance"),
    );
  });

  it('treats an empty list as core alone and no list as everything', () => {
    expect(selectPlugins([bare('finance')], [])).toEqual([]);
    expect(selectPlugins([bare('finance')], undefined).map((p) => p.name)).toEqual(['finance']);
  });

  it('refuses a missing dependency and says what to enable', () => {
    expect(() => orderPlugins([bare('pairing', ['finance'])])).toThrowError(
      "Plugin 'pairing' depends on 'finance', which is not enabled: enable 'finance' too, or disable 'pairing'",
    );
  });

  it('refuses a cycle and names it', () => {
    expect(() => orderPlugins([bare('a', ['b']), bare('b', ['c']), bare('c', ['a'])])).toThrowError(
      'Plugins depend on each other in a cycle: a → b → c → a',
    );
  });

  it('refuses duplicates, bad names and tables or migrations outside the namespace', () => {
    expect(() => orderPlugins([bare('a'), bare('a')])).toThrowError("Plugin 'a' is listed twice");
    expect(() => orderPlugins([bare('Finance')])).toThrowError(PluginConfigurationError);
    expect(() => orderPlugins([bare('core')])).toThrowError(PluginConfigurationError);
    const sneakyMigrations = { migrations: [{ name: 'core_99999999_oops', class: class {} as never }] };
    expect(() => makeNotesPlugin(sneakyMigrations)).toThrowError("migration 'core_99999999_oops' must be named 'notes_…'");
    // A plugin object made without definePlugin is checked again when the platform is built.
    expect(() => buildPlatform({ plugins: [corePlugin, { ...makeNotesPlugin(), ...sneakyMigrations }] })).toThrowError(
      "migration 'core_99999999_oops' must be named 'notes_…'",
    );
  });

  it('definePlugin refuses what only the author can fix: a title that is not bilingual, a dependency on itself or on core', () => {
    const plugin = { name: 'visits', title: '走访 Visits', entities: [], migrations: [], registerSchema: () => {} };
    expect(definePlugin(plugin).name).toBe('visits');
    expect(() => definePlugin({ ...plugin, title: 'Visits' })).toThrowError("Plugin 'visits': title 'Visits' must be bilingual, Chinese first");
    expect(() => definePlugin({ ...plugin, title: 'Visits 走访' })).toThrowError(PluginConfigurationError);
    expect(() => definePlugin({ ...plugin, dependsOn: ['visits'] })).toThrowError("Plugin 'visits': it depends on itself");
    expect(() => definePlugin({ ...plugin, dependsOn: ['core'] })).toThrowError("core is a dependency of every plugin: leave 'core' out of dependsOn");
    expect(() => definePlugin({ ...plugin, auditObjectTypes: { member: 'Member' } })).toThrowError(
      "Plugin 'visits': auditObjectTypes names 'member', which is not a table of its namespace 'visits_'",
    );
  });

  it('core is its own plugin: always first, always there, and the only one with its name and unprefixed tables', () => {
    expect(corePlugin.name).toBe('core');
    expect(buildPlatform({ plugins: [makeNotesPlugin(), corePlugin] }).plugins.map((p) => p.name)).toEqual(['core', 'notes']);
    expect(() => buildPlatform({ plugins: [makeNotesPlugin()] })).toThrowError(
      "Every plugin set includes 'core': buildPlatform({ plugins: [corePlugin, …plugins] })",
    );
    // A copy of core is not core: the name is reserved, and so are its table names.
    expect(() => buildPlatform({ plugins: [{ ...corePlugin }] })).toThrowError("Plugin name 'core' is invalid");
    expect(() => definePlugin({ ...corePlugin })).toThrowError("Plugin name 'core' is invalid");
    // Core's tables have no prefix: a plugin whose namespace would hold one of them is refused.
    const household = { name: 'household', title: '户 Households', entities: [], migrations: [], registerSchema: () => {} };
    expect(() => buildPlatform({ plugins: [corePlugin, household] })).toThrowError(
      "Plugin 'household': its namespace 'household_' holds the table 'household_income' of 'core'; choose another name",
    );
    // Core cannot be switched off: selecting no plugin keeps it.
    expect(selectPlugins([corePlugin, bare('finance')], []).map((p) => p.name)).toEqual(['core']);
    expect(selectPlugins([corePlugin, bare('finance')], ['finance']).map((p) => p.name)).toEqual(['core', 'finance']);
  });

  it('builds one schema per plugin set, with the plugin fields only where enabled', () => {
    const core = buildPlatform({ plugins: [corePlugin] });
    const withNotes = buildPlatform({ plugins: [corePlugin, makeNotesPlugin()] });
    expect(core.schema.getType('Note')).toBeUndefined();
    expect(Object.keys((core.schema.getType('Household') as never as { getFields(): object }).getFields())).not.toContain('notes');
    expect(withNotes.schema.getType('Note')).toBeDefined();
    expect(withNotes.schema.getMutationType()!.getFields().addNote).toBeDefined();
    expect(withNotes.migrationsList.map((m) => m.name)).toEqual([...coreMigrations.map((m) => m.name), 'notes_20261129000000_init']);
    expect(withNotes.entities.length).toBe(core.entities.length + 1);
  });

  it("names a plugin's tables in the audit log by the GraphQL types it declares, and refuses a type that does not exist", () => {
    const named = buildPlatform({ plugins: [corePlugin, makeNotesPlugin()] });
    expect(named.auditVocabulary.typeOf('notes_note')).toBe('Note');
    expect(named.auditVocabulary.spellingsOf('Note')).toEqual(['notes_note', 'Note']);
    // Left out: the entity's name; and a set without the plugin does not account for its table at all.
    expect(buildPlatform({ plugins: [corePlugin, makeNotesPlugin({ auditObjectTypes: undefined })] }).auditVocabulary.typeOf('notes_note')).toBe('NotesNote');
    expect(buildPlatform({ plugins: [corePlugin] }).auditVocabulary.stored).not.toContain('notes_note');
    expect(() => buildPlatform({ plugins: [corePlugin, makeNotesPlugin({ auditObjectTypes: { notes_note: 'Notte' } })] })).toThrowError(
      "Plugin 'notes': auditObjectTypes maps 'notes_note' to 'Notte', which is not a type of the schema",
    );
  });
});

const AddNote = documentOf(`
  mutation AddNote($input: AddNoteInput!) {
    addNote(input: $input) {
      __typename
      ... on AddNotePayload { note { text } }
      ... on Error { code field messageEn }
    }
  }
`);

const HouseholdNotes = documentOf(`
  query HouseholdNotes($id: ID!, $county: String!) {
    household(id: $id) { householdNo notes { text } }
    region(code: $county) { stats { households notes } }
  }
`);

describe('a fixture plugin against PostgreSQL', () => {
  let server: TestServer;
  let householdId: string;

  beforeAll(async () => {
    server = await createTestServer({ plugins: [makeNotesPlugin()] });
    await insertAreas(server);
    const [{ id }] = await server.sql<{ id: number }>(
      "insert into household (household_no, village_code, category, status, year_identified, primary_cause, member_count) values ('4331251002010001', ?, 'ORDINARY', 'POOR', 2015, 'ILLNESS', 1) returning id",
      [AREAS.villageA],
    );
    await server.sql("insert into member (household_id, village_code, name, id_number, sex, birth_date, relation_to_head) values (?, ?, '测试', ?, 'MALE', '1980-01-01', 'HEAD')", [
      id,
      AREAS.villageA,
      makeIdNumber({ sequence: 1 }),
    ]);
    householdId = Buffer.from(`Household:${id}`).toString('base64');
  });
  afterAll(() => server.close());

  it('migrates its own table next to core and serves its fields', async () => {
    const tables = await server.sql<{ tablename: string }>("select tablename from pg_tables where tablename like 'notes_%'");
    expect(tables.map((t) => t.tablename)).toEqual(['notes_note']);

    const added = mustSucceed(await server.execute(AddNote, { input: { householdId, text: '走访：已落实产业帮扶' } }));
    expect(added).toEqual({ __typename: 'AddNotePayload', note: { text: '走访：已落实产业帮扶' } });

    const result = await server.execute(HouseholdNotes, { id: householdId, county: AREAS.baojing });
    expect(result.errors).toBeUndefined();
    expect(result.data?.household?.notes).toEqual([{ text: '走访：已落实产业帮扶' }]);
    expect(result.data?.region?.stats).toEqual({ households: 1, notes: 1 });
  });

  it('scopes its type, its statistic and its mutation to the caller\'s areas, and audits its writes', async () => {
    const villageB: Principal = { id: 'officer-village-b', role: 'VILLAGE_OFFICER', areaScopes: [AREAS.villageB], provinceCode: '430000000000' };
    const { note } = mustSucceed(await server.execute(AddNote, { input: { householdId, text: '走访：已核实收入' } }));
    expect(note.text).toBe('走访：已核实收入');
    const [audited] = await server.sql<{ object_type: string; area_code: string; action: string; operation: string }>(
      "select object_type, area_code, action, operation from audit_log where object_type in ('notes_note', 'Note') order by id desc limit 1",
    );
    expect(audited).toMatchObject({ area_code: AREAS.villageA, action: 'INSERT', operation: 'addNote' });

    // Another village's officer: the county's figure leaves out what they may not see, and they cannot write here.
    const stats = await server.execute(HouseholdNotes, { id: householdId, county: AREAS.baojing }, { principal: villageB });
    expect(stats.data?.region?.stats).toEqual({ households: 0, notes: 0 });
    const [before] = await server.sql<{ n: string }>('select count(*) as n from notes_note');
    const refused = await server.execute(AddNote, { input: { householdId, text: '越权' } }, { principal: villageB });
    expect(refused.data?.addNote).toMatchObject({ __typename: 'NotFoundError', field: 'householdId' });
    const [after] = await server.sql<{ n: string }>('select count(*) as n from notes_note');
    expect(after.n).toBe(before.n);
  });

  it('gives its typed errors through the shared error types', async () => {
    const result = await server.execute(AddNote, { input: { householdId, text: '  ' } });
    expect(result.data?.addNote).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', field: 'text' });
    expect(await server.sql('select * from notes_note where text = ?', ['  '])).toEqual([]);
  });
});

describe('core alone', () => {
  it('creates no plugin tables', async () => {
    const server = await createTestServer({ plugins: [] });
    try {
      const tables = (await server.sql<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by 1")).map((t) => t.tablename);
      // Core's own tables are there; no installed plugin's namespace is.
      expect(tables).toEqual(expect.arrayContaining(['area', 'household', 'member', 'project', 'fund', 'ledger_entry', 'audit_log', 'api_key']));
      for (const plugin of installedPlugins) expect(tables.filter((table) => table.startsWith(pluginNamespaceOf(plugin.name)))).toEqual([]);
      const migrations = await server.sql<{ name: string }>('select name from mikro_orm_migrations order by id');
      expect(migrations.map((m) => m.name)).toEqual(coreMigrations.map((m) => m.name));
    } finally {
      await server.close();
    }
  });
});
