import type { GraphQLResolveInfo } from 'graphql';
import type { FieldMap, InputFieldMap, InputObjectRef, InputShapeFromFields, ObjectRef } from '@pothos/core';
import type { TuopinBuilder, TuopinObjectTypes, TuopinTypes } from './builder.js';
import type { TuopinContext } from './context.js';
import { IssueCollector, ValidationError } from './errors.js';
import { numericIdOf } from './global-id.js';
import { runWithIdempotencyKey } from './idempotency/idempotent-mutations.js';
import { mutationErrors } from './mutation-errors.js';

/** Input fields that can carry global IDs: ID fields and lists of them (optional or not). */
type IdFieldsOf<Input> = {
  [K in keyof Input]-?: NonNullable<Input[K]> extends string | number | readonly (string | number)[] ? K : never;
}[keyof Input];

/**
 * Which input fields are global IDs, and of which object type: `{ householdId: 'Household' }`. A
 * field that is a list (`householdIds: [ID!]!`) decodes element by element. The type is one some
 * plugin declared (`TuopinObjectTypes`), so a misspelt name fails to compile rather than refusing
 * every ID at run time.
 */
export type GlobalIdDeclarations<Input> = { readonly [K in IdFieldsOf<Input>]?: keyof TuopinObjectTypes & string };

/** A global ID as the resolver receives it: the database id, a list of them, or null when absent. */
type DecodedId<Value> = Value extends readonly unknown[] ? number[] : Value extends null | undefined ? Value : number;

/** The input as `resolve` receives it: each field declared in `ids` decoded to its database id. */
export type DecodedInput<Input, Ids> = { [K in keyof Input]: K extends keyof Ids ? DecodedId<Input[K]> : Input[K] };

/** The options of `defineMutation`; see there. Every description is required and bilingual. */
export interface MutationDefinition<Fields extends InputFieldMap, Ids, Payload extends object> {
  /** The mutation field's description, Chinese first: `'登记资金 Register a fund'`. */
  readonly description: string;
  /** The `<Name>Input` type and the required `input` argument that takes it. */
  readonly input: {
    /** The input type's description. */
    readonly description: string;
    /** The `input` argument's description, e.g. `'资金 The fund'`. */
    readonly argumentDescription: string;
    readonly fields: (t: PothosSchemaTypes.InputFieldBuilder<TuopinTypes, 'InputObject'>) => Fields;
  };
  /**
   * Input fields that are global IDs, by the object type they must name. They reach `resolve`
   * as database ids. IDs of another type, or no global IDs at all, are refused before `resolve`
   * runs, with one `ValidationError` that names each such field (`householdIds[2]` in a list).
   */
  readonly ids?: Ids;
  /**
   * Does the write (through a service) and returns what the payload's fields need, usually the
   * ids written: the payload reads the objects after the write, so a client sees them as stored.
   * A typed error thrown here (or by the service) becomes a member of the result union.
   */
  readonly resolve: (input: DecodedInput<InputShapeFromFields<Fields>, Ids>, ctx: TuopinContext) => Promise<Payload> | Payload;
  /** The `<Name>Payload` type: what `resolve` returned, as fields a client selects. */
  readonly payload: {
    readonly description: string;
    readonly fields: (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, Payload>) => FieldMap;
  };
}

const CJK = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]/;

/** Refuses, when the schema is built, a description that is missing or not in both languages. */
function bilingual(description: string | undefined, where: string): string {
  if (!description || !CJK.test(description) || !LATIN.test(description)) {
    throw new Error(`${where} needs a bilingual description, Chinese first: '登记资金 Register a fund' (got ${JSON.stringify(description)})`);
  }
  return description;
}

/** One global ID's database id; a wrong one joins `issues` (and decodes as 0, never used). */
function databaseId(globalId: string | number, typename: string, field: string, issues: IssueCollector): number {
  try {
    return numericIdOf(globalId, typename, field);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const issue of error.issues) issues.add(issue.field, issue.messageZh, issue.messageEn);
    return 0;
  }
}

