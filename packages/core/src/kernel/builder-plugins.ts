import type { TuopinBuilder } from './builder.js';
import type { TuopinPlugin } from './plugin.js';

const pluginsByBuilder = new WeakMap<TuopinBuilder, readonly TuopinPlugin[]>();

/** Records the plugin set a builder assembles a schema for (`buildPlatform` does, before any plugin registers). */
export function setBuilderPlugins(builder: TuopinBuilder, plugins: readonly TuopinPlugin[]): void {
  pluginsByBuilder.set(builder, plugins);
}

/**
 * The plugins of the schema being built, in dependency order: what a plugin's `registerSchema`
 * reads to gather what the others declare for it (core's monitoring gathers their measure types).
 * Empty for a builder that no platform assembles (a unit test's).
 */
export function pluginsOfBuilder(builder: TuopinBuilder): readonly TuopinPlugin[] {
  return pluginsByBuilder.get(builder) ?? [];
}
