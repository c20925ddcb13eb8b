/**
 * The plugins compiled into the server's build (`tuopin build`, which `pnpm start` runs first).
 * The build's entry registers them before the command line starts, and `importPlugins` takes a
 * plugin from here rather than importing its package's TypeScript source, which plain Node cannot
 * run. They share the build's one copy of core, as they share core's module under tsx.
 */
export interface BuiltPlugin {
  /** Imports the plugin's compiled module. */
  load: () => Promise<Record<string, unknown>>;
  /** The plugin package's folder at build time. */
  packageDir: string;
}

const builtPlugins = new Map<string, BuiltPlugin>();

/** Called by the build's entry only. */
export function registerBuiltPlugins(plugins: Record<string, BuiltPlugin>): void {
  for (const [name, plugin] of Object.entries(plugins)) builtPlugins.set(name, plugin);
}

/** A plugin package compiled into this build, by package name; undefined when running from source. */
export function builtPlugin(name: string): BuiltPlugin | undefined {
  return builtPlugins.get(name);
}
