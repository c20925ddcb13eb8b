import type { SuppressionRule } from './suppression.js';

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
  /**
   * Minimum length of a project-plan notice (公示期), in days counted inclusively, before a
   * project may be approved. 7 when absent.
   */
  readonly projectNoticeDays?: number;
  /**
   * How many days before the day it is recorded a notice may have started (a board put up on
   * Friday and entered on Monday). 2 when absent; 0 means a notice is recorded the day it goes up.
   */
  readonly noticeRecordingGraceDays?: number;
  /**
   * The clock that business dates ("today": approval dates, ledger dates) are read from. Absent
   * in production (the system clock); tests pass one so that notice periods can be run through
   * without waiting. It lives in settings because settings already reach every request's context
   * and every server a test starts, so no other layer needs to know about it.
   */
  readonly clock?: () => Date;
  /**
   * Small-count protection of partners' statistics: k (`threshold`, 5) and the unit money sums
   * are rounded down to (`moneyUnit`, "10000.00"); the defaults of `suppressionOf` when absent.
   */
  readonly suppression?: Partial<SuppressionRule>;
  /** Limits on the shape of a query; the defaults below when absent. */
  readonly queryLimits?: Partial<QueryLimits>;
  /**
   * Each plugin's own settings, keyed by plugin name: the `plugins` block of tuopin.config.json,
   * e.g. `{ "finance": { "maxPrincipal": "50000.00" } }`. Core checks only that each block is an
   * object; each plugin's `settings` schema checks its block at start-up (`checkPluginSettings`)
   * and supplies defaults, and the plugin reads the result with `pluginSettingsOf`.
   */
  readonly plugins?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** How deep, wide and costly one GraphQL request may be. */
export interface QueryLimits {
  /** Nesting depth of selections. */
  depth: number;
  /** Selections in the whole request. */
  breadth: number;
  /**
   * Cost: each field 1, list fields multiply what they contain by 10, connections by their page
   * size, statistics blocks 20 (kernel/query-cost.ts). A page of 50 households with their loans
   * and schedules is about 31,000.
   */
  complexity: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { depth: 12, breadth: 400, complexity: 50_000 };

export function queryLimitsOf(settings: PlatformSettings): QueryLimits {
  return { ...DEFAULT_QUERY_LIMITS, ...settings.queryLimits };
}

export const DEFAULT_PROJECT_NOTICE_DAYS = 7;

export const EMPTY_SETTINGS: PlatformSettings = { povertyLines: {}, provincePovertyLines: {}, projectNoticeDays: DEFAULT_PROJECT_NOTICE_DAYS };

/** The poverty line that applies to a year in a province, or null when none is configured. */
export function povertyLineFor(settings: PlatformSettings, year: number, provinceCode: string): string | null {
  return settings.provincePovertyLines[provinceCode]?.[String(year)] ?? settings.povertyLines[String(year)] ?? null;
}

export const DEFAULT_NOTICE_RECORDING_GRACE_DAYS = 2;

/** How many days a notice may have run before it is recorded. */
export function noticeRecordingGraceDaysOf(settings: PlatformSettings): number {
  return settings.noticeRecordingGraceDays ?? DEFAULT_NOTICE_RECORDING_GRACE_DAYS;
}

/** The configured notice period for project approval, in days. */
export function projectNoticeDaysOf(settings: PlatformSettings): number {
  return settings.projectNoticeDays ?? DEFAULT_PROJECT_NOTICE_DAYS;
}

/** China Standard Time has no daylight saving: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's date in China (YYYY-MM-DD) by the settings' clock: the date officials write on paper. */
export function todayOf(settings: PlatformSettings): string {
  const now = settings.clock?.() ?? new Date();
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
