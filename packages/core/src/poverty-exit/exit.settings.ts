import type { PlatformSettings } from '../kernel/settings.js';

/**
 * 退出: the thresholds of a village's (出列) and a county's (摘帽) exit, and the exit notices.
 * Poverty incidence must be under 2 % nationally and under 3 % in the western provinces (a
 * province's own threshold overrides the national one); a county's three rates and approval
 * score (三率一度) are national figures. Declared into `PlatformSettings` by declaration merging,
 * at the top level of tuopin.config.json like core's other settings, checked at start-up.
 */
declare module '../kernel/settings.js' {
  interface PlatformSettings {
    /** Poverty incidence a village or county must be under to exit, in percent; 2 when absent. */
    readonly exitIncidenceThreshold?: number;
    /** Province-specific thresholds in percent (3 in the west), keyed by 12-digit province code. */
    readonly provinceExitIncidenceThresholds?: Readonly<Record<string, number>>;
    /** 三率一度 of a county's exit, in percent: wrongly exited and wrongly left out below, approval above. */
    readonly countyExitRates?: Readonly<CountyExitRates>;
    /** Minimum length of an exit notice (household, village, county), in days; 7 when absent. */
    readonly exitNoticeDays?: number;
  }
}

export interface CountyExitRates {
  /** 错退率: households exited wrongly, percent; must be under it. */
  readonly wrongExitMax: number;
  /** 漏评率: poor households left out, percent; must be under it. */
  readonly missedMax: number;
  /** 群众认可度: people's approval, percent; must be above it. */
  readonly approvalMin: number;
}

export const DEFAULT_EXIT_INCIDENCE_THRESHOLD = 2;
export const DEFAULT_COUNTY_EXIT_RATES: CountyExitRates = { wrongExitMax: 2, missedMax: 2, approvalMin: 90 };
export const DEFAULT_EXIT_NOTICE_DAYS = 7;

/** The incidence (percent) a village or county of this province must be under to exit. */
export function exitIncidenceThresholdFor(settings: PlatformSettings, provinceCode: string): number {
  return settings.provinceExitIncidenceThresholds?.[provinceCode] ?? settings.exitIncidenceThreshold ?? DEFAULT_EXIT_INCIDENCE_THRESHOLD;
}

export function countyExitRatesOf(settings: PlatformSettings): CountyExitRates {
  return { ...DEFAULT_COUNTY_EXIT_RATES, ...settings.countyExitRates };
}

export function exitNoticeDaysOf(settings: PlatformSettings): number {
  return settings.exitNoticeDays ?? DEFAULT_EXIT_NOTICE_DAYS;
}
