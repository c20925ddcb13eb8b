import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../configuration-error.js';
import { namespaceClash, pluginNameProblem, pluginNamesOf, type PluginNames } from './plugin-names.js';
import { renderPluginTemplates } from './render-templates.js';

export interface ScaffoldOptions {
  /** The plugin's name: `demo-x`. */
  readonly name: string;
  /** The folder the plugin's folder is made in: `<root>/plugins`. */
  readonly pluginsDir: string;
  /** The plugin names already installed, whose namespaces the new one must not overlap. */
  readonly installed?: readonly string[];
  /** The migration's timestamp, `YYYYMMDDhhmmss`; now (UTC) by default. */
  readonly timestamp?: string;
  /** The templates; `packages/server/templates/plugin` by default (tests render altered copies). */
  readonly templateDir?: string;
}

export interface ScaffoldedPlugin {
  readonly names: PluginNames;
  /** The plugin's folder. */
  readonly dir: string;
  /** The files written, relative to `dir`. */
  readonly files: string[];
}

/** `YYYYMMDDhhmmss` of a moment, in UTC: the migration's timestamp. */
export function migrationTimestamp(moment: Date = new Date()): string {
  return moment.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/**
 * Creates `<pluginsDir>/<name>/` from the templates: a complete plugin with one area-scoped,
 * audited type, its migration, a mutation, a protected statistic, a permission, a role and its
 * tests. Refuses, changing nothing, a bad name, a name whose namespace overlaps an installed
 * plugin's, and a folder that exists.
 *
 * @throws ConfigurationError saying what is wrong.
 */
export function scaffoldPlugin(options: ScaffoldOptions): ScaffoldedPlugin {
  const problem = pluginNameProblem(options.name) ?? namespaceClash(options.name, options.installed ?? []);
  if (problem) throw new ConfigurationError(problem);
  const dir = path.join(options.pluginsDir, options.name);
  if (existsSync(dir)) throw new ConfigurationError(`${dir} exists already; remove it or choose another name`);
  const names = pluginNamesOf(options.name);
  return { names, dir, files: renderPluginTemplates(dir, names, options.timestamp ?? migrationTimestamp(), options.templateDir) };
}

/**
 * Installs a plugin package in a deployment: adds it to the root package.json's `tuopin.plugins`
 * and as a workspace dependency (`pnpm install` then links it). Returns false if it was listed.
 */
export function registerPluginPackage(rootDir: string, packageName: string): boolean {
  const file = path.join(rootDir, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { tuopin?: { plugins?: string[] }; dependencies?: Record<string, string> };
  const plugins = manifest.tuopin?.plugins ?? [];
  if (plugins.includes(packageName)) return false;
  manifest.tuopin = { ...manifest.tuopin, plugins: [...plugins, packageName] };
  manifest.dependencies = Object.fromEntries(Object.entries({ ...manifest.dependencies, [packageName]: 'workspace:*' }).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return true;
}
