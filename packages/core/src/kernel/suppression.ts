import type { TuopinContext } from './context.js';
import { seesSuppressedStatistics } from './principal.js';

/** Counts of people or households below this are withheld from partners: they could single people out. */
export const SMALL_COUNT_THRESHOLD = 5;

/**
 * A count of people or households as the caller may see it: partners get null instead of a
 * count below the threshold. Use it for every statistic that counts people, in plugins too.
 */
export function suppressSmallCount(ctx: TuopinContext, count: number): number | null {
  return seesSuppressedStatistics(ctx.principal) && count < SMALL_COUNT_THRESHOLD ? null : count;
}
