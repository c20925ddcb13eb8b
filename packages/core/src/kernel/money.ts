/**
 * Exact money arithmetic. Amounts travel as decimal strings in yuan ("1234.50"), the form
 * PostgreSQL returns for numeric; arithmetic is done on integer fen (1/100 yuan) in BigInt, so no
 * floating-point rounding ever touches a balance.
 *
 * Two limits must not be confused. One amount (a budget, a fund, an allocation) is stored in a
 * numeric(14,2) column and so has at most twelve integer digits: inputs are checked against
 * `MAX_FEN` (`fitsOneAmount`). Sums of amounts — a county's budgets, a province's funds, the
 * national totals, which pass 1万亿 yuan — have no upper bound: PostgreSQL's sum() of numeric is
 * unbounded, and so is everything here that parses, adds and formats.
 */

const MONEY_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/** The largest absolute single amount, in fen: what a numeric(14,2) column holds (999,999,999,999.99 yuan). */
export const MAX_FEN = 99_999_999_999_999n;

/** True when an amount fits one numeric(14,2) value. Only single amounts are capped, never sums. */
export function fitsOneAmount(fen: bigint): boolean {
  return (fen < 0n ? -fen : fen) <= MAX_FEN;
}

/**
 * Parses a decimal yuan string of any size into fen; returns null when the text is not an
 * amount. Inputs check `fitsOneAmount` on the result; totals are never capped.
 */
export function parseMoney(text: string): bigint | null {
  const match = MONEY_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, sign, yuan, fraction = ''] = match;
  const fen = BigInt(yuan) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign ? -fen : fen;
}

/** Formats fen as a yuan string with exactly two decimals. */
export function formatMoney(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${rest}`;
}

/** An amount already in canonical form: no leading zeros, two decimals, no negative zero. */
const CANONICAL_MONEY = /^-?(?:0|[1-9]\d*)\.\d\d$/;

/** Normalises any valid amount string ("12", "12.5") to its canonical form ("12.00", "12.50"). */
export function normalizeMoney(text: string): string {
  // What PostgreSQL gives for numeric(…, 2) is canonical already: returned as it is, without the
  // two BigInts a parse and a format make (a project page serialises 140 amounts; test/bench, Q4).
  if (CANONICAL_MONEY.test(text) && text !== '-0.00') return text;
  const fen = parseMoney(text);
  if (fen === null) throw new RangeError(`not a money amount: ${text}`);
  return formatMoney(fen);
}

/** Sums money strings exactly. */
export function sumMoney(...amounts: string[]): string {
  // Amounts of at most 13 digits of yuan are summed exactly as whole fen in a Number, without the
  // BigInts and regular-expression matches of the general path: a project page sums its
  // funding's amounts for each of its projects (test/bench, session 34).
  let fen = 0;
  for (const amount of amounts) {
    if (!SMALL_AMOUNT.test(amount)) return sumOfBigFen(amounts);
    fen += Math.round(Number(amount) * 100);
    if (!Number.isSafeInteger(fen)) return sumOfBigFen(amounts);
  }
  return formatWholeFen(fen);
}

/** The general path: any amounts, summed as BigInt fen. */
function sumOfBigFen(amounts: readonly string[]): string {
  return formatMoney(amounts.reduce((total, amount) => total + toFen(amount), 0n));
}

/**
 * An amount with at most 13 digits of yuan and 2 of fen. For these, `Number(amount) * 100` is
 * within a quarter of a fen of the exact value (reading the decimal and multiplying by 100 each
 * err by at most 1.1e-16 of under 10^15 fen), so rounding it gives the exact fen.
 */
const SMALL_AMOUNT = /^-?\d{1,13}(?:\.\d{1,2})?$/;

/** Whole fen (a safe integer) as an amount, as `formatMoney` writes it. */
function formatWholeFen(fen: number): string {
  const negative = fen < 0;
  const abs = negative ? -fen : fen;
  const yuan = Math.floor(abs / 100);
  const rest = abs - yuan * 100;
  return `${negative ? '-' : ''}${yuan}.${rest < 10 ? '0' : ''}${rest}`;
}

/** a − b, exactly. */
export function subtractMoney(a: string, b: string): string {
  return formatMoney(toFen(a) - toFen(b));
}

/** Compares two amounts: negative, zero or positive like a sort comparator. */
export function compareMoney(a: string, b: string): number {
  const diff = toFen(a) - toFen(b);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/**
 * Divides an amount by a positive integer, rounding half away from zero to the fen, the way
 * per-capita figures are reported (and the way PostgreSQL's round(numeric, 2) behaves).
 */
export function divideMoney(amount: string, divisor: number): string {
  if (!Number.isInteger(divisor) || divisor <= 0) throw new RangeError(`divisor must be a positive integer: ${divisor}`);
  const fen = toFen(amount);
  const d = BigInt(divisor);
  const abs = fen < 0n ? -fen : fen;
  const rounded = (abs * 2n + d) / (2n * d);
  return formatMoney(fen < 0n ? -rounded : rounded);
}

function toFen(amount: string): bigint {
  const fen = parseMoney(amount);
  if (fen === null) throw new RangeError(`not a money amount: ${amount}`);
  return fen;
}

/**
 * A ratio of two amounts rounded to four decimals (0.8734 is 87.34 %), computed on integer fen so
 * that no binary fraction of a yuan is ever involved; null when the denominator is zero.
 */
export function moneyRatio(numerator: string, denominator: string): number | null {
  const top = parseMoney(numerator)!;
  const bottom = parseMoney(denominator)!;
  if (bottom <= 0n) return null;
  // Round half up at the fourth decimal: (2·top·10⁴ + bottom) ÷ (2·bottom).
  const scaled = (2n * top * 10_000n + bottom) / (2n * bottom);
  return Number(scaled) / 10_000;
}
