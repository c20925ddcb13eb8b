import type { PlatformSettings } from '../kernel/settings.js';

/**
 * 监测范围: the income under which a household is monitored, per year and province. The national
 * guidance set 6,000 yuan for 2021 and 6,500 for 2022; nothing is known after 2022, so a year
 * without a configured range has none and cases that need it are refused, never defaulted.
 */
declare module '../kernel/settings.js' {
  interface PlatformSettings {
    /** Monitoring range per year, yuan per person per year, as Money strings. */
    readonly monitoringRanges?: Readonly<Record<string, string>>;
    /** Province-specific ranges by 12-digit province code; they override the national ones. */
    readonly provinceMonitoringRanges?: Readonly<Record<string, Readonly<Record<string, string>>>>;
    /** Minimum length of the village notice of a monitoring case, in days; 5 when absent. */
    readonly monitoringNoticeDays?: number;
    /** Most days from a lead to the county's decision; 15 when absent. */
    readonly monitoringDecisionDays?: number;
    /** Months after identification before a risk may be eliminated; 6 when absent. */
    readonly riskEliminationMonths?: number;
  }
}

export const DEFAULT_MONITORING_NOTICE_DAYS = 5;
export const DEFAULT_MONITORING_DECISION_DAYS = 15;

/** The monitoring range of a year in a province, or null when none is configured. */
export function monitoringRangeFor(settings: PlatformSettings, year: number, provinceCode: string): string | null {
  return settings.provinceMonitoringRanges?.[provinceCode]?.[String(year)] ?? settings.monitoringRanges?.[String(year)] ?? null;
}

export function monitoringNoticeDaysOf(settings: PlatformSettings): number {
  return settings.monitoringNoticeDays ?? DEFAULT_MONITORING_NOTICE_DAYS;
}

export function monitoringDecisionDaysOf(settings: PlatformSettings): number {
  return settings.monitoringDecisionDays ?? DEFAULT_MONITORING_DECISION_DAYS;
}

export const DEFAULT_RISK_ELIMINATION_MONTHS = 6;

export function riskEliminationMonthsOf(settings: PlatformSettings): number {
  return settings.riskEliminationMonths ?? DEFAULT_RISK_ELIMINATION_MONTHS;
}
