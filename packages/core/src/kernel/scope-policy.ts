import type { SchemaTypes } from '@pothos/core';
import type { GraphQLNamedType } from 'graphql';

/** One division code, or several: the areas an object belongs to. */
export type AreaCodes = string | readonly string[];

/** An object by its GraphQL type and id: what a grant names. */
export interface GrantTarget {
  readonly type: string;
  readonly id: string | number;
}

/**
 * Who may see the objects of a GraphQL object type. Every object type declares one where it is
 * defined (`builder.node('Household', { scope: { area: (h) => h.villageCode }, … })`), except the
 * structural types the kernel recognises itself (the roots, connections and edges, `PageInfo`,
 * typed errors and mutation payloads). The kernel refuses to build a schema with a type that
 * declares none (see `scope-classes.ts`).
 *
 * - `{ area }`: the object lies in the areas `area` returns (a household in its village, a ledger
 *   entry in its fund's area *and* its project's place) and is visible to callers whose scope holds
 *   any of them. Wherever such an object is resolved — a root field, `node`/`nodes`, a nested field,
 *   a mutation payload — the kernel's guard checks it (`scope-guard.ts`). Such a type is a Relay
 *   Node, so that `node(id:)` can be asked about it; only records served by root fields alone (the
 *   audit log, API keys) may be plain objects. `grantedThrough` names the objects whose grants make
 *   one visible beyond the caller's areas (README, "Grants"): a project itself, and a ledger entry
 *   through its project. A type without it is never visible through a grant.
 * - `'public'`: reference data anyone who can call the API may read (areas, lenders, the public
 *   summary of a fund or of a project).
 * - `'contained'`: a value only ever reached through its parent, which carries the check (a
 *   household's housing, a loan's schedule, statistics computed within the caller's scope). No
 *   query root field and no `node` may return it.
 */
export type ScopePolicy<Shape> =
  | { readonly area: (value: Shape) => AreaCodes; readonly grantedThrough?: (value: Shape) => readonly GrantTarget[] }
  | 'public'
  | 'contained';

declare global {
  export namespace PothosSchemaTypes {
    export interface ObjectTypeOptions<Types extends SchemaTypes, Shape> {
      /** 可见范围 Who may see objects of this type: `{ area }`, `'public'` or `'contained'` (README, "Object-level scope"). */
      scope?: ScopePolicy<Shape>;
    }
  }
}

/** The policy a built type declared in its Pothos options, if any. */
export function declaredScope(type: GraphQLNamedType): ScopePolicy<unknown> | undefined {
  const options = type.extensions?.pothosOptions as { scope?: ScopePolicy<unknown> } | undefined;
  return options?.scope;
}
