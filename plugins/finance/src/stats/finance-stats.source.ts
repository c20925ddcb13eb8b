import type { FinanceBlock } from './finance-stats.sql.js';

/** What `RegionStats.finance` resolves to: the area and the day; each field loads the figures in batches. */
export interface FinanceStatsSource {
  readonly code: string;
  readonly asOf: string;
  /** The blocks of the statistics statement the selection reads (`blocksRead`); every block when absent. */
  readonly blocks?: readonly FinanceBlock[];
}
