import { buildPlatform, corePlugin, selectPlugins, type AccessPolicy, type Platform, type Principal, type TuopinPlugin } from '@tuopin/core';
import { ConfigurationError } from './configuration-error.js';
import type { TenancyConfig } from './deployment-config.js';

/**
 * Provinces enable only the plugins they need. The deployment enables a set of plugins
 * (TUOPIN_PLUGINS); each province runs that set or, when configured, a part of it. One schema is
 * built per distinct plugin set at start-up, and each request is answered with its caller's
 * province's schema: introspection shows a province only its plugins, and a disabled plugin's
 * fields do not exist for it, so blind calls fail validation. National callers see every enabled
 * plugin. The database holds the tables of every enabled plugin.
 */
export interface Tenancy {
  /** Every enabled plugin: its entities and migrations make up the database. */
  readonly deployment: Platform;
  /** The platform of each province with its own configuration, by province code. */
  readonly provinces: ReadonlyMap<string, Platform>;
  /** The platform that answers a caller. */
  platformFor(principal: Principal): Platform;
  /** The roles and permissions a caller of this province may hold (null: national, every enabled plugin's). */
  accessFor(provinceCode: string | null): AccessPolicy;
  /** The distinct platforms built, for tests and logs. */
  readonly distinct: readonly Platform[];
}

const keyOf = (plugins: readonly TuopinPlugin[]) => plugins.map((plugin) => plugin.name).sort().join(',');

/** The tenancy of core and the `installed` plugins (core is added here: list only the others). */
export function buildTenancy(installed: readonly TuopinPlugin[], pluginNames: string[] | undefined, config: TenancyConfig): Tenancy {
  const enabled = selectPlugins(installed, pluginNames);
  const deployment = buildPlatform({ plugins: [corePlugin, ...enabled] });
  const byKey = new Map<string, Platform>([[keyOf(enabled), deployment]]);
  const provinces = new Map<string, Platform>();
  for (const [code, names] of Object.entries(config.provinces)) {
    const missing = names.filter((name) => !enabled.some((plugin) => plugin.name === name));
    if (missing.length > 0) {
      throw new ConfigurationError(
        `province ${code} enables ${missing.map((n) => `'${n}'`).join(', ')}, which this deployment does not enable (TUOPIN_PLUGINS); enabled: ${enabled.map((p) => p.name).join(', ') || '(none)'}`,
      );
    }
    const plugins = selectPlugins(enabled, names);
    const key = keyOf(plugins);
    let platform = byKey.get(key);
    if (!platform) {
      platform = buildPlatform({ plugins: [corePlugin, ...plugins] });
      byKey.set(key, platform);
    }
    provinces.set(code, platform);
  }
  return {
    deployment,
    provinces,
    distinct: [...byKey.values()],
    platformFor: (principal) => (principal.provinceCode && provinces.get(principal.provinceCode)) || deployment,
    accessFor: (provinceCode) => ((provinceCode && provinces.get(provinceCode)) || deployment).access,
  };
}
