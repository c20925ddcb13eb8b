import { buildPlatform, corePlugin, type TuopinBuilder, type TuopinPlugin } from '@tuopin/core';
import { loadInstalledPlugins } from '@tuopin/server';
import { areaScopedTypes, containedTypesAtRoots, unclassifiedObjectTypes, unguardedScopedFields } from '@tuopin/testing';
import { describe, expect, it } from 'vitest';
import { makeNotesPlugin } from '../fixtures/notes-plugin.js';

/** The deployment's installed plugins (the root package.json's `tuopin.plugins`). */
const installedPlugins = await loadInstalledPlugins();

/**
 * The scope sweep, structure (issue 10, §1): for the schema of every enabled plugin, and of core
 * alone, every object type has a scope class, and every field that can return an object of an
 * area-scoped type goes through the kernel's guard. What these fields do is checked through HTTP
 * in scope-sweep.test.ts. The kernel also refuses, at build time, a plugin that leaves a type
 * unclassified or gives a scoped type a road the guard cannot check.
 */

const platforms = { 'every installed plugin': buildPlatform({ plugins: [corePlugin, ...installedPlugins] }), 'core alone': buildPlatform({ plugins: [corePlugin] }) };

describe.each(Object.entries(platforms))('the schema of %s', (_name, platform) => {
  const schema = platform.schema;

  it('classifies every object type: area, public, contained or structural', () => {
    expect(unclassifiedObjectTypes(schema)).toEqual([]);
    expect(areaScopedTypes(schema)).toEqual(expect.arrayContaining(['Household', 'Member', 'Project', 'Fund', 'Allocation', 'Disbursement', 'Reversal']));
  });

  it('guards every field that can return an area-scoped object, and every connection of them', () => {
    expect(unguardedScopedFields(schema)).toEqual([]);
  });

  it('gives no query root field and no node() a contained type', () => {
    expect(containedTypesAtRoots(schema)).toEqual([]);
  });
});

describe('the kernel', () => {
  const probe = (registerSchema: (builder: TuopinBuilder) => void): TuopinPlugin => ({ name: 'probe', title: '探针 Probe', entities: [], migrations: [], registerSchema });
  interface Row {
    id: number;
    villageCode: string;
  }

  it('refuses a plugin with an object type that declares no scope', () => {
    const plugin = probe((builder) => {
      const Visit = builder.objectRef<Row>('Visit').implement({ description: '走访 A visit', fields: (t) => ({ villageCode: t.exposeString('villageCode', { description: '村 Village' }) }) });
      builder.objectField('Household', 'visits', (t) => t.field({ type: [Visit], description: '走访 Visits', resolve: () => [] }));
    });
    expect(() => buildPlatform({ plugins: [corePlugin, plugin] })).toThrow(/Object type 'Visit' declares no scope/);
  });

  it('refuses an area-scoped type reached from another object without being a Node', () => {
    const plugin = probe((builder) => {
      const Visit = builder.objectRef<Row>('Visit').implement({
        description: '走访 A visit',
        scope: { area: (visit) => visit.villageCode },
        fields: (t) => ({ villageCode: t.exposeString('villageCode', { description: '村 Village' }) }),
      });
      builder.objectField('Household', 'visits', (t) => t.field({ type: [Visit], description: '走访 Visits', resolve: () => [] }));
    });
    expect(() => buildPlatform({ plugins: [corePlugin, plugin] })).toThrow(/'Visit' is reached by Household.visits but is not a Relay Node/);
  });

  it('refuses a contained type that a query root field returns', () => {
    const plugin = probe((builder) => {
      const Visit = builder.objectRef<Row>('Visit').implement({
        description: '走访 A visit',
        scope: 'contained',
        fields: (t) => ({ villageCode: t.exposeString('villageCode', { description: '村 Village' }) }),
      });
      builder.queryField('visits', (t) => t.field({ type: [Visit], description: '走访 Visits', resolve: () => [] }));
    });
    expect(() => buildPlatform({ plugins: [corePlugin, plugin] })).toThrow(/Contained type 'Visit' is returned by the root field Query.visits/);
  });

  it('does not take a type that a mutation returns and a query reaches for a payload', () => {
    const notes = makeNotesPlugin();
    const undeclared: TuopinPlugin = {
      ...notes,
      registerSchema(builder) {
        const Note = builder.objectRef<{ text: string }>('Note').implement({ description: '记录 A note', fields: (t) => ({ text: t.exposeString('text', { description: '内容 Text' }) }) });
        builder.objectField('Household', 'notes', (t) => t.field({ type: [Note], description: '记录 Notes', resolve: () => [] }));
        builder.mutationField('addNote', (t) => t.field({ type: Note, description: '添加 Add', resolve: () => ({ text: '' }) }));
      },
    };
    expect(() => buildPlatform({ plugins: [corePlugin, undeclared] })).toThrow(/Object type 'Note' declares no scope/);
    expect(() => buildPlatform({ plugins: [corePlugin, notes] })).not.toThrow();
  });
});
