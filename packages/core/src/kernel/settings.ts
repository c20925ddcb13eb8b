/**
 * Runtime settings that vary by deployment and by province, read from configuration by the
 * server. Poverty lines are a per-year setting (the national line was 2,300 yuan at 2010
 * prices, re-priced every year; provinces may set higher ones), never a constant in code.
 */
export interface PlatformSettings {
  /** Poverty line per year, yuan per person per year, as Money strings. */
  readonly povertyLines: Readonly<Record<string, string>>;
  /** Province-specific lines, keyed by 12-digit province code; they override the national ones. */
  readonly provincePovertyLines: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const EMPTY_SETTINGS: PlatformSettings = { povertyLines: {}, provincePovertyLines: {} };

/** The poverty line that applies to a year in a province, or null when none is configured. */
export function povertyLineFor(settings: PlatformSettings, year: number, provinceCode: string): string | null {
  return settings.provincePovertyLines[provinceCode]?.[String(year)] ?? settings.povertyLines[String(year)] ?? null;
}
