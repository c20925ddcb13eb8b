import { HOUSEHOLD_STATUSES, parseMoney, pluginSettingsOf, provinceOf, z, type HouseholdStatus, type PlatformSettings } from '@tuopin/core';
import { AID_SCHEMES, STAGES, type AidScheme, type Stage } from '../shared/vocabulary.js';
import { NATIONAL_SCHEMES, SCHEME_CHANGES_BY_YEAR } from './national-schemes.js';

/** One aid scheme as it applies in a province and year. */
export interface SchemeRules {
  /** 每学年资助标准 The amount a student may get in a year, by the stages the scheme covers (stages not listed are not covered). */
  readonly amounts: Readonly<Partial<Record<Stage, string>>>;
  /** 分几次发放 How many payments the year's amount is paid in (per term: 2). */
  readonly instalments: number;
  /** 可享受的贫困户状态 Household statuses whose children are eligible. */
  readonly householdStatuses: readonly HouseholdStatus[];
  /** 仅限全日制 Only full-time students are eligible. */
  readonly fullTimeOnly: boolean;
}

type SchemeLayer = Partial<Record<AidScheme, Partial<SchemeRules>>>;

/** The education plugin's settings, checked at start-up; read them through `schemeRulesFor`. */
export interface EducationSettings {
  /** 公示期 The shortest public notice (days) before an approved application may be paid. */
  readonly noticeDays: number;
  readonly national: Readonly<Record<AidScheme, SchemeRules>>;
  readonly years: readonly { readonly fromYear: number; readonly schemes: SchemeLayer }[];
  readonly provinces: Readonly<Record<string, { readonly schemes: SchemeLayer; readonly years: readonly { readonly fromYear: number; readonly schemes: SchemeLayer }[] }>>;
}

const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.number({ error }).refine((n) => Number.isInteger(n) && n >= min && n <= max, { error });
};

const MONEY_ERROR = 'must be a positive yuan amount string like "3000.00"';
const positiveMoney = z.string({ error: MONEY_ERROR }).refine((text) => {
  const fen = parseMoney(text);
  return fen !== null && fen > 0n;
}, { error: MONEY_ERROR });

const stage = z.enum(Object.keys(STAGES) as [Stage, ...Stage[]], { error: `must be a stage (${Object.keys(STAGES).join(', ')})` });
const householdStatus = z.enum(Object.keys(HOUSEHOLD_STATUSES) as [HouseholdStatus, ...HouseholdStatus[]], {
  error: `must be a household status (${Object.keys(HOUSEHOLD_STATUSES).join(', ')})`,
});
const scheme = z.enum(Object.keys(AID_SCHEMES) as [AidScheme, ...AidScheme[]], { error: `must be an aid scheme (${Object.keys(AID_SCHEMES).join(', ')})` });

const schemeFields = {
  amounts: z.partialRecord(stage, positiveMoney, { error: 'must be an object of stage → yearly amount' }),
  instalments: wholeNumber(1, 4),
  householdStatuses: z.array(householdStatus, { error: 'must be a list of household statuses' }),
  fullTimeOnly: z.boolean({ error: 'must be true or false' }),
};
const fullScheme = z.strictObject(schemeFields);
const partialScheme = z.strictObject(schemeFields).partial();
const schemeLayer = z.partialRecord(scheme, partialScheme, { error: 'must be an object of aid scheme → its rules' });
const yearLayers = z
  .array(z.strictObject({ fromYear: wholeNumber(2000, 2100), schemes: schemeLayer }), { error: 'must be a list of { fromYear, schemes }' })
  .transform((layers) => [...layers].sort((a, b) => a.fromYear - b.fromYear));
const provinceCode = z.string().regex(/^\d{2}0{10}$/, { error: 'must be a 12-digit province code like "430000000000"' });

/**
 * What tuopin.config.json may hold under `plugins.education`. The national rules of the domain
 * (`national-schemes.ts`) are the defaults, checked like configured values; `years` change them
 * from a year on (after 2021 the 雨露计划+ action), `provinces` by province (a province's own
 * `years` too). A later layer replaces only the keys it names.
 */
export const educationSettingsSchema = z.strictObject({
  noticeDays: wholeNumber(1, 60).prefault(5),
  national: z.strictObject(Object.fromEntries(Object.keys(AID_SCHEMES).map((key) => [key, fullScheme])) as Record<AidScheme, typeof fullScheme>).prefault(NATIONAL_SCHEMES),
  years: yearLayers.prefault(SCHEME_CHANGES_BY_YEAR),
  provinces: z
    .record(provinceCode, z.strictObject({ schemes: schemeLayer.prefault({}), years: yearLayers.prefault([]) }), { error: 'must be an object of province code → { schemes, years }' })
    .prefault({}),
}) satisfies z.ZodType<EducationSettings>;

/** The education settings of a deployment, checked at start-up from `settings.plugins.education`. */
export function educationSettingsOf(settings: PlatformSettings): EducationSettings {
  return pluginSettingsOf<EducationSettings>(settings, 'education');
}

function applyLayer(rules: SchemeRules, layer: SchemeLayer, key: AidScheme): SchemeRules {
  const change = layer[key];
  return change ? { ...rules, ...change } : rules;
}

/**
 * A scheme's rules for a student of a place in a year: the national rules, the national changes
 * of the years up to it, the province's own rules, then the province's changes up to the year.
 */
export function schemeRulesFor(settings: EducationSettings, key: AidScheme, placeCode: string, year: number): SchemeRules {
  let rules = settings.national[key];
  for (const layer of settings.years) if (layer.fromYear <= year) rules = applyLayer(rules, layer.schemes, key);
  const province = settings.provinces[provinceOf(placeCode)];
  if (province) {
    rules = applyLayer(rules, province.schemes, key);
    for (const layer of province.years) if (layer.fromYear <= year) rules = applyLayer(rules, layer.schemes, key);
  }
  return rules;
}

/** The national defaults, for code that runs outside a deployment (the demo data). */
export const DEFAULT_EDUCATION_SETTINGS: EducationSettings = educationSettingsSchema.parse({});
