import { getNamedType, isObjectType, isUnionType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { declaredScope, type AreaCodes, type GrantTarget } from './scope-policy.js';
import { allObjectFields, concreteTypesOf, implementsInterface, isConnectionType, isEdgeType, objectTypesReturnedBy } from './schema-shapes.js';

/** The four classes of object type (README, "Object-level scope"). */
export type ScopeClass = 'area' | 'public' | 'contained' | 'structural';

/** Why a structural type needs no declaration. */
export type Structure = 'root' | 'connection' | 'edge' | 'page-info' | 'error' | 'payload';

/** The scope class of one object type, as the kernel's guard and the scope sweep read it. */
export interface TypeScope {
  readonly scopeClass: ScopeClass;
  /** For `area` types: the areas an object lies in. */
  readonly area?: (value: unknown) => AreaCodes;
  /** For `area` types: the objects whose grants make an object visible (see `ScopePolicy`). */
  readonly grantedThrough?: (value: unknown) => readonly GrantTarget[];
  /** For `structural` types: what the kernel recognised. */
  readonly structure?: Structure;
}

/** The interface every typed error implements (kernel/base-schema.ts). */
const ERROR_INTERFACE = 'Error';

/**
 * Mutation payloads: what a root mutation field returns, directly or as the non-error members of
 * its result union, and nothing else returns. They only carry what the mutation wrote; their
 * fields into scoped types are guarded like any other. A type that a mutation returns and a query
 * reaches too is an object of the domain, not a payload: it must declare its scope.
 */
function payloadTypes(schema: GraphQLSchema): Set<string> {
  const payloads = new Set<string>();
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    const named = getNamedType(field.type);
    const members = isUnionType(named) ? named.getTypes() : isObjectType(named) ? [named] : [];
    for (const member of members) if (!implementsInterface(member, ERROR_INTERFACE)) payloads.add(member.name);
  }
  for (const { parent, field } of allObjectFields(schema)) {
    if (parent === mutation || payloads.has(parent.name)) continue;
    for (const type of objectTypesReturnedBy(schema, field.type)) payloads.delete(type.name);
  }
  return payloads;
}

function structureOf(schema: GraphQLSchema, type: GraphQLObjectType, payloads: Set<string>): Structure | undefined {
  if (type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType()) return 'root';
  if (isConnectionType(type)) return 'connection';
  if (isEdgeType(type)) return 'edge';
  if (type.name === 'PageInfo') return 'page-info';
  if (implementsInterface(type, ERROR_INTERFACE)) return 'error';
  if (payloads.has(type.name)) return 'payload';
  return undefined;
}

/**
 * The scope class of every object type of a built schema: its declaration, or the structure the
 * kernel recognises. Types with neither are missing from the map.
 */
export function classifyObjectTypes(schema: GraphQLSchema): ReadonlyMap<string, TypeScope> {
  const payloads = payloadTypes(schema);
  const classes = new Map<string, TypeScope>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const declared = declaredScope(type);
    if (declared === 'public' || declared === 'contained') classes.set(type.name, { scopeClass: declared });
    else if (declared) {
      classes.set(type.name, {
        scopeClass: 'area',
        area: declared.area as (value: unknown) => AreaCodes,
        grantedThrough: declared.grantedThrough as ((value: unknown) => readonly GrantTarget[]) | undefined,
      });
    }
    else {
      const structure = structureOf(schema, type, payloads);
      if (structure) classes.set(type.name, { scopeClass: 'structural', structure });
    }
  }
  return classes;
}

/**
 * What is wrong with a schema's scope declarations, one sentence each (empty when nothing is):
 * a type without a class; an area-scoped type reached from a nested field without being a Node
 * (so that `node(id:)` could not be asked about it); a contained type that a query root field or
 * `node` can return.
 */
export function scopeDeclarationProblems(schema: GraphQLSchema, classes: ReadonlyMap<string, TypeScope>): string[] {
  const problems: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && !type.name.startsWith('__') && !classes.has(type.name)) {
      problems.push(
        `Object type '${type.name}' declares no scope: add \`scope: { area: (row) => row.villageCode }\`, \`scope: 'public'\` or \`scope: 'contained'\` to its options`,
      );
    }
  }
  const rootsAndPayloads = (parent: GraphQLObjectType) => {
    const structure = classes.get(parent.name)?.structure;
    return structure === 'root' || structure === 'payload';
  };
  const query = schema.getQueryType();
  for (const { parent, field } of allObjectFields(schema)) {
    // A connection's own fields are reached through the field that returns the connection.
    if (isConnectionType(parent) || isEdgeType(parent)) continue;
    for (const type of objectTypesReturnedBy(schema, field.type)) {
      const scope = classes.get(type.name);
      if (scope?.scopeClass === 'area' && !implementsInterface(type, 'Node') && !rootsAndPayloads(parent)) {
        problems.push(`Area-scoped type '${type.name}' is reached by ${parent.name}.${field.name} but is not a Relay Node: make it a node (builder.node)`);
      }
      if (scope?.scopeClass === 'contained' && parent === query) {
        problems.push(`Contained type '${type.name}' is returned by the root field Query.${field.name}: only its parent may reach it`);
      }
    }
  }
  const node = schema.getType('Node');
  for (const type of node ? concreteTypesOf(schema, node) : []) {
    if (classes.get(type.name)?.scopeClass === 'contained') {
      problems.push(`Contained type '${type.name}' implements Node, so node(id:) could return it: declare its area instead`);
    }
  }
  return [...new Set(problems)];
}
