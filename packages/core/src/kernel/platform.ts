import type { EntitySchema, MigrationObject } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type { TuopinContext } from './context.js';
import type { AccessPolicy } from './access-registry.js';
import { useAreaCodes, type AreaCodeModel } from './area-codes.js';
import { assembleAccess, checkGrantableTypes, checkRequiredPermissions, makeAccessKnown } from './plugin-access.js';
import { auditVocabularyExtension, buildAuditVocabulary, type AuditVocabulary } from './audit-vocabulary.js';
import { registerBaseSchema } from './base-schema.js';
import { createBuilder } from './builder.js';
import { setBuilderPlugins } from './builder-plugins.js';
import { CORE_PLUGIN_NAME, isCorePlugin, pluginNamespaceOf, tableNameOf } from './define-plugin.js';
import { PluginConfigurationError, type TuopinPlugin } from './plugin.js';
import { orderPlugins } from './plugin-set.js';
import { protectStatistics } from './statistics-protection.js';
import { guardObjectScope } from './scope-guard.js';
import { weighStatistics } from './query-cost.js';
import { loadFiguresFirst } from './figures-first.js';

/** Everything the server needs for one plugin set. */
export interface Platform {
  /** The plugins in dependency order, core first. */
  readonly plugins: readonly TuopinPlugin[];
  /** Every plugin's entities, core's first, for the ORM configuration. */
  readonly entities: readonly EntitySchema<any, any>[];
  /** Every plugin's migrations, core's first, in the order they must run (`migrationsList`). */
  readonly migrationsList: readonly MigrationObject[];
  /** One schema for this plugin set; build it once and reuse it for every request. */
  readonly schema: GraphQLSchema;
  /** How the audit log names this plugin set's objects (also carried by the schema, see `auditVocabularyOf`). */
  readonly auditVocabulary: AuditVocabulary;
  /** The roles and permissions of core and this plugin set: what a caller of a province running it may hold. */
  readonly access: AccessPolicy;
}

/**
 * Refuses two plugins whose tables would collide: the same table twice, or a table inside another
 * plugin's namespace. Core's tables carry no prefix, so a plugin named `household` would own
 * `household_…` and could create core's `household_income`.
 */
function checkTablesApart(plugins: readonly TuopinPlugin[]): void {
  const owner = new Map<string, string>();
  for (const plugin of plugins) {
    for (const entity of plugin.entities) {
      const table = tableNameOf(entity);
      const previous = owner.get(table);
      if (previous) throw new PluginConfigurationError(`Plugins '${previous}' and '${plugin.name}' both declare the table '${table}'`);
      owner.set(table, plugin.name);
    }
  }
  for (const plugin of plugins) {
    if (isCorePlugin(plugin)) continue;
    const namespace = pluginNamespaceOf(plugin.name);
    for (const [table, other] of owner) {
      if (other !== plugin.name && table.startsWith(namespace)) {
        throw new PluginConfigurationError(`Plugin '${plugin.name}': its namespace '${namespace}' holds the table '${table}' of '${other}'; choose another name`);
      }
    }
  }
}

/**
 * Lets every mutation name itself to the audit trail before it runs. Root mutation fields run one
 * after another, so the trail's single slot always names the one executing; services need not
 * pass it along, and a plugin's mutations are covered without doing anything.
 */
function nameMutationsForAudit(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = (root, args, ctx: TuopinContext, info) => {
      ctx.audit.operation = field.name;
      return resolve(root, args, ctx, info);
    };
  }
  return schema;
}

/**
 * Assembles the platform for a set of plugins, `[corePlugin, …plugins]`: checks and orders them
 * (core first), collects entities and migrations, and builds one schema with a fresh builder —
 * the kernel's base (roots, scalars, typed errors, Node), then each plugin in dependency order —
 * with the kernel's object-level scope guard on every field that can return an area-scoped
 * object, and statistics parents loading their figures before their fields (`figures-first.ts`).
 * Throws `PluginConfigurationError` for an unusable set, including a set without core and a type
 * that declares no scope and roles or permissions declared wrongly (`plugin-access.ts`).
 */
export function buildPlatform({ plugins }: { plugins: readonly TuopinPlugin[] }): Platform {
  const ordered = orderPlugins(plugins);
  if (!ordered.some(isCorePlugin)) {
    throw new PluginConfigurationError(`Every plugin set includes '${CORE_PLUGIN_NAME}': buildPlatform({ plugins: [corePlugin, …plugins] })`);
  }
  checkTablesApart(ordered);
  useAreaCodes(areaCodesOf(ordered));
  const access = assembleAccess(ordered);
  const builder = createBuilder();
  setBuilderPlugins(builder, ordered);
  registerBaseSchema(builder);
  for (const plugin of ordered) plugin.registerSchema(builder);
  const auditVocabulary = buildAuditVocabulary(ordered);
  // The audit log's resolver finds the caller's plugin set through the schema it runs against.
  const schema = builder.toSchema({ sortSchema: true, extensions: auditVocabularyExtension(auditVocabulary) });
  for (const plugin of ordered) {
    for (const [table, type] of Object.entries(plugin.auditObjectTypes ?? {})) {
      if (!schema.getType(type)) {
        throw new PluginConfigurationError(`Plugin '${plugin.name}': auditObjectTypes maps '${table}' to '${type}', which is not a type of the schema`);
      }
    }
  }
  checkGrantableTypes(access, schema);
  checkRequiredPermissions(access, schema);
  const guarded = loadFiguresFirst(guardObjectScope(protectStatistics(weighStatistics(nameMutationsForAudit(schema)))));
  // Only a platform that was built makes its roles known: a refused plugin set leaves no trace.
  makeAccessKnown(access);
  return {
    access,
    plugins: ordered,
    entities: ordered.flatMap((plugin) => plugin.entities),
    migrationsList: ordered.flatMap((plugin) => plugin.migrations),
    schema: guarded,
    auditVocabulary,
  };
}

/** The area code model of a plugin set: core's, and no other plugin's. */
function areaCodesOf(plugins: readonly TuopinPlugin[]): AreaCodeModel {
  const declaring = plugins.filter((plugin) => plugin.areaCodes);
  const core = plugins.find(isCorePlugin)!;
  if (declaring.length !== 1 || declaring[0] !== core) {
    throw new PluginConfigurationError(`Only '${CORE_PLUGIN_NAME}' declares the area code model (areaCodes); declared by: ${declaring.map((p) => p.name).join(', ') || 'none'}`);
  }
  return core.areaCodes!;
}
