import { areaLoader } from '../area/area.loaders.js';
import type { TuopinBuilder } from '../kernel/builder.js';
import { registerEnum } from '../kernel/enum-values.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';
import { todayOf } from '../kernel/settings.js';
import {
  ASSESSMENT_GRADES,
  AssessmentGradeEnum,
  CADRE_RANKS,
  CadreRankEnum,
  COVERAGE_ROLES,
  CoverageRoleEnum,
  TEAM_ROLES,
  TeamRoleEnum,
  UNIT_LEVELS,
  UnitLevelEnum,
} from './work-team-enums.js';
import { membershipsByTeamLoader, teamDaysLoader, teamVillagesLoader, unitLoader, visibleTeamLoader } from './work-team.loaders.js';

const has = (value: unknown, ...properties: string[]) => typeof value === 'object' && value !== null && properties.every((p) => p in value);

/** Dispatching units, work teams, the villages they cover and their days in the village. */
export function registerWorkTeamSchema(builder: TuopinBuilder): void {
  registerEnum(builder, UnitLevelEnum, 'DispatchUnitLevel', '派出单位层级 Level of a dispatching unit', UNIT_LEVELS);
  registerEnum(builder, CadreRankEnum, 'CadreRank', '干部职级（决定结对户数上限） Rank of a cadre; it sets how many households he may help', CADRE_RANKS);
  registerEnum(builder, TeamRoleEnum, 'WorkTeamRole', '工作队职务 Role on a work team', TEAM_ROLES);
  registerEnum(builder, CoverageRoleEnum, 'WorkTeamVillageRole', '驻村方式（"1+1"：建设一村、帮扶一村） How a team covers a village ("1+1": it builds one and helps another)', COVERAGE_ROLES);
  registerEnum(builder, AssessmentGradeEnum, 'AssessmentGrade', '年度考核等次 Grade of a yearly assessment', ASSESSMENT_GRADES);

  builder.node('DispatchUnit', {
    description: '派出单位 A unit that sends cadres to villages, at its level of government (public)',
    scope: 'public',
    id: { resolve: (unit) => unit.id },
    isTypeOf: (value) => has(value, 'level', 'areaCode') && !has(value, 'parentCode'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => unitLoader(ctx).load(id)),
    fields: (t) => ({
      name: t.exposeString('name', { description: '单位名称 Name' }),
      level: t.field({ type: UnitLevelEnum, resolve: (unit) => unit.level as keyof typeof UNIT_LEVELS, description: '层级 Level' }),
      area: t.field({
        type: 'AdministrativeArea',
        nullable: true,
        description: '单位所属地区（中央单位为空） The area of the government it belongs to; null for a central unit',
        resolve: (unit, _args, ctx) => (unit.areaCode ? areaLoader(ctx).load(unit.areaCode) : null),
      }),
    }),
  });

  builder.objectType('WorkTeamVillage', {
    description: '工作队驻村 A village a work team covers',
    scope: 'contained',
    fields: (t) => ({
      village: t.field({ type: 'Village', description: '村 The village', resolve: async (v, _args, ctx) => (await areaLoader(ctx).load(v.villageCode))! }),
      role: t.field({ type: CoverageRoleEnum, resolve: (v) => v.role as keyof typeof COVERAGE_ROLES, description: '驻村方式 Build or help' }),
    }),
  });

  builder.objectType('WorkTeamMonthDays', {
    description: '月度驻村天数 A team\'s days in the village in one month',
    scope: 'contained',
    fields: (t) => ({
      year: t.exposeInt('year', { description: '年 Year' }),
      month: t.exposeInt('month', { description: '月 Month' }),
      days: t.exposeInt('days', { description: '驻村天数 Days in the village' }),
    }),
  });

  builder.node('WorkTeam', {
    description: '驻村工作队 A resident work team: the unit that sent it, its villages, its members and its term',
    scope: { area: (team) => team.villageCodes },
    authScopes: { permission: 'core.registry.read' },
    id: { resolve: (team) => team.id },
    isTypeOf: (value) => has(value, 'villageCodes', 'unitId', 'startsOn'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => visibleTeamLoader(ctx).load(id)),
    fields: (t) => ({
      name: t.exposeString('name', { description: '工作队名称 Name' }),
      unit: t.field({ type: 'DispatchUnit', description: '派出单位 The dispatching unit', resolve: async (team, _args, ctx) => (await unitLoader(ctx).load(team.unitId))! }),
      county: t.field({ type: 'Region', description: '所驻县 The county it works in', resolve: async (team, _args, ctx) => (await areaLoader(ctx).load(team.areaCode))! }),
      startsOn: t.field({ type: 'Date', resolve: (team) => team.startsOn, description: '任期开始 First day of the term' }),
      endsOn: t.field({ type: 'Date', resolve: (team) => team.endsOn, description: '任期结束 Last day of the term' }),
      isActive: t.boolean({
        description: '今天是否在任期内 Whether today falls within the term',
        resolve: (team, _args, ctx) => team.startsOn <= todayOf(ctx.settings) && todayOf(ctx.settings) <= team.endsOn,
      }),
      villages: t.field({ type: ['WorkTeamVillage'], description: '所驻村 The villages it covers', resolve: (team, _args, ctx) => teamVillagesLoader(ctx).load(team.id) }),
      members: t.field({
        type: ['WorkTeamMembership'],
        description: '队员（含已召回） Its members, recalled ones included, in the order they joined',
        resolve: (team, _args, ctx) => membershipsByTeamLoader(ctx).load(team.id),
      }),
      monthlyDays: t.field({
        type: ['WorkTeamMonthDays'],
        description: '各月驻村天数 Days in the village month by month',
        args: { year: t.arg.int({ description: '只看某年 Only this year' }) },
        resolve: async (team, { year }, ctx) => (await teamDaysLoader(ctx).load(team.id)).filter((d) => year == null || d.year === year),
      }),
      daysInVillage: t.int({
        description: '驻村天数合计 Days in the village in all, or in one year',
        args: { year: t.arg.int({ description: '只看某年 Only this year' }) },
        resolve: async (team, { year }, ctx) =>
          (await teamDaysLoader(ctx).load(team.id)).filter((d) => year == null || d.year === year).reduce((sum, d) => sum + d.days, 0),
      }),
    }),
  });
}
