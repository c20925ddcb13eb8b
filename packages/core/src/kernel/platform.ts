import type { EntitySchema, MigrationObject } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type { TuopinContext } from './context.js';
import { coreAuditObjectTypes, coreEntities, coreMigrations, registerCoreSchema } from '../core.module.js';
import { CORE_ACCESS } from '../access/core-roles.js';
import type { AccessPolicy } from './access-registry.js';
import { assembleAccess, checkGrantableTypes, checkRequiredPermissions, makeAccessKnown } from './plugin-access.js';
import { auditVocabularyExtension, buildAuditVocabulary, type AuditVocabulary } from './audit-vocabulary.js';
import { createBuilder } from './builder.js';
import { PluginConfigurationError, type TuopinPlugin } from './plugin.js';
import { orderPlugins } from './plugin-set.js';
import { protectStatistics } from './statistics-protection.js';
import { guardObjectScope } from './scope-guard.js';
import { weighStatistics } from './query-cost.js';

/** Everything the server needs for one plugin set. */
export interface Platform {
  /** The plugins in dependency order. */
  readonly plugins: readonly TuopinPlugin[];
  /** Core's entities followed by each plugin's, for the ORM configuration. */
  readonly entities: readonly EntitySchema<any, any>[];
  /** Core's migrations followed by each plugin's, in the order they must run (`migrationsList`). */
  readonly migrationsList: readonly MigrationObject[];
  /** One schema for this plugin set; build it once and reuse it for every request. */
  readonly schema: GraphQLSchema;
  /** How the audit log names this plugin set's objects (also carried by the schema, see `auditVocabularyOf`). */
  readonly auditVocabulary: AuditVocabulary;
  /** The roles and permissions of core and this plugin set: what a caller of a province running it may hold. */
  readonly access: AccessPolicy;
}

function tableNameOf(entity: EntitySchema<any, any>): string {
  const meta = entity.meta as { tableName?: string; collection?: string; className: string };
  return meta.tableName ?? meta.collection ?? meta.className;
}

/** Refuses a plugin whose tables or migrations are outside its namespace: they would collide. */
function checkNamespace(plugin: TuopinPlugin): void {
  const prefix = `${plugin.name}_`;
  for (const entity of plugin.entities) {
    const table = tableNameOf(entity);
    if (!table.startsWith(prefix)) {
      throw new PluginConfigurationError(`Plugin '${plugin.name}': table '${table}' must be named '${prefix}…' (set tableName in defineEntity)`);
    }
  }
  for (const migration of plugin.migrations) {
    if (!migration.name.startsWith(prefix)) {
      throw new PluginConfigurationError(`Plugin '${plugin.name}': migration '${migration.name}' must be named '${prefix}…'`);
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
 * Assembles the platform for a set of plugins: checks and orders them, collects entities and
 * migrations (core first), and builds one schema with a fresh builder, core first and then each
 * plugin in dependency order, with the kernel's object-level scope guard on every field that can
 * return an area-scoped object. Throws `PluginConfigurationError` for an unusable set, including a
 * type that declares no scope and roles or permissions declared wrongly (`plugin-access.ts`).
 */
export function buildPlatform({ plugins }: { plugins: readonly TuopinPlugin[] }): Platform {
  const ordered = orderPlugins(plugins);
  ordered.forEach(checkNamespace);
  const access = assembleAccess(CORE_ACCESS, ordered);
  const builder = createBuilder();
  registerCoreSchema(builder);
  for (const plugin of ordered) plugin.registerSchema(builder);
  const auditVocabulary = buildAuditVocabulary(coreAuditObjectTypes, ordered);
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
  const guarded = guardObjectScope(protectStatistics(weighStatistics(nameMutationsForAudit(schema))));
  // Only a platform that was built makes its roles known: a refused plugin set leaves no trace.
  makeAccessKnown(access);
  return {
    access,
    plugins: ordered,
    entities: [...coreEntities, ...ordered.flatMap((plugin) => plugin.entities)],
    migrationsList: [...coreMigrations, ...ordered.flatMap((plugin) => plugin.migrations)],
    schema: guarded,
    auditVocabulary,
  };
}
