import { buildPlatform, corePlugin, PluginConfigurationError, type TuopinPlugin } from '@tuopin/core';
import { createTestServer, documentOf, mustSucceed, TEST_REGISTRAR, type TestServer } from '@tuopin/testing';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, insertAreas } from '../fixtures/areas.js';
import { registrationInput } from '../fixtures/households.js';
import { makeNotesPlugin } from '../fixtures/notes-plugin.js';
import { RegisterHousehold } from '../fixtures/operations.js';
import { CALLERS } from '../fixtures/principals.js';

/**
 * A type's own `authScopes` (Household and Member need `core.registry.read`) are checked by the
 * kernel's object guard once per object, at the field that returns it (kernel/type-access.ts),
 * not by scope-auth on each of the object's fields: an NGO partner whose area holds the household
 * still cannot read it by any path, not even its type name, and the leaves of a permitted object
 * are plain property reads.
 */

/**
 * The notes plugin with two fields that check nothing of their own beyond a permission every
 * partner holds, and return households they make up in the partner's own county, as a plugin
 * author's careless SQL might: no loader refuses them, so only the guard stands between them and
 * a partner. An id of 0 is a household that does not exist; `OUTSIDE` one in 辽宁, outside the partner's county.
 */
const OUTSIDE = 7;
function uncheckedHouseholdsPlugin(): TuopinPlugin {
  const base = makeNotesPlugin();
  return {
    ...base,
    registerSchema(builder) {
      base.registerSchema(builder);
      // Only the columns the test selects; typed as the entity, as a careless plugin's rows would be.
      const villageOf = (id: number) => (id === OUTSIDE ? AREAS.dalaoyemiao : AREAS.villageA);
      const load = (id: number) => (id === 0 ? null : ({ id, householdNo: `${villageOf(id)}${id}`, villageCode: villageOf(id) } as never));
      builder.queryFields((t) => ({
        notesHousehold: t.field({
          type: 'Household', nullable: true, description: '户 A household', authScopes: { permission: 'core.projects.read' },
          args: { id: t.arg.int({ required: true, description: '编号 Id' }) },
          resolve: (_root, { id }) => load(id),
        }),
        notesHouseholds: t.field({
          type: ['Household'], nullable: { list: false, items: true }, description: '户 Households', authScopes: { permission: 'core.projects.read' },
          args: { ids: t.arg.intList({ required: true, description: '编号 Ids' }) },
          resolve: (_root, { ids }) => ids.map(load),
        }),
      }));
    },
  };
}

const Unchecked = documentOf(`query($id: Int!) { notesHousehold(id: $id) { __typename householdNo } }`);
const TypeNameOnly = documentOf(`query($id: Int!) { notesHousehold(id: $id) { __typename } }`);
const UncheckedList = documentOf(`query($ids: [Int!]!) { notesHouseholds(ids: $ids) { householdNo } }`);

const Members = documentOf(`query($id: ID!) { household(id: $id) { householdNo members { name relationToHead } } }`);

let server: TestServer;
let registered: { id: string; householdNo: string };
const householdId = 9001;

beforeAll(async () => {
  server = await createTestServer({ plugins: [uncheckedHouseholdsPlugin()] });
  await insertAreas(server);
  const input = registrationInput({ villageCode: AREAS.villageA, householdNo: `${AREAS.villageA}9001` });
  registered = { id: mustSucceed(await server.execute(RegisterHousehold, { input }, { principal: TEST_REGISTRAR })).household.id, householdNo: input.householdNo };
});
afterAll(() => server.close());

