import { z } from 'zod';
import type { PlatformSettings } from '../kernel/settings.js';
import { CADRE_RANKS, type CadreRank } from './work-team-enums.js';

/**
 * The rules of work teams and paired cadres that differ by province: the smallest team, the
 * shortest term, and how many households a helper of each rank may be paired with. The national
 * rules are 3 people and 2 years; no national cap per helper is known, so a rank without a cap
 * (nationally or in the province) is not capped. 保靖县's figures (county-level cadres 8–10
 * households, section-level 6–8, staff 4–6, village cadres and party members 1–2) are the example
 * in tuopin.config.json for 湖南.
 */
export interface WorkTeamRules {
  readonly minTeamSize: number;
  readonly minTermYears: number;
  readonly helperCaps: Readonly<Partial<Record<CadreRank, number>>>;
}

export interface WorkTeamSettings extends WorkTeamRules {
  readonly provinces: Readonly<Record<string, Partial<WorkTeamRules>>>;
}

declare module '../kernel/settings.js' {
  interface PlatformSettings {
    /**
     * `workTeams` of tuopin.config.json, checked by `readWorkTeamSettings` when the server reads
     * the file; the national rules when absent (settings made in code, as tests do).
     */
    readonly workTeams?: WorkTeamSettings;
  }
}

const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.number({ error }).refine((n) => Number.isInteger(n) && n >= min && n <= max, { error });
};

const rank = z.string().refine((key) => key in CADRE_RANKS, { error: `must be a rank (${Object.keys(CADRE_RANKS).join(', ')})` });
const caps = z.record(rank, wholeNumber(1, 100), { error: 'must be an object of rank → households' });

const provinceRules = z.strictObject({
  minTeamSize: wholeNumber(1, 50).optional(),
  minTermYears: wholeNumber(1, 10).optional(),
  helperCaps: caps.optional(),
});

/** `workTeams` of tuopin.config.json, each key optional, the national rules as defaults. */
const workTeamSettingsSchema = z.strictObject({
  minTeamSize: wholeNumber(1, 50).prefault(3),
  minTermYears: wholeNumber(1, 10).prefault(2),
  helperCaps: caps.prefault({}),
  provinces: z
    .record(z.string().regex(/^\d{2}0{10}$/, { error: 'must be a 12-digit province code' }), provinceRules, { error: 'must be an object of province code → rules' })
    .prefault({}),
});

/** The national rules: what applies where nothing is configured. */
const NATIONAL_RULES: WorkTeamSettings = workTeamSettingsSchema.parse({}) as WorkTeamSettings;

/**
 * Checks the `workTeams` block of tuopin.config.json (absent: the national rules) and returns
 * the settings with defaults filled in, or the first problem: the key under `workTeams` and the
 * reason. Keys that start with `$` are comments.
 */
export function readWorkTeamSettings(raw: unknown): { settings: WorkTeamSettings } | { key: string; reason: string } {
  const block = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('$'))) : raw;
  const result = workTeamSettingsSchema.safeParse(block ?? {});
  if (result.success) return { settings: result.data as WorkTeamSettings };
  const issue = result.error.issues[0];
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') return { key: [...path, issue.keys[0]].join('.'), reason: 'unknown key' };
  const reason = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  return { key: path.join('.'), reason };
}

/** The rules that apply in a province: its own where it has them, the national ones otherwise. */
export function workTeamRulesFor(settings: PlatformSettings, provinceCode: string): WorkTeamRules {
  const workTeams = settings.workTeams ?? NATIONAL_RULES;
  const province = workTeams.provinces[provinceCode] ?? {};
  return {
    minTeamSize: province.minTeamSize ?? workTeams.minTeamSize,
    minTermYears: province.minTermYears ?? workTeams.minTermYears,
    helperCaps: { ...workTeams.helperCaps, ...province.helperCaps } as Partial<Record<CadreRank, number>>,
  };
}
