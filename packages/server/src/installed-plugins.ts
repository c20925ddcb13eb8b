import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TuopinPlugin } from '@tuopin/core';
import { ConfigurationError } from './configuration-error.js';
import { importPlugins } from './plugin-packages.js';
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

/** The deployment's installed plugins (see `installedPluginPackages`). */
export async function loadInstalledPlugins(root: string = REPO_ROOT): Promise<TuopinPlugin[]> {
  return importPlugins(installedPluginPackages(root), root);
}
