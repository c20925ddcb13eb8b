import type { SchemaTypes } from '@pothos/core';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { LimitExceededError } from './errors.js';
import type { QueryLimits } from './settings.js';

/**
 * What a query costs, estimated before it runs (the complexity plugin's measure): each field 1,
 * lists ×10, a connection × its page size, and a statistics block — a field that returns a type
 * declared `statisticsBlocks` (core's `RegionStats`) or one of the blocks plugins add to such a
 * type — the weight of the SQL behind it. The
 * per-request limit (`queryLimits.complexity`) and the per-caller budget per minute
 * (`limits.costPerMinute`) are both counted in this measure.
 */

declare global {
  export namespace PothosSchemaTypes {
    export interface ObjectTypeOptions<Types extends SchemaTypes, Shape> {
      /**
       * 统计块容器 Set on a type of statistics of an area: a field returning it, and each
       * object-typed field on it (a plugin's block), costs `STATISTICS_BLOCK_COMPLEXITY`.
       */
      statisticsBlocks?: true;
    }
  }
}

/** The types of a built schema declared `statisticsBlocks`. */
function statisticsTypes(schema: GraphQLSchema): Set<GraphQLObjectType> {
  const declared = (type: GraphQLNamedType) => (type.extensions?.pothosOptions as { statisticsBlocks?: true } | undefined)?.statisticsBlocks === true;
  return new Set(Object.values(schema.getTypeMap()).filter((type): type is GraphQLObjectType => isObjectType(type) && declared(type)));
}

/** The weight of one statistics block of one area: a statement over the area's subtree. */
export const STATISTICS_BLOCK_COMPLEXITY = 20;

/** A connection multiplies what it holds by the page asked for (or the default page), not by a guess. */
export function connectionComplexity(args: { first?: number | null; last?: number | null }, defaultPageSize: number) {
  return { field: 1, multiplier: args.first ?? args.last ?? defaultPageSize };
}

/** `edges` is the page itself: its connection field has multiplied already. */
export const EDGES_COMPLEXITY = { field: 1, multiplier: 1 };

/**
 * Gives every statistics block of a built schema its weight, core's and every plugin's alike:
 * the fields returning a type declared `statisticsBlocks` (core's `stats`, of type `RegionStats`)
 * and each object-typed field of such a type. Applied by
 * the kernel after the schema is built, so that a plugin's block cannot be left at 1.
 */
export function weighStatistics(schema: GraphQLSchema): GraphQLSchema {
  const stats = statisticsTypes(schema);
  if (stats.size === 0) return schema;
  for (const type of Object.values(schema.getTypeMap())) {
    if ((!isObjectType(type) && !isInterfaceType(type)) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const single = !isListType(getNullableType(field.type));
      const block = single && (stats.has(named as GraphQLObjectType) || (stats.has(type as GraphQLObjectType) && isObjectType(named)));
      if (!block) continue;
      const declared = field.extensions.complexity as number | { field?: number } | ((...args: unknown[]) => unknown) | undefined;
      if (typeof declared === 'function') continue; // the block computes its own weight
      const own = typeof declared === 'number' ? declared : (declared?.field ?? 1);
      (field as { extensions: Record<string, unknown> }).extensions = { ...field.extensions, complexity: Math.max(own, STATISTICS_BLOCK_COMPLEXITY) };
    }
  }
  return schema;
}

/** What an operation costs and how large it is: the measures the per-request limits are checked against. */
export interface OperationCost {
  /** The estimated cost (`queryLimits.complexity`, and what the per-caller budget is charged). */
  complexity: number;
  /** The deepest field (`queryLimits.depth`). */
  depth: number;
  /** Fields selected, counted once per selection (`queryLimits.breadth`). */
  breadth: number;
}

/**
 * The cost of the operation a request runs (the one named, or the only one), or null when it
 * cannot be estimated (no such operation, or variables that do not fit; execution says why).
 *
 * Computed once per parsed document and schema, and again only for other values of the variables
 * the cost depends on: those that reach the arguments of a field whose complexity is a function
 * (a connection's `first`, the ids of `nodes`). yoga hands every request that sends the same text
 * the same document object, so most requests find their cost here without a walk. This relies on
 * a field's complexity depending on its arguments alone, never on the caller: complexity
 * functions get no context.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): OperationCost | null {
  let perSchema = costCache.get(document);
  if (!perSchema) costCache.set(document, (perSchema = new WeakMap()));
  let operations = perSchema.get(schema);
  if (!operations) perSchema.set(schema, (operations = new Map()));
  const name = operationName ?? '';
  let entry = operations.get(name);
  if (!entry) {
    // The operation name is the client's: only names the document defines are remembered, so
    // that one cached document sent with ever other names does not grow the cache without end.
    const made = costEntry(schema, document, operationName);
    if (!made) return null;
    operations.set(name, (entry = made));
  }
  const key = entry.costVariables.length === 0 ? '' : JSON.stringify(entry.costVariables.map((v) => (v in variables ? variables[v] : ABSENT)));
  const known = entry.byValues.get(key);
  if (known !== undefined) return known;
  const cost = computeCost(schema, entry.operation, entry.fragments, variables);
  // A long key (the ids of `nodes`) is not kept: 256 of them per cached document would hold
  // hundreds of request bodies; such a cost is computed again, which is the walk it saves.
  if (key.length > MAX_COST_KEY_LENGTH) return cost;
  // A client that sends ever other page sizes must not grow the cache without end.
  if (entry.byValues.size >= MAX_COSTS_PER_OPERATION) entry.byValues.clear();
  entry.byValues.set(key, cost);
  return cost;
}

/**
 * The first per-request limit (`queryLimits`) an operation's measures exceed, depth first, then
 * breadth, then cost; null when it keeps within all of them.
 */