/** Replaces the declared global IDs of an input by their database ids, or throws every bad one at once. */
function decodeIds<Input extends object>(input: Input, ids: Readonly<Record<string, string>>): Input {
  const issues = new IssueCollector();
  const decoded: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const [field, typename] of Object.entries(ids)) {
    const value = decoded[field];
    if (value == null) continue;
    if (Array.isArray(value)) decoded[field] = value.map((id, i) => databaseId(id, typename, `${field}[${i}]`, issues));
    else decoded[field] = databaseId(value as string, typename, field, issues);
  }
  issues.throwIfAny();
  return decoded as Input;
}

/**
 * One mutation with its whole shape, in one call: the field `name`, its `<Name>Input` type and
 * required `input` argument, its `<Name>Payload` type, and its `<Name>Result` union of the payload
 * and every typed error (`mutationErrors`). Input fields declared in `ids` arrive in `resolve` as
 * database ids. Every description is required by the types and refused at build when it is not
 * bilingual.
 *
 * Every mutation so defined honours the request's `Idempotency-Key` header (kernel/idempotency/):
 * sent again with its key, it writes nothing and answers from what `resolve` returned the first
 * time, so `resolve` returns plain data (ids) and writes through `inTransaction`.
 *
 * @example
 * ```ts
 * defineMutation(builder, 'createLender', {
 *   description: '登记承贷机构 Register a lender',
 *   input: {
 *     description: '登记贷款机构 A lender to register',
 *     argumentDescription: '贷款机构 The lender',
 *     fields: (t) => ({ name: t.string({ required: true, description: '机构名称 Name' }), … }),
 *   },
 *   resolve: async (input, ctx) => ({ lenderId: await createLender(ctx, input) }),
 *   payload: {
 *     description: '贷款机构已登记 The registered lender',
 *     fields: (t) => ({ lender: t.field({ type: Lender, description: '贷款机构 The lender', resolve: (p, _args, ctx) => … }) }),
 *   },
 * });
 * ```
 *
 * Pothos's `relayMutationField` builds the same input/payload pair, but it gives every `input`
 * argument one description (`relay.mutationInputArgOptions`), knows nothing of typed errors or of
 * decoding ids into a field-named error, and adds `clientMutationId` bookkeeping tuopin omits.
 */
export function defineMutation<Fields extends InputFieldMap, const Ids extends GlobalIdDeclarations<InputShapeFromFields<Fields>> = {}, Payload extends object = object>(
  builder: TuopinBuilder,
  name: string,
  definition: MutationDefinition<Fields, Ids, Payload>,
): { input: InputObjectRef<TuopinTypes, InputShapeFromFields<Fields>>; payload: ObjectRef<TuopinTypes, Payload> } {
  const typeName = `${name[0].toUpperCase()}${name.slice(1)}`;
  const { input, payload } = definition;
  const ids = (definition.ids ?? {}) as Readonly<Record<string, string>>;

  const inputRef = builder.inputType(`${typeName}Input`, {
    description: bilingual(input.description, `${typeName}Input`),
    fields: (t) => {
      const fields = input.fields(t);
      for (const field of Object.keys(ids)) {
        if (!(field in fields)) throw new Error(`${name}: ids names '${field}', which is not a field of ${typeName}Input`);
      }
      return fields;
    },
  });
  const payloadRef = builder.objectRef<Payload>(`${typeName}Payload`);
  builder.objectType(payloadRef, { description: bilingual(payload.description, `${typeName}Payload`), fields: payload.fields as never });

  builder.mutationField(name, (t) =>
    t.field({
      type: payloadRef,
      errors: mutationErrors(name),
      description: bilingual(definition.description, `Mutation.${name}`),
      args: { input: t.arg({ type: inputRef, required: true, description: bilingual(input.argumentDescription, `Mutation.${name}(input)`) }) },
      // Under the request's Idempotency-Key, if any: run once, answered again from the first run.
      resolve: (_root: unknown, args: { input: object }, ctx: TuopinContext, info: GraphQLResolveInfo) =>
        runWithIdempotencyKey(ctx, info, () => definition.resolve(decodeIds(args.input, ids) as never, ctx)),
    } as never),
  );
  return { input: inputRef as never, payload: payloadRef };
}
