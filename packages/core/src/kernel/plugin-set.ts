import { isCorePlugin, pluginProblems } from './define-plugin.js';
import { PluginConfigurationError, type TuopinPlugin } from './plugin.js';

/**
 * Picks the plugins named in configuration (e.g. TUOPIN_PLUGINS) from the installed ones.
 * `names === undefined` means every installed plugin; an empty list means core alone. Core, when
 * it is among the installed, is always selected: it cannot be switched off.
 */
export function selectPlugins(installed: readonly TuopinPlugin[], names: readonly string[] | undefined): TuopinPlugin[] {
  if (names === undefined) return [...installed];
  const core = installed.filter(isCorePlugin);
  const optional = installed.filter((plugin) => !isCorePlugin(plugin));
  const byName = new Map(optional.map((plugin) => [plugin.name, plugin]));
  const wanted = names.filter((name) => !core.some((plugin) => plugin.name === name));
  const unknown = wanted.filter((name) => !byName.has(name));
  if (unknown.length > 0) {
    const available = optional.map((plugin) => plugin.name).join(', ') || '(none)';
    throw new PluginConfigurationError(
      `Unknown plugin${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `'${n}'`).join(', ')}; installed plugins: ${available}`,
    );
  }
  return [...core, ...[...new Set(wanted)].map((name) => byName.get(name)!)];
}

/**
 * Checks a plugin set and orders it so that every plugin comes after the plugins it depends on,
 * and core, an implicit dependency of every plugin, before all of them. Refuses duplicate or
 * malformed names (`core` is reserved for core's own plugin), tables or migrations outside a
 * plugin's namespace, dependencies that are not in the set, and cycles, each with a message that
 * says what to change.
 */
export function orderPlugins(plugins: readonly TuopinPlugin[]): TuopinPlugin[] {
  const byName = new Map<string, TuopinPlugin>();
  for (const plugin of plugins) {
    const [problem] = pluginProblems(plugin);
    if (problem) throw new PluginConfigurationError(problem);
    if (byName.has(plugin.name)) throw new PluginConfigurationError(`Plugin '${plugin.name}' is listed twice`);
    byName.set(plugin.name, plugin);
  }
  for (const plugin of plugins) {
    for (const dependency of plugin.dependsOn ?? []) {
      if (!byName.has(dependency)) {
        throw new PluginConfigurationError(
          `Plugin '${plugin.name}' depends on '${dependency}', which is not enabled: enable '${dependency}' too, or disable '${plugin.name}'`,
        );
      }
    }
  }

  const ordered: TuopinPlugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: TuopinPlugin, path: string[]): void => {
    const seen = state.get(plugin.name);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(plugin.name)), plugin.name].join(' → ');
      throw new PluginConfigurationError(`Plugins depend on each other in a cycle: ${cycle}`);
    }
    state.set(plugin.name, 'visiting');
    for (const dependency of plugin.dependsOn ?? []) visit(byName.get(dependency)!, [...path, plugin.name]);
    state.set(plugin.name, 'done');
    ordered.push(plugin);
  };
  for (const plugin of plugins.filter(isCorePlugin)) visit(plugin, []);
  for (const plugin of plugins) visit(plugin, []);
  return ordered;
}
