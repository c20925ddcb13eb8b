import { formatMoney, moneyRatio, parseMoney } from './money.js';
import type { PlatformSettings } from './settings.js';

/**
 * The small-count protection applied to partners' statistics (see the README, "Access control").
 * Every figure is published as a range, never as an exact small number:
 *
 * - a count n is withheld (null) when n < k, otherwise rounded down to a multiple of k, so a
 *   published 15 means "15 to 19" and a withheld one means "0 to k−1" — the same kind of
 *   statement, which is why subtracting published figures from each other only yields ranges;
 * - a sum of money over fewer than k units (loans, payments, households…) is withheld, any other
 *   is rounded down to the money unit (10,000 yuan, 万元, the unit of the county reports);
 * - a total of whole units over counted cases (days to decision over the decided cases, floor
 *   area over the people housed) is withheld whenever its count is, otherwise rounded down to a
 *   multiple of k like a count: a total shown beside a withheld count would let a reader divide
 *   it back into a small number;
 * - a ratio is computed from its published numerator and denominator, never from exact ones.
 *
 * Rounding is a pure function of the exact figure: asking twice, or on another day with the same
 * data, gives the same answer and so gains nothing.
 */
export interface SuppressionRule {
  /** k: counts below it are withheld, sums over fewer units than it are withheld. */
  readonly threshold: number;
  /** The unit money sums are rounded down to, in yuan, as a Money string. */
  readonly moneyUnit: string;
}

/** Defaults: k = 5, money rounded down to 万元 (10,000 yuan). */
export const DEFAULT_SUPPRESSION: SuppressionRule = Object.freeze({ threshold: 5, moneyUnit: '10000.00' });

const rules = new WeakMap<Pick<PlatformSettings, 'suppression'>, SuppressionRule>();

/** The rule a deployment runs with: `suppression` in tuopin.config.json over the defaults (worked out once per settings object). */
export function suppressionOf(settings: Pick<PlatformSettings, 'suppression'>): SuppressionRule {
  let rule = rules.get(settings);
  if (!rule) {
    rule = settings.suppression ? Object.freeze({ ...DEFAULT_SUPPRESSION, ...settings.suppression }) : DEFAULT_SUPPRESSION;
    rules.set(settings, rule);
  }
  return rule;
}

/** A count as partners see it: null below k, otherwise rounded down to a multiple of k. */
export function protectCount(count: number, rule: SuppressionRule): number | null {
  if (count < rule.threshold) return null;
  return Math.floor(count / rule.threshold) * rule.threshold;
}

/** A money sum over `units` units as partners see it: null over fewer than k units, otherwise rounded down to the money unit. */
export function protectSum(amount: string, units: number, rule: SuppressionRule): string | null {
  // Withheld exactly when the count of its units is, so a sum is never shown beside a withheld count.
  if (protectCount(units, rule) === null) return null;
  const fen = parseMoney(amount);
  const unit = parseMoney(rule.moneyUnit);
  if (fen === null || unit === null || unit <= 0n) throw new RangeError(`cannot round ${amount} to ${rule.moneyUnit}`);
  // BigInt division truncates toward zero; floor negative amounts too, so a range stays [p, p + unit).
  const buckets = fen / unit - (fen < 0n && fen % unit !== 0n ? 1n : 0n);
  return formatMoney(buckets * unit);
}

/**
 * A whole-number total over the cases a count counts (days, m²) as partners see it: withheld
 * whenever that count is (`protectCount(units)` is null), otherwise rounded down to a multiple of k.
 */
export function protectTotal(total: number, units: number, rule: SuppressionRule): number | null {
  if (protectCount(units, rule) === null) return null;
  return Math.floor(total / rule.threshold) * rule.threshold;
}

/**
 * A ratio rounded to four decimals (0.2171 is 21.71 %) of two published parts: both amounts of
 * money (computed exactly on fen) or both numbers; null when a part is withheld or the
 * denominator is not positive.
 */
export function ratioOfParts(numerator: number | string | null, denominator: number | string | null): number | null {
  if (numerator === null || denominator === null) return null;
  if (typeof numerator === 'string' && typeof denominator === 'string') return moneyRatio(numerator, denominator);
  if (typeof numerator === 'number' && typeof denominator === 'number') {
    return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
  }
  throw new TypeError('a ratio needs two amounts of money or two numbers');
}
