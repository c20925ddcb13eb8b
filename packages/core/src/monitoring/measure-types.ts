import type { TuopinContext } from '../kernel/context.js';
import { PluginConfigurationError, type TuopinPlugin } from '../kernel/plugin.js';

/**
 * 帮扶措施: the kinds of help a monitored household receives. Core names the common ones; a
 * plugin declares its own (`measureTypes`), and may link such a measure to one of its records —
 * a loan, a 雨露计划 payment — which it loads for core, within the caller's scope.
 */
export const CORE_MEASURE_TYPES = {
  INDUSTRY: '产业帮扶 Industry support',
  EMPLOYMENT: '就业帮扶 Jobs',
  PUBLIC_WELFARE_POST: '公益性岗位 A public-welfare post',
  MICRO_CREDIT: '小额信贷 Micro-credit',
  HEALTH: '健康帮扶 Health support',
  EDUCATION: '教育帮扶 Education support',
  HOUSING: '住房安全保障 Housing safety',
  DRINKING_WATER: '饮水安全保障 Drinking water',
  MINIMUM_LIVING_ALLOWANCE: '低保 Minimum living allowance',
  EXTREME_HARDSHIP_SUPPORT: '特困供养 Extreme-hardship support',
  TEMPORARY_RELIEF: '临时救助 Temporary relief',
  OTHER: '其他 Other',
} as const;

/** A measure type a plugin declares, as it declares its roles. */
export interface MeasureTypeDeclaration {
  /** Upper case, prefixed with the plugin's name: `FINANCE_MICRO_LOAN`. */
  readonly name: string;
  /** Bilingual, Chinese first: '扶贫小额信贷 A poverty-relief micro-loan'. */
  readonly title: string;
  /**
   * The record a measure of this type may link to: its GraphQL type (a Node) and how to load one
   * by database id within the caller's scope (null when absent or outside it), with the household
   * it belongs to, which must be the case's.
   */
  readonly record?: {
    readonly type: string;
    readonly load: (ctx: TuopinContext, id: number) => Promise<{ readonly householdId: number } | null>;
  };
}

declare module '../kernel/plugin.js' {
  interface TuopinPlugin {
    /** Kinds of help to monitored households the plugin adds to core's (`MeasureTypeDeclaration`). */
    readonly measureTypes?: readonly MeasureTypeDeclaration[];
  }
}

const TITLE = /\p{Script=Han}.*\s[A-Za-z]/u;

/** Core's measure types and every plugin's, checked: names in each plugin's namespace, titles bilingual, no duplicates. */
export function measureTypesOf(plugins: readonly TuopinPlugin[]): Map<string, MeasureTypeDeclaration & { plugin: string }> {
  const types = new Map<string, MeasureTypeDeclaration & { plugin: string }>();
  for (const [name, title] of Object.entries(CORE_MEASURE_TYPES)) types.set(name, { name, title, plugin: 'core' });
  for (const plugin of plugins) {
    for (const declared of plugin.measureTypes ?? []) {
      const prefix = `${plugin.name.toUpperCase().replace(/-/g, '_')}_`;
      if (!declared.name.startsWith(prefix) || !/^[A-Z][A-Z0-9_]*$/.test(declared.name)) {
        throw new PluginConfigurationError(`Plugin '${plugin.name}': measure type '${declared.name}' must be upper case and start with '${prefix}'`);
      }
      if (!TITLE.test(declared.title)) throw new PluginConfigurationError(`Plugin '${plugin.name}': measure type '${declared.name}' needs a title in Chinese and English`);
      if (types.has(declared.name)) throw new PluginConfigurationError(`Plugin '${plugin.name}': measure type '${declared.name}' is declared twice`);
      types.set(declared.name, { ...declared, plugin: plugin.name });
    }
  }
  return types;
}
