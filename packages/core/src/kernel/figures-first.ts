import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type NamedTypeNode,
  type SelectionSetNode,
} from 'graphql';
import type { TuopinContext } from './context.js';
import type { LoaderSource } from './loader-field.js';
import { isThenable } from './thenable.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the kernel holds every source, whatever its parent, key and figures
type AnySource = LoaderSource<any, unknown, unknown>;
type Field = GraphQLField<unknown, TuopinContext>;
type Resolver = GraphQLFieldResolver<unknown, TuopinContext>;
/** Each object type with figures: its figure fields by name, with the source each reads. */
type FiguresByType = ReadonlyMap<GraphQLNamedType, ReadonlyMap<string, AnySource>>;

/** The extension `loaderFields` puts on each of its fields: the source the field reads its figure from. */
export const LOADER_SOURCE_EXTENSION = 'tuopinLoaderSource';

/** A load that failed, remembered for the fields that read it. */
export class LoadFailed {
  constructor(readonly error: unknown) {}
}

/** Returned by `loadedFirst` for a parent whose figures the fields load themselves. */
export const NOT_LOADED_FIRST: unique symbol = Symbol('not loaded first');

/**
 * What each request loaded before the fields: by source, then parent object — the loaded value,
 * or LoadFailed. Keyed by the request's context first, so a parent object shared between requests
 * never carries one caller's figures to another.
 */
const loadedByRequest = new WeakMap<TuopinContext, Map<AnySource, WeakMap<object, unknown>>>();

/** What this source loaded for this parent before the parent's fields (or LoadFailed), or NOT_LOADED_FIRST. */
export function loadedFirst(ctx: TuopinContext, source: AnySource, parent: unknown): unknown {
  if (typeof parent !== 'object' || parent === null) return NOT_LOADED_FIRST;
  const byParent = loadedByRequest.get(ctx)?.get(source);
  return byParent?.has(parent) ? byParent.get(parent) : NOT_LOADED_FIRST;
}

function loadedOf(ctx: TuopinContext, source: AnySource): WeakMap<object, unknown> {
  let bySource = loadedByRequest.get(ctx);
  if (!bySource) loadedByRequest.set(ctx, (bySource = new Map()));
  let byParent = bySource.get(source);
  if (!byParent) bySource.set(source, (byParent = new WeakMap()));
  return byParent;
}

/**
 * Loads a statistics parent's figures before its fields resolve. Every field that returns an
 * object type with `loaderFields` (a statistics block: RegionStats, FinanceStats, a fund's totals…)
 * — alone or in a list, whoever registered it — gets its resolver wrapped: once its value is
 * there, the sources the selection reads are loaded for each parent object (one batch per source,
 * as the fields would have loaded them), and only then is the value returned; the fields find
 * their figures already loaded (`loadedFirst`) and resolve without waiting.
 *
 * Why: a request that waits on its statement with every figure pending (a province's 35
 * counties × 9 figures) kept a promise and GraphQL's bookkeeping alive per figure, long enough for
 * V8 to promote them (test/bench/README.md, sessions 46 and 47); now one value per parent is
 * pending. The answer, its errors and the statements run stay as they were:
 * - a selection that reads no figure of the type loads nothing (an `asOf` alone runs no statement);
 * - a selection that also reads an object beside the figures (a nested block, as in `stats {
 *   households finance { … } }`, a project's allocations, an area) is left to its fields: waiting
 *   here would run that object's statement only after this one;
 * - a selection under `@skip`/`@include` is left to its fields, which GraphQL evaluates;
 * - a failed load is remembered too, and each field that reads it fails with its error at its
 *   own path, as it did loading for itself.
 * Runs last in `buildPlatform`, outside the scope guard, so that it loads figures only for
 * parents the caller may see.
 */
export function loadFiguresFirst(schema: GraphQLSchema): GraphQLSchema {
  const figures = figuresByType(schema);
  if (figures.size === 0) return schema;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()) as Field[]) {
      const returned = getNullableType(field.type);
      const item = isListType(returned) ? getNullableType(returned.ofType) : returned;
      const parentType = getNamedType(item);
      if (isListType(item) || !isObjectType(parentType) || !figures.has(parentType)) continue;
      field.resolve = resolvingFiguresFirst(field.resolve ?? (defaultFieldResolver as Resolver), parentType, figures);
    }
  }
  return schema;
}

