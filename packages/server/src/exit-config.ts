import { DEFAULT_COUNTY_EXIT_RATES, DEFAULT_EXIT_INCIDENCE_THRESHOLD, DEFAULT_EXIT_NOTICE_DAYS, type CountyExitRates } from '@tuopin/core';
import { ConfigurationError } from './configuration-error.js';

/** The exit settings as tuopin.config.json may give them (top level, like core's other settings). */
export interface RawExitSettings {
  exitIncidenceThreshold?: unknown;
  provinceExitIncidenceThresholds?: unknown;
  countyExitRates?: unknown;
  exitNoticeDays?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A percentage above 0 and at most 100, with at most two decimals. */
function percent(value: unknown, where: string): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 100) || Math.round(value * 100) !== value * 100) {
    throw new ConfigurationError(`${where} must be a percentage above 0 and at most 100 with at most two decimals, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Checks the exit settings at start-up (poverty-exit/exit.settings.ts): the incidence threshold,
 * its per-province overrides keyed by 12-digit province code, the county's three rates and
 * approval score, the exit notices' length. Absent keys take the national defaults.
 */
export function checkExitSettings(raw: RawExitSettings) {
  const provinces = raw.provinceExitIncidenceThresholds ?? {};
  if (!isObject(provinces)) throw new ConfigurationError('provinceExitIncidenceThresholds must be an object of province code → percent');
  const rates = raw.countyExitRates ?? {};
  if (!isObject(rates)) throw new ConfigurationError('countyExitRates must be an object like { "wrongExitMax": 2, "missedMax": 2, "approvalMin": 90 }');
  const unknown = Object.keys(rates).filter((key) => !key.startsWith('$') && !(key in DEFAULT_COUNTY_EXIT_RATES));
  if (unknown.length > 0) throw new ConfigurationError(`countyExitRates: unknown key '${unknown[0]}' (wrongExitMax, missedMax, approvalMin)`);
  const days = raw.exitNoticeDays ?? DEFAULT_EXIT_NOTICE_DAYS;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 90) {
    throw new ConfigurationError(`exitNoticeDays must be a whole number of days between 1 and 90, got ${JSON.stringify(days)}`);
  }
  return {
    exitIncidenceThreshold: raw.exitIncidenceThreshold === undefined ? DEFAULT_EXIT_INCIDENCE_THRESHOLD : percent(raw.exitIncidenceThreshold, 'exitIncidenceThreshold'),
    provinceExitIncidenceThresholds: Object.fromEntries(
      Object.entries(provinces)
        .filter(([code]) => !code.startsWith('$'))
        .map(([code, value]) => {
          if (!/^\d{2}0{10}$/.test(code)) throw new ConfigurationError(`provinceExitIncidenceThresholds: '${code}' is not a 12-digit province code`);
          return [code, percent(value, `provinceExitIncidenceThresholds.${code}`)];
        }),
    ),
    countyExitRates: Object.fromEntries(
      Object.entries({ ...DEFAULT_COUNTY_EXIT_RATES, ...rates })
        .filter(([key]) => !key.startsWith('$'))
        .map(([key, value]) => [key, percent(value, `countyExitRates.${key}`)]),
    ) as unknown as CountyExitRates,
    exitNoticeDays: days,
  };
}
