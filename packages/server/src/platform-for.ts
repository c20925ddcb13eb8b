import { buildPlatform, corePlugin, selectPlugins, type Platform } from '@tuopin/core';
import type { ServerConfig } from './config.js';
import { buildTenancy, type Tenancy } from './tenancy.js';

/** The platform for the configured plugin set (TUOPIN_PLUGINS), refusing unknown names. */
export function platformFor(config: Pick<ServerConfig, 'installedPlugins' | 'pluginNames'>): Platform {
  return buildPlatform({ plugins: [corePlugin, ...selectPlugins(config.installedPlugins, config.pluginNames)] });
}

/** The deployment's tenancy: every enabled plugin (TUOPIN_PLUGINS) and each province's part of it. */
export function tenancyFor(config: Pick<ServerConfig, 'installedPlugins' | 'pluginNames' | 'tenancy'>): Tenancy {
  return buildTenancy(config.installedPlugins, config.pluginNames, config.tenancy);
}
