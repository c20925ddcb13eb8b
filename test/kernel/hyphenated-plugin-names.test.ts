import { defineEntity } from '@mikro-orm/core';
import { buildPlatform, corePlugin, definePlugin, PluginConfigurationError, pluginNamespaceOf, rolePrefixOf, selectPlugins, type TuopinPlugin } from '@tuopin/core';
import { parsePluginList } from '@tuopin/server';
import { describe, expect, it } from 'vitest';

/**
 * A plugin name may join words with hyphens, as the issue's `demo-x`. The name stays as written
 * wherever it is a name (TUOPIN_PLUGINS, dependsOn, permissions `demo-x.…`, `plugins.demo-x` in
 * tuopin.config.json); SQL identifiers and role names cannot hold a hyphen, so its tables and
 * migrations are `demo_x_…` and its roles `DEMO_X_…`.
 */

const recordTable = (table: string) =>
  defineEntity({ name: `Record_${table}`, tableName: table, properties: (p) => ({ id: p.integer().primary().autoincrement() }) });

function demoX(overrides: Partial<TuopinPlugin> = {}): TuopinPlugin {
  return {
    name: 'demo-x',
    title: '示例 Demo X',
    entities: [recordTable('demo_x_record')],
    migrations: [{ name: 'demo_x_20990101000000_init', class: class {} as never }],
    auditObjectTypes: { demo_x_record: 'DemoXRecord' },
    permissions: [{ name: 'demo-x.records.manage', title: '登记记录 Add records' }],
    roles: [{ name: 'DEMO_X_RECORDER', title: '记录员 Recorder', permissions: ['demo-x.records.manage'], scopeLevels: ['COUNTY'] }],
    registerSchema: () => {},
    ...overrides,
  };
}

describe('a hyphenated plugin name', () => {
  it('has the namespace demo_x_ and the role prefix DEMO_X_', () => {
    expect(pluginNamespaceOf('demo-x')).toBe('demo_x_');
    expect(pluginNamespaceOf('finance')).toBe('finance_');
    expect(rolePrefixOf('demo-x')).toBe('DEMO_X_');
  });

  it('is accepted by definePlugin and buildPlatform with its tables, migrations, permissions and roles so named', () => {
    expect(definePlugin(demoX()).name).toBe('demo-x');
    // Without a schema type to show its rows as, the platform would refuse the audit name.
    const plugin = definePlugin(demoX({ auditObjectTypes: {} }));
    const platform = buildPlatform({ plugins: [corePlugin, plugin] });
    expect(platform.plugins.map((p) => p.name)).toEqual(['core', 'demo-x']);
    expect(platform.migrationsList.map((m) => m.name)).toContain('demo_x_20990101000000_init');
  });

  it('refuses tables, migrations and audit names spelt with the hyphen or without the separator', () => {
    expect(() => definePlugin(demoX({ entities: [recordTable('demox_record')] }))).toThrowError("table 'demox_record' must be named 'demo_x_…'");
    expect(() => definePlugin(demoX({ migrations: [{ name: 'demo-x_20990101000000_init', class: class {} as never }] }))).toThrowError(
      "migration 'demo-x_20990101000000_init' must be named 'demo_x_…'",
    );
    expect(() => definePlugin(demoX({ auditObjectTypes: { demox_record: 'DemoXRecord' } }))).toThrowError("not a table of its namespace 'demo_x_'");
  });

  it('refuses roles without the DEMO_X_ prefix and permissions not named demo-x.…', () => {
    const badRole = demoX({ roles: [{ name: 'DEMOX_RECORDER', title: '记录员 Recorder', permissions: ['demo-x.records.manage'], scopeLevels: ['COUNTY'] }] });
    expect(() => buildPlatform({ plugins: [corePlugin, badRole] })).toThrowError("role 'DEMOX_RECORDER' must be named 'DEMO_X_…'");
    const badPermission = demoX({ permissions: [{ name: 'demo_x.records.manage', title: '登记记录 Add records' }], roles: [] });
    expect(() => buildPlatform({ plugins: [corePlugin, badPermission] })).toThrowError("permission 'demo_x.records.manage' must be named 'demo-x.<what>'");
  });

  it('refuses names that are not words joined by single hyphens', () => {
    for (const name of ['demo--x', 'demo-', '-demo', 'Demo-x', 'demo_x', '1demo', 'demo-X']) {
      expect(() => definePlugin(demoX({ name })), name).toThrowError(PluginConfigurationError);
    }
  });

  it('refuses two plugins whose namespaces overlap: demo_ would hold demo_x_record', () => {
    const demo = demoX({ name: 'demo', entities: [], migrations: [], auditObjectTypes: {}, permissions: [], roles: [] });
    expect(() => buildPlatform({ plugins: [corePlugin, demo, demoX()] })).toThrowError("Plugin 'demo': its namespace 'demo_' holds the table 'demo_x_record' of 'demo-x'");
  });

  it('is picked by TUOPIN_PLUGINS=demo-x', () => {
    const installed = [corePlugin, definePlugin(demoX())];
    expect(selectPlugins(installed, parsePluginList('demo-x')).map((p) => p.name)).toEqual(['core', 'demo-x']);
    expect(selectPlugins(installed, parsePluginList('')).map((p) => p.name)).toEqual(['core']);
  });
});
