import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the client selected a field at a path below the field being resolved, e.g.
 * `['edges', 'node', 'members']` under a connection. Fragments and inline fragments are followed;
 * `@skip`/`@include` are not evaluated, so a field under one counts as selected — the cost of a
 * wrong guess is a child list read that nobody uses, never a missing one (the loaders still load
 * what was not primed).
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && underPath(info, node.selectionSet, path, 0));
}

function underPath(info: GraphQLResolveInfo, selectionSet: SelectionSetNode, path: readonly string[], depth: number): boolean {
  for (const field of fieldsOf(info, selectionSet)) {
    if (field.name.value !== path[depth]) continue;
    if (depth === path.length - 1) return true;
    if (field.selectionSet && underPath(info, field.selectionSet, path, depth + 1)) return true;
  }
  return false;
}

function* fieldsOf(info: GraphQLResolveInfo, selectionSet: SelectionSetNode): Generator<FieldNode> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) yield selection;
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* fieldsOf(info, selection.selectionSet);
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) yield* fieldsOf(info, fragment.selectionSet);
    }
  }
}

/** Whether a connection's nodes select `field` (through `edges { node }` or `nodes`). */
export function nodesSelect(info: GraphQLResolveInfo, field: string): boolean {
  return selectsPath(info, ['edges', 'node', field]) || selectsPath(info, ['nodes', field]);
}

/**
 * The field nodes at a path below the field being resolved (`['edges', 'node', 'allocations']`),
 * fragments followed: one per place the client asks for it, so that a caller can read their
 * arguments (`getArgumentValues`) and see whether they agree.
 */
export function fieldNodesAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  const found: FieldNode[] = [];
  const walk = (selectionSet: SelectionSetNode, depth: number) => {
    for (const field of fieldsOf(info, selectionSet)) {
      if (field.name.value !== path[depth]) continue;
      if (depth === path.length - 1) found.push(field);
      else if (field.selectionSet) walk(field.selectionSet, depth + 1);
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) walk(node.selectionSet, 0);
  return found;
}

/** `fieldNodesAt` under a connection's nodes, through `edges { node }` and `nodes`. */
export function nodeFieldNodes(info: GraphQLResolveInfo, field: string): FieldNode[] {
  return [...fieldNodesAt(info, ['edges', 'node', field]), ...fieldNodesAt(info, ['nodes', field])];
}
