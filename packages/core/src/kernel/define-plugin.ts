import type { EntitySchema } from '@mikro-orm/core';
import { PluginConfigurationError, type TuopinPlugin } from './plugin.js';

/**
 * A plugin's name: lower-case letters and digits, words joined by single hyphens (`finance`,
 * `demo-x`). It is the name in `TUOPIN_PLUGINS`, in `dependsOn`, in `plugins.<name>` of
 * tuopin.config.json and in its permissions (`demo-x.records.manage`); SQL identifiers cannot hold
 * a hyphen, so its tables and migrations use its namespace (`pluginNamespaceOf`: `demo_x_`) and its
 * roles its role prefix (`DEMO_X_`).
 */
export const PLUGIN_NAME_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The prefix of a plugin's tables and migrations: its name with hyphens as underscores and a
 * trailing underscore ('finance' → 'finance_', 'demo-x' → 'demo_x_').
 */
export function pluginNamespaceOf(pluginName: string): string {
  return `${pluginName.replace(/-/g, '_')}_`;
}

/** The name of the core plugin: the registry, projects and funds every plugin builds on. */
export const CORE_PLUGIN_NAME = 'core';

// The plugins made by `defineCorePlugin`. A WeakSet rather than a flag on the object, so that no
// plugin can claim to be core by spreading core's fields into its own object.
const corePlugins = new WeakSet<TuopinPlugin>();

/** True for the plugin core defined for itself (`defineCorePlugin`), false for any other, whatever its name. */
export function isCorePlugin(plugin: TuopinPlugin): boolean {
  return corePlugins.has(plugin);
}

/** The table an entity maps to. */
export function tableNameOf(entity: EntitySchema<any, any>): string {
  const meta = entity.meta as { tableName?: string; collection?: string; className: string };
  return meta.tableName ?? meta.collection ?? meta.className;
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/**
 * What is wrong with a plugin on its own, before it meets the others: its name, its title, its
 * dependencies, and its tables and migrations outside its namespace. Core keeps its historical
 * table names (`household`, `member`, …) because renaming them would break every database; only
 * the plugin core defines for itself is exempt from the table prefix (see `defineCorePlugin`).
 */
export function pluginProblems(plugin: TuopinPlugin): string[] {
  const problems: string[] = [];
  const core = isCorePlugin(plugin);
  if (!PLUGIN_NAME_PATTERN.test(plugin.name) || (plugin.name === CORE_PLUGIN_NAME && !core)) {
    return [`Plugin name '${plugin.name}' is invalid: use lower-case letters and digits, words joined by single hyphens ('demo-x'), not the reserved name '${CORE_PLUGIN_NAME}'`];
  }
  const prefix = pluginNamespaceOf(plugin.name);
  if (!core) {
    for (const entity of plugin.entities) {
      const table = tableNameOf(entity);
      if (!table.startsWith(prefix)) problems.push(`table '${table}' must be named '${prefix}…' (set tableName in defineEntity)`);
    }
  }
  for (const migration of plugin.migrations) {
    if (!migration.name.startsWith(prefix)) problems.push(`migration '${migration.name}' must be named '${prefix}…'`);
  }
  return problems.map((problem) => `Plugin '${plugin.name}': ${problem}`);
}

/**
 * Defines a plugin: checks it when its package loads and returns it unchanged (frozen). Besides
 * what `buildPlatform` checks again for any plugin set (name, tables and migrations in the
 * namespace), it refuses what only the author can fix: a title that is not bilingual (Chinese
 * first, then English), a plugin that depends on itself or names core (always present), and
 * `auditObjectTypes` keys outside the plugin's namespace.
 *
 * @throws PluginConfigurationError listing every problem found.
 * @example
 * export const notesPlugin = definePlugin({
 *   name: 'notes',
 *   title: '走访记录 Visit notes',
 *   entities: [NoteSchema],
 *   migrations: [{ name: 'notes_20261129000000_init', class: NotesMigration }],
 *   auditObjectTypes: { notes_note: 'Note' },
 *   registerSchema(builder) { … },
 * });
 */
export function definePlugin<const Plugin extends TuopinPlugin>(plugin: Plugin): Plugin {
  const problems = pluginProblems(plugin);
  if (problems.length === 0) problems.push(...authorProblems(plugin).map((problem) => `Plugin '${plugin.name}': ${problem}`));
  if (problems.length > 0) throw new PluginConfigurationError(problems.join('; '));
  return Object.freeze(plugin);
}

function authorProblems(plugin: TuopinPlugin): string[] {
  const problems: string[] = [];
  const han = plugin.title.search(HAN);
  const latin = plugin.title.search(LATIN);
  if (han < 0 || latin < 0 || latin < han) {
    problems.push(`title '${plugin.title}' must be bilingual, Chinese first: '金融扶贫 Financial poverty relief'`);
  }
  for (const dependency of plugin.dependsOn ?? []) {
    if (dependency === plugin.name) problems.push('it depends on itself');
    if (dependency === CORE_PLUGIN_NAME) problems.push(`core is a dependency of every plugin: leave '${CORE_PLUGIN_NAME}' out of dependsOn`);
  }
  // A table may be audited without an entity (written by SQL alone), so only the namespace is checked.
  for (const table of Object.keys(plugin.auditObjectTypes ?? {})) {
    const namespace = pluginNamespaceOf(plugin.name);
    if (!isCorePlugin(plugin) && !table.startsWith(namespace)) problems.push(`auditObjectTypes names '${table}', which is not a table of its namespace '${namespace}'`);
  }
  return problems;
}

/**
 * Core's own `definePlugin`, not part of the public entry: the one plugin allowed the name `core`
 * and exempt from the table prefix, because core's tables predate plugins and renaming them would
 * break every database. Its migrations are named `core_…` like any plugin's.
 */
export function defineCorePlugin<const Plugin extends TuopinPlugin>(plugin: Plugin): Plugin {
  if (plugin.name !== CORE_PLUGIN_NAME) throw new PluginConfigurationError(`defineCorePlugin is for the plugin '${CORE_PLUGIN_NAME}', not '${plugin.name}'`);
  corePlugins.add(plugin);
  return definePlugin(plugin);
}
