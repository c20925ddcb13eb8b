import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { ValidationError } from './errors.js';

/**
 * `node(id:)` and `nodes(ids:)`. A global ID names a type; only object types of the caller's own
 * schema that implement `Node` can be loaded. Anything else — a type of a plugin the caller's
 * province does not run, or a type that exists but is not a node — reads as null, exactly like
 * an id that does not exist, so the answer reveals neither the deployment's other plugins nor a
 * way to break the request.
 */

/** The most ids one `nodes` request may ask for: a page, as for every list. */
export const MAX_NODES = 100;

interface DecodedId {
  typename: string;
  id: string;
}

function isLoadableNode(info: GraphQLResolveInfo, typename: string): boolean {
  const type = info.schema.getType(typename);
  return isObjectType(type) && type.getInterfaces().some((iface) => iface.name === 'Node');
}

/** The relay plugin's `nodeQueryOptions.resolve`. */
export function resolveNodeQuery(
  _root: unknown,
  args: { id: DecodedId },
  _ctx: unknown,
  info: GraphQLResolveInfo,
  resolveNode: (id: DecodedId) => unknown,
): unknown {
  return isLoadableNode(info, args.id.typename) ? resolveNode(args.id) : null;
}

/**
 * The relay plugin's `nodesQueryOptions.resolve`. The plugin's loader reads `args.ids` itself, so
 * ids of types that cannot load are replaced by null there (it skips nulls).
 */
export function resolveNodesQuery(
  _root: unknown,
  args: { ids: (DecodedId | null)[] },
  _ctx: unknown,
  info: GraphQLResolveInfo,
  resolveNodes: (ids: DecodedId[]) => Promise<unknown[]>,
): Promise<unknown[]> {
  if (args.ids.length > MAX_NODES) {
    throw ValidationError.of('ids', `一次最多查询${MAX_NODES}个对象（收到${args.ids.length}个）`, `At most ${MAX_NODES} ids per request (got ${args.ids.length})`);
  }
  args.ids = args.ids.map((id) => (id && isLoadableNode(info, id.typename) ? id : null));
  return resolveNodes(args.ids as DecodedId[]);
}
