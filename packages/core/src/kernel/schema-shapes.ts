import {
  getNamedType,
  isAbstractType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Shapes of a built schema the kernel's checks walk: Relay connections and edges, and the object
 * types a field can return once those wrappers and abstract types are looked through.
 */

/** A Relay connection type: `edges` and `pageInfo`. */
export function isConnectionType(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

/** A Relay edge type: `node` and `cursor`. */
export function isEdgeType(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'node' in fields && 'cursor' in fields;
}

/** Whether an object type implements the interface of that name. */
export function implementsInterface(type: GraphQLObjectType, name: string): boolean {
  return type.getInterfaces().some((iface) => iface.name === name);
}

/** The concrete object types a named output type stands for: itself, or an abstract type's possible types. */
export function concreteTypesOf(schema: GraphQLSchema, type: GraphQLNamedType): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return schema.getPossibleTypes(type);
  return [];
}

/** The node type of a connection: the named type of its edges' `node` field. */
export function connectionNodeType(connection: GraphQLObjectType): GraphQLNamedType | null {
  const edge = getNamedType(connection.getFields().edges.type);
  return isEdgeType(edge) ? edgeNodeType(edge as GraphQLObjectType) : null;
}

/** The named type of an edge's `node` field. */
export function edgeNodeType(edge: GraphQLObjectType): GraphQLNamedType {
  return getNamedType(edge.getFields().node.type);
}

/**
 * The object types a field returns as objects: directly, in a list, through an interface or a
 * union, or as the nodes of a connection.
 */
export function objectTypesReturnedBy(schema: GraphQLSchema, type: GraphQLOutputType): readonly GraphQLObjectType[] {
  const named = getNamedType(type);
  if (isConnectionType(named)) {
    const node = connectionNodeType(named as GraphQLObjectType);
    return node ? concreteTypesOf(schema, node) : [];
  }
  return concreteTypesOf(schema, named);
}

/** Every field of every object type of the schema (introspection types aside), with its parent. */
export function* allObjectFields(schema: GraphQLSchema): Generator<{ parent: GraphQLObjectType; field: GraphQLField<unknown, unknown> }> {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) yield { parent: type, field };
  }
}
