import type { z } from 'zod';
import type { TuopinPlugin } from './plugin.js';
import type { PlatformSettings } from './settings.js';

/**
 * A plugin's settings schema: a zod schema that takes the plugin's block of tuopin.config.json
 * (`plugins.<name>`, absent blocks arrive as `{}`) and returns the settings the plugin runs with,
 * defaults filled in. Give defaults with `.prefault(...)`, so that they are checked too.
 */
export type PluginSettingsSchema<Settings = unknown> = z.ZodType<Settings>;

/** A plugin's settings block that does not fit its schema: names the plugin, the key and the reason. */
export class PluginSettingsError extends Error {
  constructor(
    readonly plugin: string,
    readonly key: string,
    readonly reason: string,
  ) {
    super(`tuopin.config.json plugins.${plugin}${key ? `.${key}` : ''}: ${reason}`);
    this.name = 'PluginSettingsError';
  }
}

// Settings objects are made once per server (or test server) and never change; a WeakMap keeps
// each one's checked blocks without a field on the object, and lets test servers' settings go.
const checked = new WeakMap<PlatformSettings, ReadonlyMap<string, unknown>>();

/**
 * Checks the settings block of every plugin in `plugins` against the plugin's schema and keeps
 * the results for `pluginSettingsOf`. `start` and `migrate` call it before anything else, so a
 * mistake stops the process with the plugin, the key and the reason instead of failing a request.
 * Blocks of plugins that are not enabled are left alone. Checking the same settings again is free.
 *
 * @throws PluginSettingsError on the first block that does not fit.
 */
export function checkPluginSettings(plugins: readonly TuopinPlugin[], settings: PlatformSettings): void {
  const previous = checked.get(settings);
  if (previous && plugins.every((plugin) => previous.has(plugin.name))) return;
  const results = new Map(previous);
  for (const plugin of plugins) results.set(plugin.name, checkBlock(plugin, settings.plugins?.[plugin.name]));
  checked.set(settings, results);
}

/**
 * The checked settings of an enabled plugin (what its schema returned), for its resolvers and
 * services: `pluginSettingsOf<FinanceSettings>(ctx.settings, 'finance')`.
 *
 * @throws Error when the settings were never checked for that plugin (a server assembled without
 * `checkPluginSettings`): a bug, not a configuration mistake.
 */
export function pluginSettingsOf<Settings>(settings: PlatformSettings, pluginName: string): Settings {
  const results = checked.get(settings);
  if (!results?.has(pluginName)) throw new Error(`the settings of plugin '${pluginName}' were not checked at start-up (checkPluginSettings)`);
  return results.get(pluginName) as Settings;
}

function checkBlock(plugin: TuopinPlugin, block: Readonly<Record<string, unknown>> | undefined): unknown {
  // Keys starting with "$" are comments, as everywhere in tuopin.config.json.
  const raw = Object.fromEntries(Object.entries(block ?? {}).filter(([key]) => !key.startsWith('$')));
  if (!plugin.settings) {
    const [key] = Object.keys(raw);
    if (key !== undefined) throw new PluginSettingsError(plugin.name, key, 'unknown key (this plugin takes no settings)');
    return {};
  }
  const result = plugin.settings.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [...issue.path];
  let reason = issue.message;
  if (issue.code === 'unrecognized_keys') {
    path.push(issue.keys[0]);
    reason = 'unknown key';
  } else if (issue.code === 'invalid_key') {
    reason = issue.issues[0]?.message ?? reason;
  }
  throw new PluginSettingsError(plugin.name, keyPath(path), reason);
}

/** `benchmarkRates[0].percent`, as the key is written in the configuration. */
function keyPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`)).join('');
}
