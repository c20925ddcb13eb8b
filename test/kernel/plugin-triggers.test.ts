import { corePlugin, pluginNamespaceOf } from '@tuopin/core';
import { createTestServer, type TestServer } from '@tuopin/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A plugin owns its tables and keeps off core's: it reacts to core's writes through the plugin
 * contract's hooks (`onLedgerEntriesReversed`), called in core's transaction for the plugins
 * enabled for the request, never through a trigger of its own on a core table, which would fire
 * in every province whether it runs the plugin or not.
 */
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

describe('the installed plugins', () => {
  it('put no trigger on core\'s tables', async () => {
    const coreTables = corePlugin.entities.map((entity) => (entity.meta as { tableName?: string; className: string }).tableName ?? entity.meta.className);
    const triggers = await server.sql<{ on_table: string; name: string; fn: string }>(
      `select c.relname as on_table, t.tgname as name, p.proname as fn
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
       where not t.tgisinternal and c.relname = any(?::text[])`,
      [`{${coreTables.join(',')}}`],
    );
    expect(triggers.length).toBeGreaterThan(10);
    const plugins = server.platform.plugins.filter((plugin) => plugin !== corePlugin);
    expect(plugins.map((plugin) => plugin.name)).toContain('education');
    const theirs = triggers.filter((trigger) => plugins.some((plugin) => [trigger.name, trigger.fn].some((name) => name.startsWith(pluginNamespaceOf(plugin.name)))));
    expect(theirs).toEqual([]);
  });
});
