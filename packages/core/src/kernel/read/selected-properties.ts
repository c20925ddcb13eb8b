import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The field extension that names the row properties a resolver reads (`readsProperties`). */
const READS = 'tuopinReads';

/**
 * Declares which properties of its parent row a field's resolver reads, for fields that are not
 * plain `expose…` of one property (those declare themselves): `extensions: readsProperties('idNumber',
 * 'id', 'villageCode')`. Rows read for a selection carry these columns only; a field that declares
 * nothing makes its type's rows read in full, so declaring is an optimisation, never a must.
 * Declare everything the resolver touches — masking's and the read audit's owner included.
 */
export function readsProperties<Row extends object>(...properties: (keyof Row & string)[]): Record<string, unknown> {
  return { [READS]: properties };
}

export interface PropertiesOfType {
  /** The object type whose rows are read. */
  typeName: string;
  /** Properties the rows always need: the key the loader groups by, the scope's area, the order. */
  always: readonly string[];
  /** What the type's Relay `id` field reads (Pothos gives that field no extension of ours). */
  nodeId?: readonly string[];
}

type Needs = readonly string[] | undefined;

const cache = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, Map<string, Needs>>>();

/**
 * The properties that rows of one object type must carry for this operation: `always`, plus what
 * every field selected on that type anywhere in the operation reads (not only under the field
 * being resolved — a loader primed with the rows answers every path of the request). Undefined —
 * read every column — when a selected field declares nothing. `@skip`/`@include` are not
 * evaluated: a field under one counts as selected. Computed once per schema, operation and type.
 */
export function selectedProperties(info: GraphQLResolveInfo, of: PropertiesOfType): Needs {
  let bySchema = cache.get(info.schema);
  if (!bySchema) cache.set(info.schema, (bySchema = new WeakMap()));
  let byType = bySchema.get(info.operation);
  if (!byType) bySchema.set(info.operation, (byType = new Map()));
  const key = `${of.typeName}|${of.always.join(',')}|${of.nodeId?.join(',') ?? ''}`;
  if (byType.has(key)) return byType.get(key);
  const needs = computeNeeds(info, of);
  byType.set(key, needs);
  return needs;
}

function computeNeeds(info: GraphQLResolveInfo, of: PropertiesOfType): Needs {
  const target = info.schema.getType(of.typeName);
  if (!isObjectType(target)) return undefined;
  const fields = new Set<string>();
  const root = info.schema.getRootType(info.operation.operation);
  if (root) collect(info, info.operation.selectionSet, root, target, fields, new Set());
  const needs = new Set(of.always);
  for (const name of fields) {
    const reads = fieldReads(target, name, of);
    if (reads === undefined) return undefined;
    for (const property of reads) needs.add(property);
  }
  return [...needs];
}

function fieldReads(target: GraphQLObjectType, name: string, of: PropertiesOfType): readonly string[] | undefined {
  const field = target.getFields()[name];
  if (!field) return undefined;
  const extensions = field.extensions as Record<string, unknown>;
  if (typeof extensions.pothosExposedField === 'string') return [extensions.pothosExposedField];
  if (Array.isArray(extensions[READS])) return extensions[READS] as string[];
  if (name === 'id' && of.nodeId) return of.nodeId;
  return undefined;
}

/** Adds to `fields` the names of the fields selected on `target` (or an abstract type of it). */
function collect(
  info: GraphQLResolveInfo,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  target: GraphQLObjectType,
  fields: Set<string>,
  visitedFragments: Set<string>,
): void {
  const onTarget = parent === target || (isAbstractType(parent) && info.schema.isSubType(parent, target));
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith('__')) continue;
      if (onTarget) fields.add(name);
      if (!selection.selectionSet || !('getFields' in parent)) continue;
      const definition = parent.getFields()[name];
      const type = definition && getNamedType(definition.type);
      if (type && isCompositeType(type)) collect(info, selection.selectionSet, type, target, fields, visitedFragments);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) collect(info, selection.selectionSet, type, target, fields, visitedFragments);
    } else {
      const fragment = info.fragments[selection.name.value];
      // A fragment spread twice under the same parent type adds nothing new the second time.
      const visit = `${selection.name.value}@${parent.name}`;
      if (!fragment || visitedFragments.has(visit)) continue;
      visitedFragments.add(visit);
      const type = info.schema.getType(fragment.typeCondition.name.value);
      if (type && isCompositeType(type)) collect(info, fragment.selectionSet, type, target, fields, visitedFragments);
    }
  }
}
