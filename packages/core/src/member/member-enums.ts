/** Member vocabularies of the 建档立卡 registry; keys are stored, descriptions are Chinese first. */

import { enumOf } from '../kernel/enum-values.js';

export const SEXES = { MALE: '男 Male', FEMALE: '女 Female' } as const;
export type Sex = keyof typeof SEXES;

export const RELATIONS_TO_HEAD = {
  HEAD: '户主 Head of household',
  SPOUSE: '配偶 Spouse',
  SON: '之子 Son',
  DAUGHTER: '之女 Daughter',
  SON_IN_LAW: '之女婿 Son-in-law',
  DAUGHTER_IN_LAW: '之儿媳 Daughter-in-law',
  GRANDSON: '之孙子 Grandson',
  GRANDDAUGHTER: '之孙女 Granddaughter',
  FATHER: '之父 Father',
  MOTHER: '之母 Mother',
  GRANDFATHER: '之祖父 Grandfather',
  GRANDMOTHER: '之祖母 Grandmother',
  SIBLING: '兄弟姐妹 Sibling',
  OTHER: '其他 Other relation',
} as const;
export type RelationToHead = keyof typeof RELATIONS_TO_HEAD;

export const EDUCATION_LEVELS = {
  PRESCHOOL_CHILD: '学龄前儿童 Pre-school child',
  ILLITERATE: '文盲或半文盲 Illiterate or semi-literate',
  PRIMARY: '小学 Primary school',
  JUNIOR_HIGH: '初中 Junior high school',
  SENIOR_HIGH: '高中 Senior high school',
  COLLEGE_OR_ABOVE: '大专及以上 College or above',
} as const;
export type EducationLevel = keyof typeof EDUCATION_LEVELS;

export const SCHOOL_STATUSES = {
  NOT_IN_SCHOOL: '非在校生 Not in school',
  PRESCHOOL: '学前教育 Pre-school',
  PRIMARY: '小学 Primary school',
  JUNIOR_HIGH: '初中 Junior high school',
  SENIOR_HIGH: '普通高中 Senior high school',
  SECONDARY_VOCATIONAL: '中职 Secondary vocational school',
  HIGHER_VOCATIONAL: '高职 Higher vocational college',
  UNDERGRADUATE_OR_ABOVE: '本科及以上 Undergraduate or above',
} as const;
export type SchoolStatus = keyof typeof SCHOOL_STATUSES;

export const HEALTH_STATUSES = {
  HEALTHY: '健康 Healthy',
  CHRONIC_ILLNESS: '长期慢性病 Long-term chronic illness',
  SERIOUS_ILLNESS: '患有大病 Serious illness',
  DISABLED: '残疾 Disabled',
} as const;
export type HealthStatus = keyof typeof HEALTH_STATUSES;

export const LABOUR_ABILITIES = {
  SKILLED: '技能劳动力 Skilled labour',
  ORDINARY: '普通劳动力 Ordinary labour',
  WEAK: '弱劳动力或半劳动力 Weak or partial labour',
  LOST: '丧失劳动力 Lost the ability to work',
  NONE: '无劳动力 No labour ability (child, student, elderly)',
} as const;
export type LabourAbility = keyof typeof LABOUR_ABILITIES;

export const EMPLOYMENT_STATUSES = {
  NOT_WORKING: '未务工 Not working for wages',
  LOCAL: '乡（镇）内务工 Working within the township',
  IN_COUNTY: '县内务工 Working within the county',
  IN_PROVINCE: '省内县外务工 Migrant worker within the province',
  OUT_OF_PROVINCE: '省外务工 Migrant worker outside the province',
} as const;
export type EmploymentStatus = keyof typeof EMPLOYMENT_STATUSES;

export const SexEnum = enumOf(SEXES);
export const RelationToHeadEnum = enumOf(RELATIONS_TO_HEAD);
export const EducationLevelEnum = enumOf(EDUCATION_LEVELS);
export const SchoolStatusEnum = enumOf(SCHOOL_STATUSES);
export const HealthStatusEnum = enumOf(HEALTH_STATUSES);
export const LabourAbilityEnum = enumOf(LABOUR_ABILITIES);
export const EmploymentStatusEnum = enumOf(EMPLOYMENT_STATUSES);
