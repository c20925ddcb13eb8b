import { formatMoney, parseMoney, pluginSettingsOf, z, type PlatformSettings } from '@tuopin/core';
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

const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.number({ error }).refine((n) => Number.isInteger(n) && n >= min && n <= max, { error });
};

const positiveFen = z.string({ error: 'must be a positive yuan amount string like "50000.00"' }).transform((text, ctx) => {
  const fen = parseMoney(text);
  if (fen !== null && fen > 0n) return fen;
  ctx.addIssue({ code: 'custom', message: 'must be a positive yuan amount string like "50000.00"' });
  return z.NEVER;
});

const percent = z.string({ error: 'must be a percentage string like "4.35"' }).transform((text, ctx) => {
  const basisPoints = hundredthsOf(text);
  if (basisPoints !== null) return basisPoints;
  ctx.addIssue({ code: 'custom', message: 'must be a percentage string like "4.35"' });
  return z.NEVER;
});

const grade = z.string().refine((key) => key in CREDIT_GRADES, { error: `must be a grade (${Object.keys(CREDIT_GRADES).join(', ')})` });

/**
 * What tuopin.config.json may hold under `plugins.finance`, each key with the national default
 * (checked like a configured value), turned into `FinanceSettings`. The plugin's settings schema:
 * `start` and `migrate` check it before anything else.
 */
export const financeSettingsSchema = z
  .strictObject({
    maxPrincipal: positiveFen.prefault('50000.00'),
    maxTermMonths: wholeNumber(1, 120).prefault(36),
    benchmarkRates: z
      .array(z.strictObject({ upToMonths: wholeNumber(1, 360), percent }), { error: 'must be a non-empty list of { upToMonths, percent }' })
      .min(1, { error: 'must be a non-empty list of { upToMonths, percent }' })
      .prefault([
        { upToMonths: 12, percent: '4.35' },
        { upToMonths: 60, percent: '4.75' },
      ]),
    defaultAfterDays: wholeNumber(1, 3650).prefault(90),
    creditLimits: z.record(grade, positiveFen, { error: 'must be an object of grade → amount' }).prefault({ AAA: '50000.00', AA: '30000.00', A: '10000.00' }),
    maxCreditLineMonths: wholeNumber(1, 120).prefault(36),
    borrowerAge: z
      .strictObject({ min: wholeNumber(16, 100), max: wholeNumber(16, 100) })
      .refine((age) => age.min <= age.max, { error: 'must be a range with min ≤ max' })
      .prefault({ min: 18, max: 65 }),
  })
  .transform((value, ctx): FinanceSettings => {
    const benchmarkRates = [...value.benchmarkRates].sort((a, b) => a.upToMonths - b.upToMonths).map(({ upToMonths, percent: basisPoints }) => ({ upToMonths, basisPoints }));
    if (benchmarkRates[benchmarkRates.length - 1].upToMonths < value.maxTermMonths) {
      ctx.addIssue({ code: 'custom', path: ['benchmarkRates'], message: `must be bands that cover every term up to maxTermMonths (${value.maxTermMonths})` });
      return z.NEVER;
    }
    return {
      maxPrincipalFen: value.maxPrincipal,
      maxTermMonths: value.maxTermMonths,
      benchmarkRates,
      defaultAfterDays: value.defaultAfterDays,
      creditLimitsFen: value.creditLimits as Partial<Record<CreditGrade, bigint>>,
      maxCreditLineMonths: value.maxCreditLineMonths,
      borrowerAge: value.borrowerAge,
    };
  });

/** The national defaults, for code that runs outside a deployment (the demo data). */
export const DEFAULT_FINANCE_SETTINGS: FinanceSettings = financeSettingsSchema.parse({});

/** The finance settings of a deployment, checked at start-up from `settings.plugins.finance`. */
export function financeSettingsOf(settings: PlatformSettings): FinanceSettings {
  return pluginSettingsOf<FinanceSettings>(settings, 'finance');
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
