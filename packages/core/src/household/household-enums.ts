/**
 * The registry's closed vocabularies (建档立卡 standard categories). Each value maps to its
 * bilingual description, Chinese first; the GraphQL enums and the database checks use the keys.
 */

import { enumOf } from '../kernel/enum-values.js';

export const HOUSEHOLD_CATEGORIES = {
  ORDINARY: '一般贫困户 Ordinary poor household',
  MINIMUM_LIVING_ALLOWANCE: '低保贫困户 Poor household on the minimum living allowance (低保)',
  EXTREME_HARDSHIP: '特困供养贫困户 Extreme-hardship household supported by the state (五保)',
} as const;
export type HouseholdCategory = keyof typeof HOUSEHOLD_CATEGORIES;

export const HOUSEHOLD_STATUSES = {
  POOR: '未脱贫 Poor, not yet out of poverty',
  EXITED: '已脱贫 Exited poverty',
  RETURNED: '返贫 Returned to poverty after exiting',
} as const;
export type HouseholdStatus = keyof typeof HOUSEHOLD_STATUSES;

/** Statuses counted as poor in statistics: never exited, or back in poverty. */
export const POOR_STATUSES: readonly HouseholdStatus[] = ['POOR', 'RETURNED'];

export const POVERTY_CAUSES = {
  ILLNESS: '因病 Illness',
  DISABILITY: '因残 Disability',
  EDUCATION: '因学 Education costs',
  DISASTER: '因灾 Disaster',
  LACK_OF_LAND: '缺土地 Lack of land',
  LACK_OF_WATER: '缺水 Lack of water',
  LACK_OF_SKILLS: '缺技术 Lack of skills',
  LACK_OF_LABOUR: '缺劳力 Lack of labour',
  LACK_OF_CAPITAL: '缺资金 Lack of capital',
  POOR_TRANSPORT: '交通条件落后 Poor transport',
  LACK_OF_DRIVE: '自身发展动力不足 Lack of drive to develop',
  OTHER: '其他 Other',
} as const;
export type PovertyCause = keyof typeof POVERTY_CAUSES;

export const HOUSING_SAFETY_GRADES = {
  A: 'A级 Safe',
  B: 'B级 Basically safe',
  C: 'C级危房 Dangerous in part (grade C)',
  D: 'D级危房 Dangerous as a whole (grade D)',
} as const;
export type HousingSafetyGrade = keyof typeof HOUSING_SAFETY_GRADES;

/** 识别标准: the line a household was identified under, the national one or its province's higher one. */
export const POVERTY_STANDARDS = {
  NATIONAL: '国家标准 The national poverty line',
  PROVINCIAL: '省定标准 The province\'s own, higher line',
} as const;
export type PovertyStandard = keyof typeof POVERTY_STANDARDS;

/**
 * 帮扶分类: how a household is to be lifted out, in either vocabulary the policy used — 五个一批
 * (production, relocation, ecological compensation, education, social-security floor) or 四个一批
 * (production and employment, relocation, 低保 floor, medical assistance). The two share their
 * first two classes.
 */
export const ASSISTANCE_CLASSES = {
  PRODUCTION_EMPLOYMENT: '发展生产和就业脱贫一批（五个一批、四个一批） Production and employment (both vocabularies)',
  RELOCATION: '易地搬迁脱贫一批（五个一批、四个一批） Relocation (both vocabularies)',
  ECOLOGICAL_COMPENSATION: '生态补偿脱贫一批（五个一批） Ecological compensation (五个一批)',
  EDUCATION: '发展教育脱贫一批（五个一批） Education (五个一批)',
  SOCIAL_SECURITY: '社会保障兜底一批（五个一批） Social-security floor (五个一批)',
  MINIMUM_LIVING_ALLOWANCE: '低保政策兜底一批（四个一批） Minimum living allowance floor (四个一批)',
  MEDICAL_ASSISTANCE: '医疗救助扶持一批（四个一批） Medical assistance (四个一批)',
} as const;
export type AssistanceClass = keyof typeof ASSISTANCE_CLASSES;

export const HouseholdCategoryEnum = enumOf(HOUSEHOLD_CATEGORIES);
export const PovertyStandardEnum = enumOf(POVERTY_STANDARDS);
export const AssistanceClassEnum = enumOf(ASSISTANCE_CLASSES);
export const HouseholdStatusEnum = enumOf(HOUSEHOLD_STATUSES);
export const PovertyCauseEnum = enumOf(POVERTY_CAUSES);
export const HousingSafetyGradeEnum = enumOf(HOUSING_SAFETY_GRADES);
