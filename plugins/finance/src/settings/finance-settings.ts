import { formatMoney, parseMoney, type PlatformSettings } from '@tuopin/core';
import { CREDIT_GRADES, type CreditGrade } from '../rating/rating-grade.js';
import { hundredthsOf } from '../shared/hundredths.js';

/**
 * The finance plugin's settings: the `plugins.finance` block of tuopin.config.json, each key
 * optional, with the national policy of 2014–2020 as defaults (扶贫小额信贷: at most 50,000 yuan,
 * at most three years, at the benchmark rate). Provinces that lend differently say so in their
 * configuration, never in code.
 */
export interface FinanceSettings {
  /** 单笔贷款本金上限 The largest principal of one loan, in fen. */
  readonly maxPrincipalFen: bigint;
  /** 最长期限 The longest term of a loan, in months. */
  readonly maxTermMonths: number;
  /**
   * 基准利率 The benchmark annual rate by term: the first band whose `upToMonths` covers the term
   * applies. A loan is made at that rate unless a lower one is given; never above it.
   */
  readonly benchmarkRates: readonly { readonly upToMonths: number; readonly basisPoints: number }[];
  /** Days an instalment may stay unpaid before the loan counts as defaulted (不良). */
  readonly defaultAfterDays: number;
  /** 授信上限 The largest credit line each grade may be granted, in fen; grades not listed get none. */
  readonly creditLimitsFen: Readonly<Partial<Record<CreditGrade, bigint>>>;
  /** The longest validity of a credit line, in months. */
  readonly maxCreditLineMonths: number;
  /** The borrower's age on the disbursement date, inclusive. */
  readonly borrowerAge: { readonly min: number; readonly max: number };
}

/** What tuopin.config.json may hold under `plugins.finance`, with the defaults applied when a key is absent. */
export const DEFAULT_FINANCE_SETTINGS = {
  maxPrincipal: '50000.00',
  maxTermMonths: 36,
  benchmarkRates: [
    { upToMonths: 12, percent: '4.35' },
    { upToMonths: 60, percent: '4.75' },
  ],
  defaultAfterDays: 90,
  creditLimits: { AAA: '50000.00', AA: '30000.00', A: '10000.00' },
  maxCreditLineMonths: 36,
  borrowerAge: { min: 18, max: 65 },
} as const;

/** A mistake in `plugins.finance`, naming the key and what it must be. */
export class FinanceSettingsError extends Error {
  constructor(key: string, expected: string) {
    super(`tuopin.config.json plugins.finance.${key} must be ${expected}`);
    this.name = 'FinanceSettingsError';
  }
}

const wholeNumber = (value: unknown, key: string, min: number, max: number): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FinanceSettingsError(key, `a whole number from ${min} to ${max}`);
  }
  return value;
};

const positiveFen = (value: unknown, key: string): bigint => {
  const fen = typeof value === 'string' ? parseMoney(value) : null;
  if (fen === null || fen <= 0n) throw new FinanceSettingsError(key, 'a positive yuan amount string like "50000.00"');
  return fen;
};

/** Validates a `plugins.finance` block and fills in the defaults. */
export function parseFinanceSettings(raw: Readonly<Record<string, unknown>> = {}): FinanceSettings {
  const known = Object.keys(DEFAULT_FINANCE_SETTINGS);
  // Keys starting with "$" are comments, as in the rest of tuopin.config.json.
  const unknown = Object.keys(raw).filter((key) => !known.includes(key) && !key.startsWith('$'));
  if (unknown.length > 0) throw new FinanceSettingsError(unknown[0], `one of ${known.join(', ')} (unknown key)`);
  const value = { ...DEFAULT_FINANCE_SETTINGS, ...raw } as Record<keyof typeof DEFAULT_FINANCE_SETTINGS, unknown>;


  const rates = value.benchmarkRates;
  if (!Array.isArray(rates) || rates.length === 0) throw new FinanceSettingsError('benchmarkRates', 'a non-empty list of { upToMonths, percent }');
  const benchmarkRates = rates.map((band: { upToMonths?: unknown; percent?: unknown }, i) => {
    const basisPoints = typeof band?.percent === 'string' ? hundredthsOf(band.percent) : null;
    if (basisPoints === null) throw new FinanceSettingsError(`benchmarkRates[${i}].percent`, 'a percentage string like "4.35"');
    return { upToMonths: wholeNumber(band.upToMonths, `benchmarkRates[${i}].upToMonths`, 1, 360), basisPoints };
  });
  benchmarkRates.sort((a, b) => a.upToMonths - b.upToMonths);

  const limits = value.creditLimits;
  if (typeof limits !== 'object' || limits === null) throw new FinanceSettingsError('creditLimits', 'an object of grade → amount');
  const creditLimitsFen: Partial<Record<CreditGrade, bigint>> = {};
  for (const [grade, amount] of Object.entries(limits)) {
    if (!(grade in CREDIT_GRADES)) throw new FinanceSettingsError(`creditLimits.${grade}`, `keyed by a grade (${Object.keys(CREDIT_GRADES).join(', ')})`);
    creditLimitsFen[grade as CreditGrade] = positiveFen(amount, `creditLimits.${grade}`);
  }

  const age = value.borrowerAge as { min?: unknown; max?: unknown } | null;
  const borrowerAge = { min: wholeNumber(age?.min, 'borrowerAge.min', 16, 100), max: wholeNumber(age?.max, 'borrowerAge.max', 16, 100) };
  if (borrowerAge.min > borrowerAge.max) throw new FinanceSettingsError('borrowerAge', 'a range with min ≤ max');

  const settings: FinanceSettings = {
    maxPrincipalFen: positiveFen(value.maxPrincipal, 'maxPrincipal'),
    maxTermMonths: wholeNumber(value.maxTermMonths, 'maxTermMonths', 1, 120),
    benchmarkRates,
    defaultAfterDays: wholeNumber(value.defaultAfterDays, 'defaultAfterDays', 1, 3650),
    creditLimitsFen,
    maxCreditLineMonths: wholeNumber(value.maxCreditLineMonths, 'maxCreditLineMonths', 1, 120),
    borrowerAge,
  };
  if (benchmarkRates[benchmarkRates.length - 1].upToMonths < settings.maxTermMonths) {
    throw new FinanceSettingsError('benchmarkRates', `bands that cover every term up to maxTermMonths (${settings.maxTermMonths})`);
  }
  return settings;
}

// Settings objects are made once per server (or test server) and never change, so parsing once
// per object is enough; a WeakMap lets test servers' settings be collected.
const parsed = new WeakMap<PlatformSettings, FinanceSettings>();

/**
 * The finance settings of a deployment, parsed from `settings.plugins.finance` on first use. A
 * mistake in the block fails that first finance request with a message naming the key.
 */
export function financeSettingsOf(settings: PlatformSettings): FinanceSettings {
  let result = parsed.get(settings);
  if (!result) {
    result = parseFinanceSettings(settings.plugins?.finance);
    parsed.set(settings, result);
  }
  return result;
}

/** The benchmark rate for a term, in basis points. */
export function benchmarkRateFor(settings: FinanceSettings, termMonths: number): number {
  return (settings.benchmarkRates.find((band) => termMonths <= band.upToMonths) ?? settings.benchmarkRates[settings.benchmarkRates.length - 1]).basisPoints;
}

/** The largest credit line a grade may get, as Money, or null when the grade gets none. */
export function creditLimitFor(settings: FinanceSettings, grade: CreditGrade): string | null {
  const fen = settings.creditLimitsFen[grade];
  return fen === undefined ? null : formatMoney(fen);
}
