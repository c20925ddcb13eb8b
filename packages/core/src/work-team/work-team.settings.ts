import { z } from 'zod';
import { pluginSettingsOf } from '../kernel/plugin-settings.js';
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

/** `plugins.core.workTeams` of tuopin.config.json, each key optional, the national rules as defaults. */
export const workTeamSettingsSchema = z.strictObject({
  minTeamSize: wholeNumber(1, 50).prefault(3),
  minTermYears: wholeNumber(1, 10).prefault(2),
  helperCaps: caps.prefault({}),
  provinces: z
    .record(z.string().regex(/^\d{2}0{10}$/, { error: 'must be a 12-digit province code' }), provinceRules, { error: 'must be an object of province code → rules' })
    .prefault({}),
});

/** Core's settings block (`plugins.core`), checked at start-up like every plugin's. */
export const coreSettingsSchema = z.strictObject({ workTeams: workTeamSettingsSchema.prefault({}) });

/** The rules that apply in a province: its own where it has them, the national ones otherwise. */
export function workTeamRulesFor(settings: PlatformSettings, provinceCode: string): WorkTeamRules {
  const { workTeams } = pluginSettingsOf<z.infer<typeof coreSettingsSchema>>(settings, 'core');
  const province = workTeams.provinces[provinceCode] ?? {};
  return {
    minTeamSize: province.minTeamSize ?? workTeams.minTeamSize,
    minTermYears: province.minTermYears ?? workTeams.minTermYears,
    helperCaps: { ...workTeams.helperCaps, ...province.helperCaps } as Partial<Record<CadreRank, number>>,
  };
}
