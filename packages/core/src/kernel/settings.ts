import type { SuppressionRule } from './suppression.js';

/**
 * Runtime settings that vary by deployment and by province, read from configuration by the
 * server. The kernel declares what it uses itself; core declares its own (poverty lines, notice
 * periods: `core.settings.ts`) into this interface by declaration merging, and every other plugin
 * has its checked block under `plugins`.
 */
export interface PlatformSettings {
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
   * How long an `Idempotency-Key` is kept, in hours (`idempotencyKeyHours`, 24 when absent): a
   * mutation sent again with its key within this time is answered from the first run.
   */
  readonly idempotencyKeyHours?: number;
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

/** China Standard Time has no daylight saving: UTC+8 all year. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's date in China (YYYY-MM-DD) by the settings' clock: the date officials write on paper. */
export function todayOf(settings: PlatformSettings): string {
  const now = settings.clock?.() ?? new Date();
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
