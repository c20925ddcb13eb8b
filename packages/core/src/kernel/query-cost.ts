import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/**
 * What a query costs, estimated before it runs (the complexity plugin's measure): each field 1,
 * lists ×10, a connection × its page size, and a statistics block — a field that returns
 * `RegionStats` or one of the blocks plugins add to it — the weight of the SQL behind it. The
 * per-request limit (`queryLimits.complexity`) and the per-caller budget per minute
 * (`limits.costPerMinute`) are both counted in this measure.
 */

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
 * the `stats` fields (type `RegionStats`) and each object-typed field of `RegionStats`. Applied by
 * the kernel after the schema is built, so that a plugin's block cannot be left at 1.
 */
export function weighStatistics(schema: GraphQLSchema): GraphQLSchema {
  const stats = schema.getType('RegionStats');
  if (!isObjectType(stats)) return schema;
  for (const type of Object.values(schema.getTypeMap())) {
    if ((!isObjectType(type) && !isInterfaceType(type)) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const single = !isListType(getNullableType(field.type));
      const block = single && (named === stats || (type === stats && isObjectType(named)));
      if (!block) continue;
      const declared = field.extensions.complexity as number | { field?: number } | ((...args: unknown[]) => unknown) | undefined;
      if (typeof declared === 'function') continue; // the block computes its own weight
      const own = typeof declared === 'number' ? declared : (declared?.field ?? 1);
      (field as { extensions: Record<string, unknown> }).extensions = { ...field.extensions, complexity: Math.max(own, STATISTICS_BLOCK_COMPLEXITY) };
    }
  }
  return schema;
}

/**
 * The estimated cost of the operation a request runs (the one named, or the only one), or null
 * when it cannot be estimated (the document is invalid; execution reports why).
 */
export function estimateOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  ctx: object,
): number | null {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((d) => d.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null;
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  try {
    return complexityFromQuery({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }, { schema, ctx, variables }).complexity;
  } catch {
    return null;
  }
}