function figuresByType(schema: GraphQLSchema): FiguresByType {
  const byType = new Map<GraphQLNamedType, Map<string, AnySource>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const source = field.extensions[LOADER_SOURCE_EXTENSION] as AnySource | undefined;
      if (!source) continue;
      const fields = byType.get(type) ?? new Map<string, AnySource>();
      fields.set(field.name, source);
      byType.set(type, fields);
    }
  }
  return byType;
}

function resolvingFiguresFirst(resolve: Resolver, parentType: GraphQLObjectType, figures: FiguresByType): Resolver {
  // The same field node is resolved with the same selection every time: worked out once per document.
  const sourcesByNode = new WeakMap<FieldNode, readonly AnySource[]>();
  return (parent, args, ctx, info) => {
    const value = resolve(parent, args, ctx, info);
    const node = info.fieldNodes[0]!;
    let sources = sourcesByNode.get(node);
    if (!sources) sourcesByNode.set(node, (sources = sourcesToLoadFirst(info, parentType, figures)));
    if (sources.length === 0) return value;
    const selected = sources;
    return isThenable(value) ? Promise.resolve(value).then((done) => loadFor(done, selected, ctx)) : loadFor(value, selected, ctx);
  };
}

const isParent = (value: unknown): value is object => typeof value === 'object' && value !== null && !(value instanceof Error);

/** The value, once every source is loaded for each of its parent objects (a list's items, or the value itself). */
function loadFor(value: unknown, sources: readonly AnySource[], ctx: TuopinContext): unknown {
  if (!Array.isArray(value)) {
    if (!isParent(value)) return value;
    // One parent and one source, the usual block: one promise, no Promise.all.
    if (sources.length === 1) return loadInto(ctx, sources[0]!, value).then(() => value);
  }
  const parents = Array.isArray(value) ? value.filter(isParent) : [value as object];
  if (parents.length === 0) return value;
  const loads: Promise<void>[] = [];
  for (const source of sources) for (const parent of parents) loads.push(loadInto(ctx, source, parent));
  return Promise.all(loads).then(() => value);
}

function loadInto(ctx: TuopinContext, source: AnySource, parent: object): Promise<void> {
  const loaded = loadedOf(ctx, source);
  try {
    return source.loader(ctx).load(source.key(parent)).then(
      (figures) => void loaded.set(parent, figures),
      (error: unknown) => void loaded.set(parent, new LoadFailed(error)),
    );
  } catch (error) {
    loaded.set(parent, new LoadFailed(error));
    return Promise.resolve();
  }
}

/** The sources whose figures the selection on `parentType` reads, or none when its fields are better left to load for themselves. */
function sourcesToLoadFirst(info: GraphQLResolveInfo, parentType: GraphQLObjectType, figures: FiguresByType): readonly AnySource[] {
  const own = figures.get(parentType)!;
  const sources = new Set<AnySource>();
  const seenFragments = new Set<string>();
  let leaveToFields = false;
  const visit = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.directives?.length) leaveToFields = true;
      else if (selection.kind === Kind.FIELD) {
        const source = own.get(selection.name.value);
        if (source) sources.add(source);
        // An object beside the figures (a nested block, a page of allocations, an area) may load
        // on its own: waiting for the figures first would start its statement only after theirs.
        else if (selection.selectionSet) leaveToFields = true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(info, selection.typeCondition, parentType)) visit(selection.selectionSet);
      } else if (!seenFragments.has(selection.name.value)) {
        seenFragments.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment && applies(info, fragment.typeCondition, parentType)) visit(fragment.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) visit(node.selectionSet);
  return leaveToFields ? [] : [...sources];
}

/** Whether a fragment's type condition holds for objects of `type` (no condition: it does). */
function applies(info: GraphQLResolveInfo, condition: NamedTypeNode | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition.name.value === type.name) return true;
  const named = info.schema.getType(condition.name.value);
  return named !== undefined && isAbstractType(named) && info.schema.isSubType(named, type);
}
