/** What `RegionStats.finance` resolves to: the area and the day; each field loads the figures in batches. */
export interface FinanceStatsSource {
  readonly code: string;
  readonly asOf: string;
}
