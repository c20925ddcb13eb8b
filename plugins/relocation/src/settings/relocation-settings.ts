import { formatMoney, isDivisionCode, levelOfCode, parseMoney, pluginSettingsOf, provinceOf, z, type PlatformSettings } from '@tuopin/core';

/**
 * The relocation plugin's settings: the `plugins.relocation` block of tuopin.config.json. Every
 * figure may be given nationally, for a plan year (`years`), for a province (`provinces`) and for a
 * province's plan year (`provinces.<code>.years`); the most specific one applies.
 *
 * National defaults only where the national policy gives a figure: at most 25 m² of floor area
 * per person moved (the "红线" for registered households). The central subsidy per person of
 * 2016–2020, a self-funding cap and a deadline for demolishing the old house have no national
 * figure we could find, so they have no default: where none is configured, the rule is not applied.
 */
export interface RelocationFigures {
  /** 人均住房面积上限 Largest floor area per person moved of a registered household, in hundredths of m². */
  readonly floorAreaPerPersonHundredths: bigint;
  /** 人均建房补助标准 The building subsidy per person moved, in fen; null where not configured. */
  readonly subsidyPerPersonFen: bigint | null;
  /** 户均自筹上限 Most a household may raise itself, in fen; null where not configured. */
  readonly selfRaisedCapFen: bigint | null;
  /** 拆旧期限 Months after the move in by which the old house is due to be demolished; null where not configured. */
  readonly demolitionMonths: number | null;
}

const positiveHundredths = (example: string) =>
  z.string({ error: `must be a positive decimal string like "${example}"` }).transform((text, ctx) => {
    const value = parseMoney(text);
    if (value !== null && value > 0n) return value;
    ctx.addIssue({ code: 'custom', message: `must be a positive decimal string like "${example}"` });
    return z.NEVER;
  });

const months = z.number({ error: 'must be a whole number of months from 1 to 120' }).refine((n) => Number.isInteger(n) && n >= 1 && n <= 120, {
  error: 'must be a whole number of months from 1 to 120',
});

/** One set of figures; every key optional. */
const figures = z.strictObject({
  floorAreaPerPerson: positiveHundredths('25.00').optional(),
  subsidyPerPerson: positiveHundredths('6000.00').optional(),
  selfRaisedCapPerHousehold: positiveHundredths('10000.00').optional(),
  demolitionMonthsAfterMoveIn: months.optional(),
});
type Figures = z.output<typeof figures>;

const yearKey = z.string().refine((key) => /^\d{4}$/.test(key) && Number(key) >= 2000 && Number(key) <= 2100, { error: 'must be a plan year from 2000 to 2100' });
const years = z.record(yearKey, figures, { error: 'must be an object of plan year → figures' });
const provinceKey = z.string().refine((key) => isDivisionCode(key) && levelOfCode(key) === 'PROVINCE', { error: 'must be a 12-digit province code' });

/** What tuopin.config.json may hold under `plugins.relocation`; checked at start-up. */
export const relocationSettingsSchema = z.strictObject({
  floorAreaPerPerson: positiveHundredths('25.00').prefault('25.00'),
  subsidyPerPerson: positiveHundredths('6000.00').optional(),
  selfRaisedCapPerHousehold: positiveHundredths('10000.00').optional(),
  demolitionMonthsAfterMoveIn: months.optional(),
  years: years.prefault({}),
  provinces: z.record(provinceKey, figures.extend({ years: years.optional() }), { error: 'must be an object of province code → figures' }).prefault({}),
});

export type RelocationSettings = z.output<typeof relocationSettingsSchema>;

/** The relocation settings of a deployment, checked at start-up from `settings.plugins.relocation`. */
export function relocationSettingsOf(settings: PlatformSettings): RelocationSettings {
  return pluginSettingsOf<RelocationSettings>(settings, 'relocation');
}

/** The figures that apply to a household of `areaCode` in plan year `year`: the most specific configured. */
export function relocationFiguresFor(settings: RelocationSettings, areaCode: string, year: number): RelocationFigures {
  const province = settings.provinces[provinceOf(areaCode)];
  const layers: Figures[] = [province?.years?.[String(year)] ?? {}, province ?? {}, settings.years[String(year)] ?? {}, settings];
  const pick = <K extends keyof Figures>(key: K): Figures[K] => layers.find((layer) => layer[key] !== undefined)?.[key];
  return {
    floorAreaPerPersonHundredths: pick('floorAreaPerPerson') ?? settings.floorAreaPerPerson,
    subsidyPerPersonFen: pick('subsidyPerPerson') ?? null,
    selfRaisedCapFen: pick('selfRaisedCapPerHousehold') ?? null,
    demolitionMonths: pick('demolitionMonthsAfterMoveIn') ?? null,
  };
}

/** Hundredths (of a m² or a yuan) as a two-decimal string. */
export const decimalOf = formatMoney;
