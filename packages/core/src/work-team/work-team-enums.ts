/**
 * The vocabularies of work teams and paired cadres (驻村工作队与结对帮扶). Each value maps to its
 * bilingual description, Chinese first; the GraphQL enums and the database checks use the keys.
 */
import { enumOf } from '../kernel/enum-values.js';

export const UNIT_LEVELS = {
  CENTRAL: '中央单位 Central unit',
  PROVINCIAL: '省直单位 Provincial unit',
  PREFECTURAL: '州（市）直单位 Prefectural unit',
  COUNTY: '县直单位 County unit',
  TOWNSHIP: '乡镇单位 Township unit',
} as const;
export type UnitLevel = keyof typeof UNIT_LEVELS;
export const UnitLevelEnum = enumOf(UNIT_LEVELS);

export const CADRE_RANKS = {
  COUNTY_LEVEL: '县级干部 County-level cadre',
  SECTION_LEVEL: '科级干部 Section-level cadre',
  STAFF: '机关工作人员 Staff of a government office',
  VILLAGE_CADRE: '村组干部 Village or group cadre',
  PARTY_MEMBER: '有帮扶能力的党员 Party member able to help',
} as const;
export type CadreRank = keyof typeof CADRE_RANKS;
export const CadreRankEnum = enumOf(CADRE_RANKS);

export const TEAM_ROLES = {
  FIRST_SECRETARY: '第一书记 First secretary of a village',
  LEADER: '工作队长 Team leader',
  MEMBER: '队员 Team member',
  LIAISON: '联络员 Liaison',
} as const;
export type TeamRole = keyof typeof TEAM_ROLES;
export const TeamRoleEnum = enumOf(TEAM_ROLES);

export const COVERAGE_ROLES = {
  BUILD: '建设村（驻村建设） Village the team builds, where it is stationed',
  HELP: '帮扶村（帮扶巩固） Village the team helps or consolidates',
} as const;
export type CoverageRole = keyof typeof COVERAGE_ROLES;
export const CoverageRoleEnum = enumOf(COVERAGE_ROLES);

export const ASSESSMENT_GRADES = {
  EXCELLENT: '优秀 Excellent',
  COMPETENT: '称职 Competent',
  BASICALLY_COMPETENT: '基本称职 Basically competent',
  INCOMPETENT: '不称职 Incompetent',
} as const;
export type AssessmentGrade = keyof typeof ASSESSMENT_GRADES;
export const AssessmentGradeEnum = enumOf(ASSESSMENT_GRADES);
