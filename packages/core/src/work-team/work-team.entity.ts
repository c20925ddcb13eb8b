import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** 派出单位: the unit a cadre comes from, at its level; central units have no area. */
export const DispatchUnitSchema = defineEntity({
  name: 'DispatchUnit',
  tableName: 'dispatch_unit',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.text(),
    level: p.text(),
    areaCode: p.string().length(12).nullable(),
  }),
});
export type DispatchUnit = InferEntity<typeof DispatchUnitSchema>;

/**
 * 干部: a cadre stationed in a village or paired with households. Kept by the county whose
 * organisation department manages the cadres working in it (`areaCode`, a county), whatever the level of
 * the unit that sent him. Name and phone number are personal data.
 */
export const CadreSchema = defineEntity({
  name: 'Cadre',
  tableName: 'cadre',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.text(),
    phone: p.text().nullable(),
    rank: p.text(),
    unitId: p.integer(),
    areaCode: p.string().length(12),
  }),
});
export type Cadre = InferEntity<typeof CadreSchema>;

/** 驻村工作队: a team sent by a unit to a county's villages for a term. */
export const WorkTeamSchema = defineEntity({
  name: 'WorkTeam',
  tableName: 'work_team',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.text(),
    unitId: p.integer(),
    areaCode: p.string().length(12),
    startsOn: p.date(),
    endsOn: p.date(),
  }),
});
export type WorkTeamRow = InferEntity<typeof WorkTeamSchema>;

/** A village a team covers, with its role ("1+1": it builds one and helps another). */
export const WorkTeamVillageSchema = defineEntity({
  name: 'WorkTeamVillage',
  tableName: 'work_team_village',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    teamId: p.integer(),
    villageCode: p.string().length(12),
    role: p.text(),
  }),
});
export type WorkTeamVillage = InferEntity<typeof WorkTeamVillageSchema>;

/** A cadre's place on a team: role, the village of a first secretary, term and recall. */
export const WorkTeamMembershipSchema = defineEntity({
  name: 'WorkTeamMembership',
  tableName: 'work_team_membership',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    teamId: p.integer(),
    cadreId: p.integer(),
    role: p.text(),
    villageCode: p.string().length(12).nullable(),
    deputySecretaryOf: p.string().length(12).nullable(),
    startsOn: p.date(),
    endsOn: p.date(),
    recalledOn: p.date().nullable(),
    recallReason: p.text().nullable(),
    replacesId: p.integer().nullable(),
  }),
});
export type WorkTeamMembershipRow = InferEntity<typeof WorkTeamMembershipSchema>;

/** 驻村天数: the days a team spent in its villages in one month. */
export const TeamMonthDaysSchema = defineEntity({
  name: 'TeamMonthDays',
  tableName: 'work_team_days',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    teamId: p.integer(),
    year: p.integer(),
    month: p.integer(),
    days: p.integer(),
  }),
});
export type TeamMonthDays = InferEntity<typeof TeamMonthDaysSchema>;

/** 请假: a member's leave from the village, with who approved it. */
export const CadreLeaveSchema = defineEntity({
  name: 'CadreLeave',
  tableName: 'work_team_leave',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    membershipId: p.integer(),
    startsOn: p.date(),
    endsOn: p.date(),
    reason: p.text(),
    approver: p.text(),
  }),
});
export type CadreLeave = InferEntity<typeof CadreLeaveSchema>;

/** 年度考核: a member's grade for a year. */
export const CadreAssessmentSchema = defineEntity({
  name: 'CadreAssessment',
  tableName: 'work_team_assessment',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    membershipId: p.integer(),
    year: p.integer(),
    grade: p.text(),
    assessedBy: p.text(),
  }),
});
export type CadreAssessment = InferEntity<typeof CadreAssessmentSchema>;

/** Rows whose scope is the villages of a team (the team itself and its memberships). */
export interface WorkTeam extends WorkTeamRow {
  /** Every village the team covers: it is seen by whoever sees any of them. */
  readonly villageCodes: string[];
}
export interface WorkTeamMembership extends WorkTeamMembershipRow {
  readonly villageCodes: string[];
}
/** A cadre with the areas he is seen in: his county, his teams' villages, his households' villages. */
export interface CadreWithAreas extends Cadre {
  readonly areaCodes: string[];
}