export function queryLimitExceeded(cost: OperationCost, limits: QueryLimits): LimitExceededError | null {
  for (const limit of ['depth', 'breadth', 'complexity'] as const) {
    const actual = cost[limit];
    const maximum = limits[limit];
    if (actual <= maximum) continue;
    const zh = { depth: '查询嵌套深度', breadth: '查询字段总数', complexity: '查询成本' }[limit];
    const en = { depth: 'Query depth', breadth: 'Number of selected fields', complexity: 'Query cost' }[limit];
    return new LimitExceededError(limit, actual, maximum, `${zh}为${actual}，超过上限${maximum}`, `${en} is ${actual}, over the limit of ${maximum}`);
  }
  return null;
}

/** Distinct variable values remembered per operation before the remembered ones are dropped. */
const MAX_COSTS_PER_OPERATION = 256;
/** Longest key of variable values (as JSON) whose cost is remembered: page sizes fit many times over. */
const MAX_COST_KEY_LENGTH = 256;
/** Stands for a variable the request did not send (which may cost otherwise than an explicit null). */
const ABSENT = '\u0000absent';

interface CostEntry {
  operation: OperationDefinitionNode;
  fragments: FragmentDefinitionNode[];
  /** Variables whose values change the cost. */
  costVariables: string[];
  byValues: Map<string, OperationCost | null>;
}

const costCache = new WeakMap<DocumentNode, WeakMap<GraphQLSchema, Map<string, CostEntry>>>();

/** The operation a request names (or the only one) with what its cost depends on; null when there is none. */
function costEntry(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): CostEntry | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((d) => d.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null;
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return { operation, fragments, costVariables: variablesThatCost(schema, operation, fragments), byValues: new Map() };
}

function computeCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: FragmentDefinitionNode[], variables: Record<string, unknown>): OperationCost | null {
  try {
    const { complexity, depth, breadth } = complexityFromQuery({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }, { schema, ctx: {}, variables });
    return { complexity, depth, breadth };
  } catch {
    return null;
  }
}

/**
 * The variables used in the arguments of fields whose complexity is a function of them, found by
 * the same walk as the complexity plugin's (fields by their parent type, fragments by their type
 * condition). A document that does not validate may leave some out; it never executes.
 */
function variablesThatCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: FragmentDefinitionNode[]): string[] {
  const byName = new Map(fragments.map((f) => [f.name.value, f]));
  const found = new Set<string>();
  const seen = new Set<SelectionSetNode>();
  const walk = (selectionSet: SelectionSetNode, type: GraphQLNamedType | null | undefined) => {
    if (seen.has(selectionSet)) return;
    seen.add(selectionSet);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[selection.name.value] : undefined;
        const complexity = field?.extensions.complexity;
        if (typeof complexity === 'function') {
          const read = argumentsRead(complexity as ComplexityFunction, field!);
          for (const argument of selection.arguments ?? []) {
            if (read === null || read.has(argument.name.value)) collectVariables(argument.value, found);
          }
        }
        if (field && selection.selectionSet) walk(selection.selectionSet, getNamedType(field.type));
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = byName.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value));
      } else {
        walk(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type);
      }
    }
  };
  walk(operation.selectionSet, schema.getRootType(operation.operation));
  return [...found].sort();
}

type ComplexityFunction = (args: Record<string, unknown>, ctx: object, field: unknown) => unknown;

/**
 * The arguments a complexity function reads (a connection's reads `first` and `last`, not its
 * filters), found by calling it with arguments that record what is read; null when it fails on
 * them (say it reads `ids.length`), and then every argument counts.
 */
function argumentsRead(complexity: ComplexityFunction, field: unknown): Set<string> | null {
  const read = new Set<string>();
  const recorder = new Proxy({}, { get: (_target, name) => void (typeof name === 'string' && read.add(name)), has: (_target, name) => (typeof name === 'string' && read.add(name), false) });
  try {
    complexity(recorder, {}, field);
    return read;
  } catch {
    return null;
  }
}

function collectVariables(value: ValueNode, into: Set<string>): void {
  if (value.kind === Kind.VARIABLE) into.add(value.name.value);
  else if (value.kind === Kind.LIST) for (const item of value.values) collectVariables(item, into);
  else if (value.kind === Kind.OBJECT) for (const field of value.fields) collectVariables(field.value, into);
}
