import { buildPlatform, selectPlugins, type Platform } from '@tuopin/core';
import type { ServerConfig } from './config.js';
import { installedPlugins } from './installed-plugins.js';

/** The platform for the configured plugin set (TUOPIN_PLUGINS), refusing unknown names. */
export function platformFor(config: Pick<ServerConfig, 'pluginNames'>): Platform {
  return buildPlatform({ plugins: selectPlugins(installedPlugins, config.pluginNames) });
}
