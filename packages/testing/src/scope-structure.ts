import { classifyObjectTypes, SCOPE_GUARD_EXTENSION, typeAccessOf } from '@tuopin/core';
import { getNamedType, getNullableType, isAbstractType, isListType, isObjectType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

/**
 * The scope sweep's structural part, for any plugin set's schema: what the kernel's object-level
 * scope guard needs to hold (README, Object-level scope). What the guarded fields answer is
 * proved through HTTP by the root suite's scope sweep.
 */

const isConnection = (type: GraphQLNamedType) => isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
const isEdge = (type: GraphQLNamedType) => isObjectType(type) && 'node' in type.getFields() && 'cursor' in type.getFields();

/** The concrete types a named type stands for. */
function concrete(schema: GraphQLSchema, type: GraphQLNamedType): readonly GraphQLObjectType[] {
  return isObjectType(type) ? [type] : isAbstractType(type) ? schema.getPossibleTypes(type) : [];
}

function objectTypesOf(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'));
}

/** The names of the schema's area-scoped object types. */
export function areaScopedTypes(schema: GraphQLSchema): string[] {
  const classes = classifyObjectTypes(schema);
  return objectTypesOf(schema)
    .filter((type) => classes.get(type.name)?.scopeClass === 'area')
    .map((type) => type.name);
}

/** Object types without a scope class (area, public, contained or structural). */
export function unclassifiedObjectTypes(schema: GraphQLSchema): string[] {
  const classes = classifyObjectTypes(schema);
  return objectTypesOf(schema)
    .filter((type) => !classes.has(type.name))
    .map((type) => type.name);
}

/**
 * Fields that can return an area-scoped object, or one of a type with its own `authScopes` (which
 * the guard checks too), or an edge list of them, without the kernel's guard.
 */
export function unguardedScopedFields(schema: GraphQLSchema): string[] {
  const area = new Set(areaScopedTypes(schema));
  const isArea = (type: GraphQLObjectType) => area.has(type.name) || typeAccessOf(type) !== null;
  const unguarded: string[] = [];
  for (const type of objectTypesOf(schema)) {
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
  return unguarded;
}

/** Query root fields and `node()` types that reach a contained type, which only its owner may lead to. */
export function containedTypesAtRoots(schema: GraphQLSchema): string[] {
  const classes = classifyObjectTypes(schema);
  const contained = new Set(objectTypesOf(schema).filter((type) => classes.get(type.name)?.scopeClass === 'contained').map((type) => type.name));
  const roots = Object.values(schema.getQueryType()?.getFields() ?? {}).flatMap((field) => {
    const named = getNamedType(field.type);
    const target = isConnection(named) ? getNamedType((getNamedType((named as GraphQLObjectType).getFields().edges.type) as GraphQLObjectType).getFields().node.type) : named;
    return concrete(schema, target).filter((type) => contained.has(type.name)).map((type) => `Query.${field.name} → ${type.name}`);
  });
  const node = schema.getType('Node');
  const nodes = node ? concrete(schema, node).filter((type) => contained.has(type.name)).map((type) => `node → ${type.name}`) : [];
  return [...roots, ...nodes];
}