describe('a type that needs a permission', () => {
  it('is read by a caller who holds it, members and all', async () => {
    expect(mustSucceed(await server.execute(Unchecked, { id: householdId }, { principal: CALLERS.baojingOfficer }))).toEqual({
      __typename: 'Household',
      householdNo: `${AREAS.villageA}9001`,
    });
    const read = await server.execute(Members, { id: registered.id }, { principal: CALLERS.baojingOfficer });
    expect(read.errors).toBeUndefined();
    const household = read.data!.household;
    expect(household.householdNo).toBe(registered.householdNo);
    expect(household.members.map((m: { relationToHead: string }) => m.relationToHead)).toContain('HEAD');
    expect(household.members.every((m: { name: string }) => m.name.length > 0)).toBe(true);
  });

  it('is refused, at the object, to a partner whose area holds it but whose role lacks the permission', async () => {
    for (const document of [Unchecked, TypeNameOnly]) {
      const result = await server.execute(document, { id: householdId }, { principal: CALLERS.baojingNgo });
      expect(result.data?.notesHousehold).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]).toMatchObject({ path: ['notesHousehold'], extensions: { code: 'FORBIDDEN' } });
    }
  });

  it('outside the caller\'s area is null without an error, as one that does not exist: the refusal tells nothing more', async () => {
    const outside = await server.execute(UncheckedList, { ids: [0, OUTSIDE] }, { principal: CALLERS.baojingNgo });
    expect(outside.errors).toBeUndefined();
    expect(outside.data!.notesHouseholds).toEqual([null, null]);
    const single = await server.execute(TypeNameOnly, { id: OUTSIDE }, { principal: CALLERS.baojingNgo });
    expect(single.errors).toBeUndefined();
    expect(single.data!.notesHousehold).toBeNull();
  });

  it('is refused in a list at its own position, the others kept', async () => {
    const result = await server.execute(UncheckedList, { ids: [0, householdId] }, { principal: CALLERS.baojingNgo });
    expect(result.data?.notesHouseholds).toEqual([null, null]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({ path: ['notesHouseholds', 1], extensions: { code: 'FORBIDDEN' } });
    // The officer gets the one that exists.
    const officer = await server.execute(UncheckedList, { ids: [0, householdId] }, { principal: CALLERS.baojingOfficer });
    expect(officer.errors).toBeUndefined();
    expect(officer.data!.notesHouseholds).toEqual([null, { householdNo: `${AREAS.villageA}9001` }]);
  });

  it('leaves its plain fields without a resolver, and guards every field that returns it', () => {
    const { schema } = buildPlatform({ plugins: [corePlugin] });
    const member = schema.getType('Member');
    const household = schema.getType('Household');
    if (!isObjectType(member) || !isObjectType(household)) throw new Error('Member and Household are object types');
    // Read by graphql-jit as properties: no per-field resolver, scope step or resolve info.
    expect(member.getFields().name.resolve).toBeUndefined();
    expect(member.getFields().relationToHead.resolve).toBeUndefined();
    expect(household.getFields().householdNo.resolve).toBeUndefined();
    expect(household.getFields().members.extensions.tuopinScopeGuard).toBe('list');
    expect(schema.getQueryType()!.getFields().node.extensions.tuopinScopeGuard).toBe('single');
  });
});

describe('type-level scopes a plugin declares', () => {
  const refusal = (authScopes: unknown) => {
    const base = makeNotesPlugin();
    const plugin: TuopinPlugin = {
      ...base,
      registerSchema(builder) {
        base.registerSchema(builder);
        const Visit = builder.objectRef<{ id: number }>('NotesVisit').implement({
          description: '走访 A visit',
          scope: 'public',
          authScopes: authScopes as never,
          fields: (t) => ({ id: t.exposeInt('id', { description: '编号 Id' }) }),
        });
        builder.queryField('notesVisit', (t) => t.field({ type: Visit, description: '走访 A visit', authScopes: { permission: 'core.registry.read' }, resolve: () => ({ id: 1 }) }));
      },
    };
    try {
      buildPlatform({ plugins: [corePlugin, plugin] });
    } catch (error) {
      expect(error).toBeInstanceOf(PluginConfigurationError);
      return (error as Error).message;
    }
    return 'accepted';
  };

  it('are refused when they name a scope the builder does not define, which nothing would check', () => {
    expect(refusal({ visitor: true })).toContain("NotesVisit: 'visitor' is not a scope of tuopin's builder (permission, $any, $all)");
    expect(refusal({ $any: { permission: 'core.registry.read', loggedIn: true } })).toContain("'loggedIn' is not a scope");
  });

  it('are accepted as a permission, nested in $any or $all, or as a function of the object', () => {
    expect(refusal({ permission: 'core.registry.read' })).toBe('accepted');
    expect(refusal({ $all: { permission: 'core.registry.read' } })).toBe('accepted');
    expect(refusal(() => true)).toBe('accepted');
  });
});
