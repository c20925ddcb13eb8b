/** How the bench's reports write figures: '–' for anything not measured. */

/** A number with up to `digits` decimals and thousands separators, or '–'. */
export const num = (x: number, digits = 1): string =>
  Number.isFinite(x) ? x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 }) : '–';

/** A ratio already divided, as '1.25×', or '–'. */
export const times = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

/** a ÷ b as '1.25×', or '–' when either is missing or b is not positive. */
export const ratio = (a: number, b: number): string => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? times(a / b) : '–');

/** A share from 0 to 1 as '74 %', or '–'. */
export const share = (x: number): string => (Number.isFinite(x) ? `${Math.round(x * 100)} %` : '–');
