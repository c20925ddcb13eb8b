import type { EntitySchema, MigrationObject } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type { TuopinContext } from './context.js';
import { coreEntities, coreMigrations, registerCoreSchema } from '../core.module.js';
import { createBuilder } from './builder.js';
import { PluginConfigurationError, type TuopinPlugin } from './plugin.js';
import { orderPlugins } from './plugin-set.js';
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
 * plugin in dependency order. Throws `PluginConfigurationError` for an unusable set.
 */
export function buildPlatform({ plugins }: { plugins: readonly TuopinPlugin[] }): Platform {
  const ordered = orderPlugins(plugins);
  ordered.forEach(checkNamespace);
  const builder = createBuilder();
  registerCoreSchema(builder);
  for (const plugin of ordered) plugin.registerSchema(builder);
  return {
    plugins: ordered,
    entities: [...coreEntities, ...ordered.flatMap((plugin) => plugin.entities)],
    migrationsList: [...coreMigrations, ...ordered.flatMap((plugin) => plugin.migrations)],
    schema: weighStatistics(nameMutationsForAudit(builder.toSchema({ sortSchema: true }))),
  };
}
