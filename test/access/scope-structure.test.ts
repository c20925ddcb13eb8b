import { buildPlatform, classifyObjectTypes, SCOPE_GUARD_EXTENSION, type TuopinBuilder, type TuopinPlugin } from '@tuopin/core';
import { loadInstalledPlugins } from '@tuopin/server';
import { getNamedType, isAbstractType, isListType, getNullableType, isObjectType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
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

const platforms = { 'every installed plugin': buildPlatform({ plugins: installedPlugins }), 'core alone': buildPlatform({ plugins: [] }) };

const isConnection = (type: GraphQLNamedType) => isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
const isEdge = (type: GraphQLNamedType) => isObjectType(type) && 'node' in type.getFields() && 'cursor' in type.getFields();

/** The concrete types a named type stands for. */
function concrete(schema: GraphQLSchema, type: GraphQLNamedType): readonly GraphQLObjectType[] {
  return isObjectType(type) ? [type] : isAbstractType(type) ? schema.getPossibleTypes(type) : [];
}

describe.each(Object.entries(platforms))('the schema of %s', (_name, platform) => {
  const schema = platform.schema;
  const classes = classifyObjectTypes(schema);
  const objectTypes = Object.values(schema.getTypeMap()).filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'));
  const isArea = (type: GraphQLObjectType) => classes.get(type.name)?.scopeClass === 'area';

  it('classifies every object type: area, public, contained or structural', () => {
    expect(objectTypes.filter((type) => !classes.has(type.name)).map((type) => type.name)).toEqual([]);
    const areaTypes = objectTypes.filter(isArea).map((type) => type.name);
    expect(areaTypes).toEqual(expect.arrayContaining(['Household', 'Member', 'Project', 'Fund', 'Allocation', 'Disbursement', 'Reversal']));
  });

  it('guards every field that can return an area-scoped object, and every connection of them', () => {
    const unguarded: string[] = [];
    for (const type of objectTypes) {
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        const guard = field.extensions?.[SCOPE_GUARD_EXTENSION];
        if (isEdge(named) && concrete(schema, getNamedType((named as GraphQLObjectType).getFields().node.type)).some(isArea)) {
          if (guard !== 'edges' || !isListType(getNullableType(field.type))) unguarded.push(`${type.name}.${field.name} (edges)`);
        } else if (!isConnection(named) && concrete(schema, named).some(isArea) && guard !== 'single' && guard !== 'list') {
          unguarded.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(unguarded).toEqual([]);
  });

  it('gives no query root field and no node() a contained type', () => {
    const contained = new Set(objectTypes.filter((type) => classes.get(type.name)?.scopeClass === 'contained').map((type) => type.name));
    const roots = Object.values(schema.getQueryType()!.getFields()).flatMap((field) => {
      const named = getNamedType(field.type);
      const target = isConnection(named) ? getNamedType((getNamedType((named as GraphQLObjectType).getFields().edges.type) as GraphQLObjectType).getFields().node.type) : named;
      return concrete(schema, target).filter((type) => contained.has(type.name)).map((type) => `Query.${field.name} → ${type.name}`);
    });
    expect(roots).toEqual([]);
    expect(concrete(schema, schema.getType('Node')!).filter((type) => contained.has(type.name)).map((type) => type.name)).toEqual([]);
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
    expect(() => buildPlatform({ plugins: [plugin] })).toThrow(/Object type 'Visit' declares no scope/);
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
    expect(() => buildPlatform({ plugins: [plugin] })).toThrow(/'Visit' is reached by Household.visits but is not a Relay Node/);
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
    expect(() => buildPlatform({ plugins: [plugin] })).toThrow(/Contained type 'Visit' is returned by the root field Query.visits/);
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
    expect(() => buildPlatform({ plugins: [undeclared] })).toThrow(/Object type 'Note' declares no scope/);
    expect(() => buildPlatform({ plugins: [notes] })).not.toThrow();
  });
});
