import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

/**
 * GraphQL selections generated from a built schema, for the scope sweep. They use graphql-js
 * alone, not the kernel's classification, so that the sweep also runs — and fails — on a schema
 * without the kernel's guard.
 *
 * An object that is a Relay Node is selected as a reference (`__typename id`) and explored later
 * through `node(id:)`, one hop at a time: the expansion of a type selects every field that returns
 * objects, with a reference for each Node it reaches and the whole of any other object (a
 * household's housing, a project's notices, statistics), a few levels deep. Connections are asked
 * for two items. Scalars are left out: scope is decided per object.
 */

export interface Selection {
  text: string;
  /** Fields selected, to keep documents under the API's breadth limit. */
  fields: number;
}

/** Generic values for arguments a field requires. */
export interface ArgumentValues {
  /** For required String arguments: a division code. */
  code: string;
  /** For required Int arguments (a year). */
  year: number;
}

const PAGE = 2;
/** How deep the expansion goes into objects that are not Nodes. */
const MAX_DEPTH = 3;

export function isConnection(type: GraphQLNamedType): boolean {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

export function implementsNode(type: GraphQLNamedType): boolean {
  return isObjectType(type) && type.getInterfaces().some((iface) => iface.name === 'Node');
}

/** The node type of a connection type. */
export function nodeTypeOf(connection: GraphQLObjectType): GraphQLNamedType {
  const edge = getNamedType(connection.getFields().edges.type) as GraphQLObjectType;
  return getNamedType(edge.getFields().node.type);
}

function literal(arg: GraphQLArgument, values: ArgumentValues): string | null {
  const type = getNullableType(arg.type);
  if (isListType(type)) return null;
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].name;
  if (!isScalarType(named)) return null;
  if (named.name === 'String') return JSON.stringify(values.code);
  if (named.name === 'Int') return String(values.year);
  if (named.name === 'Boolean') return 'false';
  return null;
}

/** The argument list of a nested field, or null when a required argument cannot be made up. */
export function argumentsFor(field: GraphQLField<unknown, unknown>, values: ArgumentValues): string | null {
  const parts: string[] = [];
  if (isConnection(getNamedType(field.type)) && field.args.some((arg) => arg.name === 'first')) parts.push(`first: ${PAGE}`);
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    const value = literal(arg, values);
    if (value === null) return null;
    parts.push(`${arg.name}: ${value}`);
  }
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

export class Selections {
  private readonly expansions = new Map<string, Selection>();

  constructor(
    readonly schema: GraphQLSchema,
    private readonly values: ArgumentValues,
  ) {}

  /** What `node(id:)` asks of an object of this type: its object fields, one hop deep. */
  expansion(typeName: string): Selection {
    let selection = this.expansions.get(typeName);
    if (!selection) {
      selection = this.expand(this.schema.getType(typeName) as GraphQLObjectType, 0);
      this.expansions.set(typeName, selection);
    }
    return selection;
  }

  /** The selection under a field returning `named`: a reference, a connection's references, or the object. */
  under(named: GraphQLNamedType, depth: number): Selection | null {
    if (isConnection(named)) {
      const inner = this.reference(nodeTypeOf(named as GraphQLObjectType), depth + 1);
      return inner && { text: `edges { node { ${inner.text} } }`, fields: inner.fields + 2 };
    }
    return this.reference(named, depth);
  }

  private reference(named: GraphQLNamedType, depth: number): Selection | null {
    if (isObjectType(named)) {
      if (implementsNode(named)) return { text: '__typename id', fields: 2 };
      return depth < MAX_DEPTH ? this.expand(named, depth + 1) : { text: '__typename', fields: 1 };
    }
    if (!isAbstractType(named)) return null;
    const possible = this.schema.getPossibleTypes(named);
    const parts = ['__typename'];
    let fields = 1;
    if (possible.some(implementsNode)) {
      parts.push('... on Node { id }');
      fields += 1;
    }
    for (const type of possible.filter((t) => !implementsNode(t))) {
      if (depth >= MAX_DEPTH) break;
      const inner = this.expand(type, depth + 1);
      parts.push(`... on ${type.name} { ${inner.text} }`);
      fields += inner.fields;
    }
    return { text: parts.join(' '), fields };
  }

  private expand(type: GraphQLObjectType, depth: number): Selection {
    const parts = ['__typename'];
    let fields = 1;
    if (implementsNode(type)) {
      parts.push('id');
      fields += 1;
    }
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named) && !isAbstractType(named)) continue;
      const args = argumentsFor(field, this.values);
      if (args === null) continue;
      const inner = this.under(named, depth);
      if (!inner) continue;
      parts.push(`${field.name}${args} { ${inner.text} }`);
      fields += inner.fields + 1;
    }
    return { text: parts.join(' '), fields };
  }
}
