import { buildPlatform, corePlugin, PluginConfigurationError, type TuopinPlugin } from '@tuopin/core';
import { describe, expect, it } from 'vitest';
import { makeNotesPlugin } from '../fixtures/notes-plugin.js';

/**
 * `buildPlatform` checks the roles and permissions a plugin declares before anything runs: names
 * inside the plugin's namespace, titles in both languages, and roles that list only permissions
 * the plugin, core or a plugin it depends on declares.
 */
function refusal(overrides: Partial<TuopinPlugin>): string {
  try {
    buildPlatform({ plugins: [corePlugin, makeNotesPlugin(overrides)] });
  } catch (error) {
    expect(error).toBeInstanceOf(PluginConfigurationError);
    return (error as Error).message;
  }
  throw new Error('buildPlatform accepted the plugin');
}

const role = (name: string, permissions: string[] = ['core.registry.read']) => ({ name, title: '走访员 Visitor', permissions, scopeLevels: ['COUNTY' as const] });

describe('roles and permissions a plugin declares', () => {
  it('are accepted inside its namespace, and known to the platform', () => {
    const platform = buildPlatform({ plugins: [corePlugin, makeNotesPlugin({ permissions: [{ name: 'notes.write', title: '记录走访 Record visits' }], roles: [role('NOTES_RECORDER', ['notes.write', 'core.projects.read'])] })],
    });
    expect(platform.access.role('NOTES_RECORDER')?.permissions).toEqual(['notes.write', 'core.projects.read']);
    expect(platform.access.roleOwner('NOTES_RECORDER')).toBe('notes');
    expect(platform.access.roleOwner('COUNTY_OFFICER')).toBe('core');
    expect(platform.access.permission('notes.write')?.title).toBe('记录走访 Record visits');
  });

  it.each([
    ['a role without its prefix', { roles: [role('VISITOR')] }, "Plugin 'notes': role 'VISITOR' must be named 'NOTES_…' (upper case)"],
    ['a role named like core\'s', { roles: [role('COUNTY_OFFICER')] }, "role 'COUNTY_OFFICER' must be named 'NOTES_…'"],
    ['a permission in another namespace', { permissions: [{ name: 'core.notes.write', title: '记录走访 Record visits' }] }, "permission 'core.notes.write' must be named 'notes.<what>'"],
    ['a role with an unknown permission', { roles: [role('NOTES_VISITOR', ['finance.loans.manage'])] }, "role 'NOTES_VISITOR' lists 'finance.loans.manage', which neither 'notes', core nor a plugin it depends on declares"],
    ['a role without a Chinese and English title', { roles: [{ ...role('NOTES_VISITOR'), title: 'Visitor' }] }, "role 'NOTES_VISITOR' needs a title in Chinese and English"],
    ['a role without scope levels', { roles: [{ ...role('NOTES_VISITOR'), scopeLevels: [] }] }, "role 'NOTES_VISITOR' must list the area levels its scopes may name"],
    [
      // Known process-wide, the extension would lift suppression in provinces that do not run the plugin.
      'an extension of a core role that lifts a kernel mechanism',
      { permissions: [{ name: 'notes.exact', title: '精确统计 Exact counts', unlocks: 'exact-statistics' }], extendRoles: { NGO_PARTNER: ['notes.exact'] } },
      "extendRoles gives 'NGO_PARTNER' 'notes.exact', which lifts 'exact-statistics': give it to a role of 'notes' instead",
    ],
    [
      'a permission grantable on a type that is not a node',
      { permissions: [{ name: 'notes.read', title: '查看走访 Read visits', grantableOn: ['RegionStats'] }] },
      "permission 'notes.read' is grantable on 'RegionStats', which is not a Node type of the schema",
    ],
  ])('refuses %s, naming it', (_what, overrides, message) => {
    expect(refusal(overrides as Partial<TuopinPlugin>)).toContain(message);
  });
});

describe('a field that requires a permission', () => {
  it('must name one that an enabled plugin declares', () => {
    const base = makeNotesPlugin();
    const message = refusal({
      registerSchema(builder) {
        base.registerSchema(builder);
        builder.queryField('noteCount', (t) => t.int({ description: '走访记录数 Notes', authScopes: { permission: 'notes.raed' }, resolve: () => 0 }));
      },
    });
    expect(message).toContain("Query.noteCount requires the permission 'notes.raed', which no enabled plugin declares");
  });
});

describe('a role name', () => {
  it('means one thing in the whole process: a plugin set declaring it differently is refused', () => {
    const declare = (permissions: string[]) =>
      makeNotesPlugin({ permissions: [{ name: 'notes.write', title: '记录走访 Record visits' }], roles: [role('NOTES_CLERK', permissions)] });
    buildPlatform({ plugins: [corePlugin, declare(['notes.write'])] });
    // The same declarations again (another province's plugin set, say) are fine.
    expect(() => buildPlatform({ plugins: [corePlugin, declare(['notes.write'])] })).not.toThrow();
    expect(() => buildPlatform({ plugins: [corePlugin, declare(['notes.write', 'core.registry.write'])] })).toThrow(
      "Plugin 'notes': role 'NOTES_CLERK' is already declared differently by 'notes'",
    );
  });
});
