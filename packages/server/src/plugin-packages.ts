import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TuopinPlugin } from '@tuopin/core';
import { ConfigurationError } from './configuration-error.js';
import { packageDirAbove } from './paths.js';
import { builtPlugin } from './built-plugins.js';

/** A plugin package as found from some folder: the plugin it exports, and the package's folder. */
interface ImportedPlugin {
  plugin: TuopinPlugin;
  packageDir: string;
}

/**
 * Imports plugin packages as a package at `fromDir` sees them (a deployment root, or a plugin's
 * own folder for its tests) and returns the plugin object each exports, in the order given.
 */
export async function importPlugins(packages: readonly string[], fromDir: string): Promise<TuopinPlugin[]> {
  const plugins: TuopinPlugin[] = [];
  for (const name of packages) plugins.push((await importPlugin(name, fromDir)).plugin);
  return plugins;
}

/**
 * A plugin's set, for its tests: the named plugin packages and, transitively, the plugins they
 * declare in `dependsOn`, each found among its package's dependencies by that package's manifest
 * entry `"tuopin": { "plugin": "<name>" }`. Dependencies come first.
 */
export async function importPluginSet(packages: readonly string[], fromDir: string): Promise<TuopinPlugin[]> {
  const loaded = new Map<string, TuopinPlugin>();
  const visit = async (imported: ImportedPlugin): Promise<void> => {
    if (loaded.has(imported.plugin.name)) return;
    const wanted = new Set(imported.plugin.dependsOn ?? []);
    for (const dependency of pluginDependencies(imported.packageDir)) {
      if (wanted.has(dependency.plugin)) await visit(await importPlugin(dependency.package, imported.packageDir));
    }
    loaded.set(imported.plugin.name, imported.plugin);
  };
  for (const name of packages) await visit(await importPlugin(name, fromDir));
  return [...loaded.values()];
}

async function importPlugin(name: string, fromDir: string): Promise<ImportedPlugin> {
  const built = builtPlugin(name);
  if (built) return { plugin: pluginExportedBy(name, await built.load()), packageDir: built.packageDir };
  const require = createRequire(path.join(fromDir, 'package.json'));
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new ConfigurationError(`plugin package '${name}' cannot be found from ${fromDir}; is it a dependency there, and installed (pnpm install)?`);
  }
  const plugin = pluginExportedBy(name, await import(pathToFileURL(entry).href));
  return { plugin, packageDir: packageDirAbove(path.dirname(entry)) };
}

/** The dependencies of a package that are plugin packages, with the plugin name each declares. */
function pluginDependencies(packageDir: string): { package: string; plugin: string }[] {
  const manifest = readManifest(packageDir) as { dependencies?: Record<string, string> };
  const require = createRequire(path.join(packageDir, 'package.json'));
  const found: { package: string; plugin: string }[] = [];
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    // Only manifests are read here: a dependency that is not a plugin is never imported.
    const dir = (require.resolve.paths(name) ?? []).map((base) => path.join(base, name)).find((candidate) => existsSync(path.join(candidate, 'package.json')));
    const plugin = dir ? (readManifest(dir) as { tuopin?: { plugin?: unknown } }).tuopin?.plugin : undefined;
    if (typeof plugin === 'string') found.push({ package: name, plugin });
  }
  return found;
}

function readManifest(dir: string): unknown {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

/** A package's plugin: the one exported value shaped like a plugin (`definePlugin`'s result). */
function pluginExportedBy(name: string, module: Record<string, unknown>): TuopinPlugin {
  const found = [...new Set(Object.values(module))].filter(isPlugin);
  if (found.length !== 1) {
    throw new ConfigurationError(`plugin package '${name}' must export exactly one plugin object (made with definePlugin), found ${found.length}`);
  }
  return found[0];
}

function isPlugin(value: unknown): value is TuopinPlugin {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof TuopinPlugin, unknown>>;
  return (
    typeof candidate.name === 'string' &&
    typeof candidate.title === 'string' &&
    Array.isArray(candidate.entities) &&
    Array.isArray(candidate.migrations) &&
    typeof candidate.registerSchema === 'function'
  );
}
