/**
 * Two-decimal numbers that are not money: annual rates in percent (4.35 % a year) and leverage
 * multiples (10.00 ×). Held as whole hundredths — for a rate, basis points — so that nothing that
 * depends on them goes through a binary fraction.
 */

/** Whole hundredths of a non-negative number with at most two decimals below 100, or null. */
export function hundredthsOf(value: number | string): number | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The decimal string of whole hundredths ("4.35"). */
export function formatHundredths(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
