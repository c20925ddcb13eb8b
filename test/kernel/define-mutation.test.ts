import { buildPlatform, corePlugin, defineMutation, type TuopinBuilder, type TuopinPlugin } from '@tuopin/core';
import { createTestServer, documentOf, type TestServer } from '@tuopin/testing';
import { getNamedType, isNonNullType, isUnionType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId } from '../fixtures/households.js';

/** A plugin with one mutation, `logVisit`, defined by `defineMutation` with the given changes. */
function visitPlugin(change: (definition: any) => any = (d) => d): TuopinPlugin {
  return {
    name: 'visits',
    title: '走访 Visits (test fixture)',
    entities: [],
    migrations: [],
    registerSchema(builder: TuopinBuilder) {
      defineMutation(
        builder,
        'logVisit',
        change({
          description: '记录走访 Log a visit',
          input: {
            description: '走访 A visit',
            argumentDescription: '走访 The visit',
            fields: (t: any) => ({
              householdId: t.id({ required: true, description: '户全局 ID Household global ID' }),
              memberIds: t.idList({ description: '在场成员 Members present' }),
            }),
          },
          ids: { householdId: 'Household', memberIds: 'Member' },
          resolve: (input: unknown) => input,
          payload: {
            description: '走访已记录 The visit logged',
            fields: (t: any) => ({ householdId: t.exposeInt('householdId', { description: '户 ID Household id' }) }),
          },
        }),
      );
    },
  };
}

/** Never called: it only has to compile (`pnpm typecheck`), or fail to where it says so. */
export function typeErrorsThatMustStay(builder: TuopinBuilder): void {
  defineMutation(builder, 'logVisit', {
    description: '记录走访 Log a visit',
    input: { description: '走访 A visit', argumentDescription: '走访 The visit', fields: (t) => ({ householdId: t.id({ required: true, description: '户 Household' }) }) },
    ids: {
      // @ts-expect-error: no plugin declares a type 'Househod', so every ID would be refused at run time
      householdId: 'Househod',
    },
    resolve: () => ({ logged: true }),
    payload: { description: '走访已记录 The visit logged', fields: (t) => ({ logged: t.exposeBoolean('logged', { description: '已记录 Logged' }) }) },
  });
}

describe('defineMutation, when the schema is built', () => {
  it('names the input, payload and result union after the mutation, with every typed error in the union', () => {
    const { schema } = buildPlatform({ plugins: [corePlugin, visitPlugin()] });
    const field = schema.getMutationType()!.getFields().logVisit;
    expect(field.description).toBe('记录走访 Log a visit');
    expect(field.args.map((arg) => [arg.name, String(arg.type), arg.description])).toEqual([['input', 'LogVisitInput!', '走访 The visit']]);
    const result = getNamedType(field.type);
    expect(isNonNullType(field.type) && isUnionType(result)).toBe(true);
    expect(result.name).toBe('LogVisitResult');
    expect(isUnionType(result) && result.getTypes().map((type) => type.name).sort()).toEqual([
      'ConflictError',
      'ForbiddenError',
      'LogVisitPayload',
      'NotFoundError',
      'RuleViolationError',
      'ValidationError',
    ]);
  });

  it.each([
    ['the mutation', (d: any) => ({ ...d, description: 'Log a visit' }), 'Mutation.logVisit needs a bilingual description'],
    ['the input type', (d: any) => ({ ...d, input: { ...d.input, description: '走访' } }), 'LogVisitInput needs a bilingual description'],
    ['the input argument', (d: any) => ({ ...d, input: { ...d.input, argumentDescription: '' } }), 'Mutation.logVisit(input) needs a bilingual description'],
    ['the payload', (d: any) => ({ ...d, payload: { ...d.payload, description: undefined } }), 'LogVisitPayload needs a bilingual description'],
  ])('refuses a description of %s that is not in Chinese and English', (_what, change, message) => {
    expect(() => buildPlatform({ plugins: [corePlugin, visitPlugin(change)] })).toThrowError(message);
  });

  it('needs a description, by its types and when the schema is built', () => {
    const plugin = visitPlugin();
    const register = (builder: TuopinBuilder) =>
      // @ts-expect-error: the mutation has no description.
      defineMutation(builder, 'logVisit', {
        input: { description: '走访 A visit', argumentDescription: '走访 The visit', fields: (t) => ({ note: t.string({ description: '备注 Note' }) }) },
        resolve: () => ({ logged: true }),
        payload: { description: '走访已记录 The visit logged', fields: (t) => ({ logged: t.exposeBoolean('logged', { description: '已记录 Logged' }) }) },
      });
    expect(() => buildPlatform({ plugins: [corePlugin, { ...plugin, registerSchema: register }] })).toThrowError('Mutation.logVisit needs a bilingual description');
  });

  it('refuses ids that name a field the input does not have', () => {
    const plugin = visitPlugin((d: any) => ({ ...d, ids: { ...d.ids, villageId: 'Village' } }));
    expect(() => buildPlatform({ plugins: [corePlugin, plugin] })).toThrowError("logVisit: ids names 'villageId', which is not a field of LogVisitInput");
  });
});

describe('defineMutation, when a mutation runs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer();
  });
  afterAll(() => server.close());

  const CHANGE_HEAD = documentOf(`mutation($input: ChangeHouseholdHeadInput!) { changeHouseholdHead(input: $input) {
    __typename ... on ValidationError { field issues { field messageZh messageEn } } } }`);
  const LINK = documentOf(`mutation($input: LinkProjectBeneficiariesInput!) { linkProjectBeneficiaries(input: $input) {
    __typename ... on ValidationError { field issues { field } } } }`);

  it('names every global ID that is not of its declared type in one typed error, before any write', async () => {
    let result: any;
    const { statements } = await server.countStatements(async () => {
      result = await server.execute(CHANGE_HEAD, {
        input: { householdId: globalId('Member', 1), newHeadId: 'not-an-id', formerHeadRelation: 'SPOUSE' },
      });
    });
    // Refused before `resolve` runs: not a read, let alone a write, reaches the database.
    expect(statements).toEqual([]);
    expect(result.errors).toBeUndefined();
    expect(result.data.changeHouseholdHead).toEqual({
      __typename: 'ValidationError',
      field: 'householdId',
      issues: [
        { field: 'householdId', messageZh: '不是有效的 Household ID', messageEn: 'This is not a valid Household ID' },
        { field: 'newHeadId', messageZh: '不是有效的 Member ID', messageEn: 'This is not a valid Member ID' },
      ],
    });
  });

  it('names a bad element of a list of global IDs by its index', async () => {
    const result = await server.execute(LINK, {
      input: { projectId: globalId('Project', 1), householdIds: [globalId('Household', 1), globalId('Project', 2), globalId('Household', 3)] },
    });
    expect(result.data.linkProjectBeneficiaries).toEqual({ __typename: 'ValidationError', field: 'householdIds[1]', issues: [{ field: 'householdIds[1]' }] });
  });
});
