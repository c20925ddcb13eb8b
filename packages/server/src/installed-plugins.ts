import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TuopinPlugin } from '@tuopin/core';
import { ConfigurationError } from './configuration-error.js';
import { REPO_ROOT } from './paths.js';

/**
 * Which plugins are installed is the deployment's business, not the server's: the server depends
 * on no plugin. The deployment's `package.json` (the repository root here) lists the plugin
 * packages under `tuopin.plugins` and depends on each of them; the server imports them from there.
 * Registering a plugin is one entry in that list plus its workspace dependency:
 *
 *   "tuopin": { "plugins": ["@tuopin/plugin-finance"] },
 *   "dependencies": { "@tuopin/plugin-finance": "workspace:*" }
 *
 * TUOPIN_PLUGINS then picks among the installed plugins.
 */
export function installedPluginPackages(root: string = REPO_ROOT): string[] {
  const file = path.join(root, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { tuopin?: { plugins?: unknown }; dependencies?: Record<string, string> };
  const listed = manifest.tuopin?.plugins ?? [];
  if (!Array.isArray(listed) || !listed.every((name) => typeof name === 'string')) {
    throw new ConfigurationError(`${file}: tuopin.plugins must be a list of plugin package names, e.g. ["@tuopin/plugin-finance"]`);
  }
  const undeclared = listed.filter((name) => manifest.dependencies?.[name] === undefined);
  if (undeclared.length > 0) {
    throw new ConfigurationError(`${file}: tuopin.plugins lists ${undeclared.map((n) => `'${n}'`).join(', ')}, which is not under dependencies (add it: pnpm add ${undeclared[0]}@workspace:* -w)`);
  }
  return listed;
}

/**
 * Imports plugin packages as a package at `fromDir` sees them (a deployment root, or a plugin's
 * own folder for its tests) and returns the plugin object each exports, in the order given.
 */
export async function importPlugins(packages: readonly string[], fromDir: string): Promise<TuopinPlugin[]> {
  const require = createRequire(path.join(fromDir, 'package.json'));
  const plugins: TuopinPlugin[] = [];
  for (const name of packages) {
    let entry: string;
    try {
      entry = require.resolve(name);
    } catch {
      throw new ConfigurationError(`plugin package '${name}' cannot be found from ${fromDir}; is it a dependency there, and installed (pnpm install)?`);
    }
    plugins.push(pluginExportedBy(name, await import(pathToFileURL(entry).href)));
  }
  return plugins;
}

/** The deployment's installed plugins (see `installedPluginPackages`). */
export async function loadInstalledPlugins(root: string = REPO_ROOT): Promise<TuopinPlugin[]> {
  return importPlugins(installedPluginPackages(root), root);
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
