import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { TuopinContext } from './context.js';
import { decodeTuopinGlobalID } from './global-id.js';
import { MAX_NODES, resolveNodeQuery, resolveNodesQuery } from './node-lookup.js';
import { connectionComplexity, EDGES_COMPLEXITY } from './query-cost.js';
import type { ConnectionArgs } from './keyset-connection.js';
// Adds the `scope` option to every object type's options (declaration merging).
import './scope-policy.js';
import { hasPermission } from './access-registry.js';
import { notPermitted } from './type-access.js';
import { TYPE_SCOPES_ON_RETURN } from './type-scopes-plugin.js';

/**
 * Every plugin's object types by name, each with the value its resolvers receive. The kernel
 * declares none: each plugin (core included) adds its own by declaration merging, in a file its
 * public entry loads, so that another plugin extends them by name and typed:
 *
 * @example
 * declare module '@tuopin/core' {
 *   interface TuopinObjectTypes { Loan: Loan; CreditLine: CreditLine }
 * }
 * // elsewhere: builder.objectField('Loan', 'note', (t) => t.string({ resolve: (loan) => loan.purpose }))
 */
export interface TuopinObjectTypes {}

/** Every plugin's interface types by name, declared like `TuopinObjectTypes`. */
export interface TuopinInterfaceTypes {}

/** The type parameters every tuopin schema is built with. */
export interface TuopinSchemaTypes {
  Context: TuopinContext;
  Scalars: {
    ID: { Input: string; Output: string | number };
    Money: { Input: string; Output: string };
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
  AuthScopes: {
    /**
     * 权限 The permission a field needs, by name: `authScopes: { permission: 'core.registry.read' }`.
     * Roles hold permissions as their plugins declare (README, "Roles and permissions").
     */
    permission: string;
  };
  /**
   * Object and interface types by name, declared by each plugin (see `TuopinObjectTypes`). Plugins
   * extend other plugins' types by name, e.g. `builder.objectField('Household', 'loans', …)`;
   * names are the contract, because every schema is assembled by its own builder and Pothos refs
   * belong to the builder that made them.
   */
  Objects: TuopinObjectTypes;
  Interfaces: TuopinInterfaceTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Connection: {
    /** Connections count lazily: the count runs only when a client selects `totalCount`. */
    totalCount: () => Promise<number>;
  };
}

/** The resolved Pothos types of every tuopin schema. */
export type TuopinTypes = PothosSchemaTypes.ExtendDefaultTypes<TuopinSchemaTypes>;

/** The schema builder plugins receive in `registerSchema`. */
export type TuopinBuilder = PothosSchemaTypes.SchemaBuilder<PothosSchemaTypes.ExtendDefaultTypes<TuopinSchemaTypes>>;

/** Largest page a connection returns; larger `first` values are refused. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/**
 * A fresh builder with the plugin set every module relies on. A new one is made for each schema
 * (each distinct plugin set), because a Pothos builder accumulates types and cannot be reused.
 */
export function createBuilder(): TuopinBuilder {
  const builder = new SchemaBuilder<TuopinSchemaTypes>({
    // scope-auth first so that authorization wraps every other plugin's resolvers. Batching is
    // done with plain DataLoaders per request (createContextCache), input checks by the services.
    plugins: [
      ScopeAuthPlugin,
      ErrorsPlugin,
      RelayPlugin,
      ComplexityPlugin,
      // Types' own authScopes are checked by the object guard, once per object (type-scopes-plugin.ts).
      TYPE_SCOPES_ON_RETURN,
    ],
    defaultFieldNullability: false,
    scopeAuth: {
      // One loader for every permission of every plugin: whether the caller's role holds it.
      authScopes: (ctx) => ({ permission: (permission: string) => hasPermission(ctx.principal, permission) }),
      unauthorizedError: notPermitted,
    },
    relay: {
      clientMutationId: 'omit',
      cursorType: 'String',
      edgesFieldOptions: { nullable: false, description: '本页条目 The items of this page', complexity: EDGES_COMPLEXITY },
      defaultConnectionFieldOptions: { complexity: (args: ConnectionArgs) => connectionComplexity(args, DEFAULT_PAGE_SIZE) },
      nodeFieldOptions: { nullable: false, description: '条目 The item' },
      cursorFieldOptions: { description: '游标 Cursor of this item, for after/before' },
      pageInfoFieldOptions: { description: '分页信息 Pagination information' },
      idFieldOptions: { description: '全局 ID Global object ID' },
      firstArgOptions: { description: `每页条数（1–${MAX_PAGE_SIZE}，默认${DEFAULT_PAGE_SIZE}） Page size, 1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}` },
      lastArgOptions: { description: `向前翻页的条数（1–${MAX_PAGE_SIZE}） Page size when paging backwards` },
      afterArgOptions: { description: '从该游标之后开始 Start after this cursor' },
      beforeArgOptions: { description: '到该游标之前为止 End before this cursor' },
      hasNextPageFieldOptions: { description: '是否有下一页 Whether there is a next page' },
      hasPreviousPageFieldOptions: { description: '是否有上一页 Whether there is a previous page' },
      startCursorFieldOptions: { description: '本页第一条的游标 Cursor of the first item' },
      endCursorFieldOptions: { description: '本页最后一条的游标 Cursor of the last item' },
      pageInfoTypeOptions: { description: '分页信息 Pagination information' },
      nodeTypeOptions: { description: '可按全局 ID 查询的对象 An object with a global ID' },
      defaultConnectionTypeOptions: { description: '分页列表 A page of items' },
      defaultEdgeTypeOptions: { description: '列表条目 An item with its cursor' },
      nodeQueryOptions: {
        description: '按全局 ID 查询对象 Fetch any object by its global ID',
        args: { id: { description: '全局 ID Global ID' } },
        resolve: resolveNodeQuery,
      },
      nodesQueryOptions: {
        description: `按全局 ID 批量查询对象（最多${MAX_NODES}个） Fetch objects by their global IDs, at most ${MAX_NODES}`,
        args: { ids: { description: '全局 ID 列表 Global IDs' } },
        resolve: resolveNodesQuery as never,
        // Each id is a lookup: the list costs as many as it asks for.
        complexity: (args: { ids: unknown[] }) => ({ field: 1, multiplier: Math.max(1, args.ids.length) }),
      },
      // Ids that no object can have are refused here, before any loader sees them.
      decodeGlobalID: decodeTuopinGlobalID,
    },
    errors: { defaultTypes: [] },
    complexity: {
      defaultComplexity: 1,
      defaultListMultiplier: 10,
      // The plugin gives every field its weight; the limits are checked once per request, before
      // execution, from the cost cached per document (query-cost.ts, the server's query-cost plugin),
      // not again by the plugin in every root field.
      disabled: true,
    },
  });
  return builder as unknown as TuopinBuilder;
}
