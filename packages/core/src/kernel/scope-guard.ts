import {
  defaultFieldResolver,
  defaultTypeResolver,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { canSeeObject } from './access.js';
import type { ObjectScope } from './access.js';
import type { TuopinContext } from './context.js';
import { ForbiddenError } from './errors.js';
import { PluginConfigurationError } from './plugin.js';
import { classifyObjectTypes, scopeDeclarationProblems, type TypeScope } from './scope-classes.js';
import { allObjectFields, edgeNodeType, isEdgeType } from './schema-shapes.js';
import { isThenable } from './thenable.js';
import { checkTypeScopes, notPermitted, typeAccessOf } from './type-access.js';

/**
 * The kernel's object-level guard. After the schema is built, every field that can return an
 * object of an area-scoped type, or of a type with its own `authScopes` — directly, in a list,
 * through an interface or a union, or as the nodes of a connection's edges — gets its resolver
 * wrapped: the value it produced is checked, whatever loaded it.
 * - The caller's area scope and grants first (`canSeeObject`): an object outside the scope
 *   becomes null on a nullable field, is dropped from a list (or becomes null where list items
 *   are nullable, as in `nodes`, so positions hold), and raises the typed ForbiddenError on a
 *   non-null field.
 * - Then the type's own scopes (`type-access.ts`): an object in scope that the caller's role may
 *   not read is replaced by the typed ForbiddenError, which GraphQL reports at the object's path
 *   (null where it may be null, else the error bubbles up), as scope-auth reported it on each of
 *   its fields.
 * Root fields, `node`/`nodes`, nested fields and mutation payloads are all just fields, so a
 * plugin's types are covered by declaring their `scope` and `authScopes` and nothing else.
 *
 * The checks are a permission lookup and a prefix test per object on codes the object already
 * carries: no SQL.
 */

/** Shown, hidden by the area scope, or refused by the type's own scopes. */
type Verdict = boolean | ForbiddenError;
type Visibility = (value: unknown, ctx: TuopinContext, info: GraphQLResolveInfo) => Verdict | Promise<Verdict>;

/** How one field's value is checked; recorded in the field's extensions for the scope sweep. */
export type GuardShape = 'single' | 'list' | 'edges';

interface GuardPlan {
  readonly shape: GuardShape;
  /** The field itself is non-null: an object out of scope is an error, not a null. */
  readonly nonNull: boolean;
  /** List items are non-null: an object out of scope is dropped, not replaced by null. */
  readonly itemNonNull: boolean;
  readonly visible: Visibility;
}

/** The extension key marking a guarded field, with its shape as value. */
export const SCOPE_GUARD_EXTENSION = 'tuopinScopeGuard';

function then<T, R>(value: T | PromiseLike<T>, next: (value: T) => R): R | Promise<R> {
  return isThenable(value) ? Promise.resolve(value).then(next) : next(value);
}

function outOfScope(): ForbiddenError {
  return new ForbiddenError(null, '该对象不在您的管辖范围内', 'This object lies outside your area scope');
}

/** The checks of one object type's values, or null when it has neither an area scope nor scopes of its own. */
function objectVisibility(classes: ReadonlyMap<string, TypeScope>, type: GraphQLObjectType): Visibility | null {
  const scope = classes.get(type.name);
  const inArea = scope?.area ? (value: unknown, ctx: TuopinContext) => canSeeObject(ctx.principal, scope as ObjectScope, value) : null;
  const permitted = typeAccessOf(type);
  if (!permitted) return inArea;
  // The area first: an object outside it is hidden as if it did not exist, whatever the caller's
  // role; only one inside it can be refused, so the refusal tells nothing a null would not.
  const verdict = (allowed: boolean): Verdict => allowed || notPermitted();
  return (value, ctx) => {
    if (inArea && !inArea(value, ctx)) return false;
    const allowed = permitted(value, ctx);
    return isThenable(allowed) ? Promise.resolve(allowed).then(verdict) : verdict(allowed);
  };
}

/** The checks of values of a named type, or null when no value of it is checked. */
function visibilityOf(schema: GraphQLSchema, classes: ReadonlyMap<string, TypeScope>, named: GraphQLNamedType): Visibility | null {
  if (isObjectType(named)) return objectVisibility(classes, named);
  if (!isAbstractType(named)) return null;
  const byType = new Map(schema.getPossibleTypes(named).flatMap((type) => {
    const visible = objectVisibility(classes, type);
    return visible ? [[type.name, visible] as const] : [];
  }));
  if (byType.size === 0) return null;
  const resolveType = named.resolveType ?? defaultTypeResolver;
  // The concrete type decides, found as execution will find it; an object whose type cannot be
  // told is not shown.
  return (value, ctx, info) =>
    then(resolveType(value, ctx, info, named), (name) => {
      if (typeof name !== 'string') return false;
      const visible = byType.get(name);
      return visible ? visible(value, ctx, info) : true;
    }) as Verdict | Promise<Verdict>;
}

function planFor(schema: GraphQLSchema, classes: ReadonlyMap<string, TypeScope>, field: GraphQLField<unknown, unknown>): GuardPlan | null {
  const nonNull = isNonNullType(field.type);
  const type = getNullableType(field.type);
  if (!isListType(type)) {
    const visible = visibilityOf(schema, classes, getNamedType(type));
    return visible && { shape: 'single', nonNull, itemNonNull: false, visible };
  }
  const item = getNullableType(type.ofType);
  const named = getNamedType(item);
  if (isListType(item)) {
    if (visibilityOf(schema, classes, named)) {
      throw new PluginConfigurationError(`Field ${field.name} returns nested lists of an area-scoped type, which the scope guard does not support`);
    }
    return null;
  }
  if (isEdgeType(named)) {
    const visible = visibilityOf(schema, classes, edgeNodeType(named as GraphQLObjectType));
    return visible && { shape: 'edges', nonNull, itemNonNull: true, visible };
  }
  const visible = visibilityOf(schema, classes, named);
  return visible && { shape: 'list', nonNull, itemNonNull: isNonNullType(type.ofType), visible };
}

// The checks run for every object a page returns: their synchronous paths make no closures.

/** What a single-object field shows for its object's verdict. */
function shownOne(plan: GuardPlan, value: unknown, verdict: Verdict): unknown {
  if (verdict instanceof Error) throw verdict;
  if (verdict) return value;
  if (plan.nonNull) throw outOfScope();
  return null;
}

function checkOne(plan: GuardPlan, value: unknown, ctx: TuopinContext, info: GraphQLResolveInfo): unknown {
  if (value instanceof Error) return value;
  if (value == null) {
    // A non-null reference that loaded nothing is a scope refusal too, never an internal error.
    if (plan.nonNull) throw outOfScope();
    return value;
  }
  const verdict = plan.visible(value, ctx, info);
  return isThenable(verdict) ? Promise.resolve(verdict).then((done) => shownOne(plan, value, done)) : shownOne(plan, value, verdict);
}

const nodeOf = (edge: unknown) => (edge as { node?: unknown } | null)?.node;

/**
 * What a list shows for its items' verdicts: a hidden item is left out (or null where items may
 * be null, so positions hold); a refused one stays in its place as its error, which GraphQL
 * reports at the item's path.
 */
function shownMany(plan: GuardPlan, items: readonly unknown[], subjects: readonly unknown[], verdicts: readonly Verdict[]): unknown[] {
  const shown: unknown[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const verdict = verdicts[i];
    if (verdict instanceof Error) shown.push(verdict);
    else if (verdict) shown.push(plan.shape === 'edges' ? items[i] : subjects[i]);
    else if (!plan.itemNonNull) shown.push(null);
  }
  return shown;
}

function judgeMany(plan: GuardPlan, items: readonly unknown[], subjects: readonly unknown[], ctx: TuopinContext, info: GraphQLResolveInfo): unknown {
  const verdicts: (Verdict | Promise<Verdict>)[] = [];
  let pending = false;
  for (const subject of subjects) {
    const verdict = subject == null || subject instanceof Error ? true : plan.visible(subject, ctx, info);
    if (isThenable(verdict)) pending = true;
    verdicts.push(verdict);
  }
  return pending ? Promise.all(verdicts).then((done) => shownMany(plan, items, subjects, done)) : shownMany(plan, items, subjects, verdicts as Verdict[]);
}

function checkMany(plan: GuardPlan, value: unknown, ctx: TuopinContext, info: GraphQLResolveInfo): unknown {
  if (value == null || value instanceof Error) return value;
  const items = Array.isArray(value) ? value : Array.from(value as Iterable<unknown>);
  const subjects = plan.shape === 'edges' ? items.map(nodeOf) : items;
  return subjects.some(isThenable)
    ? Promise.all(subjects).then((resolved) => judgeMany(plan, items, resolved, ctx, info))
    : judgeMany(plan, items, subjects, ctx, info);
}

function guardResolver(plan: GuardPlan, resolve: GraphQLFieldResolver<unknown, TuopinContext>): GraphQLFieldResolver<unknown, TuopinContext> {
  const check = plan.shape === 'single' ? checkOne : checkMany;
  return (source, args, ctx, info) => {
    const value = resolve(source, args, ctx, info);
    return isThenable(value) ? Promise.resolve(value).then((done) => check(plan, done, ctx, info)) : check(plan, value, ctx, info);
  };
}

/**
 * Checks the schema's scope declarations (PluginConfigurationError naming every problem) and
 * wraps every field that can return an area-scoped object, or one of a type with its own scopes, with the guard. Returns the schema.
 */
export function guardObjectScope(schema: GraphQLSchema): GraphQLSchema {
  checkTypeScopes(schema);
  const classes = classifyObjectTypes(schema);
  const problems = scopeDeclarationProblems(schema, classes);
  if (problems.length > 0) {
    throw new PluginConfigurationError(`Object-level scope is not declared correctly:\n- ${problems.join('\n- ')}`);
  }
  for (const { field } of allObjectFields(schema)) {
    const plan = planFor(schema, classes, field);
    if (!plan) continue;
    field.resolve = guardResolver(plan, (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, TuopinContext>) as GraphQLFieldResolver<unknown, unknown>;
    field.extensions = { ...field.extensions, [SCOPE_GUARD_EXTENSION]: plan.shape };
  }
  return schema;
}
