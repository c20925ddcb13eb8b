import { areaLoader } from '../area/area.loaders.js';
import { pairingsByCadreLoader } from '../helper-pairing/helper-pairing.loaders.js';
import type { TuopinBuilder } from '../kernel/builder.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';
import { personalValue } from '../kernel/personal-data.js';
import { ASSESSMENT_GRADES, AssessmentGradeEnum, CADRE_RANKS, CadreRankEnum, TEAM_ROLES, TeamRoleEnum } from './work-team-enums.js';
import type { CadreWithAreas } from './work-team.entity.js';
import { assessmentsLoader, cadreLoader, leavesLoader, membershipLoader, membershipsByCadreLoader, teamLoader, unitLoader, visibleCadreLoader, visibleMembershipLoader } from './work-team.loaders.js';

const has = (value: unknown, ...properties: string[]) => typeof value === 'object' && value !== null && properties.every((p) => p in value);

/** `138****5678`: the carrier prefix and the last four digits stay readable. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

const ownerOf = (cadre: CadreWithAreas) => ({ objectType: 'Cadre', objectId: cadre.id, areaCode: cadre.areaCode });

/** Cadres, their places on teams with leave and assessments. */
export function registerCadreSchema(builder: TuopinBuilder): void {
  builder.node('Cadre', {
    description: '驻村干部或帮扶责任人 A cadre: a work-team member or a helper paired with households',
    // Seen in the county that keeps his record, in his teams' villages and in his households' villages.
    scope: { area: (cadre) => cadre.areaCodes },
    authScopes: { permission: 'core.registry.read' },
    id: { resolve: (cadre) => cadre.id },
    isTypeOf: (value) => has(value, 'rank', 'areaCodes'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => visibleCadreLoader(ctx).load(id)),
    fields: (t) => ({
      name: t.exposeString('name', { description: '姓名 Name' }),
      phone: t.string({
        nullable: true,
        description: '手机号（个人信息：无权角色见到的是 138****5678） Mobile phone; masked as 138****5678 for roles without access to personal data',
        resolve: (cadre, _args, ctx) => personalValue(ctx, ownerOf(cadre), 'phone', cadre.phone, maskPhone),
      }),
      rank: t.field({ type: CadreRankEnum, resolve: (cadre) => cadre.rank as keyof typeof CADRE_RANKS, description: '职级 Rank' }),
      unit: t.field({ type: 'DispatchUnit', description: '派出单位 The unit he comes from', resolve: async (cadre, _args, ctx) => (await unitLoader(ctx).load(cadre.unitId))! }),
      county: t.field({ type: 'Region', description: '管理其档案的县 The county that keeps his record', resolve: async (cadre, _args, ctx) => (await areaLoader(ctx).load(cadre.areaCode))! }),
      memberships: t.field({
        type: ['WorkTeamMembership'],
        description: '驻村任职 His places on work teams',
        resolve: (cadre, _args, ctx) => membershipsByCadreLoader(ctx).load(cadre.id),
      }),
      pairings: t.field({
        type: ['HelperPairing'],
        description: '结对帮扶的户（含已结束） The households he is or was paired with',
        resolve: (cadre, _args, ctx) => pairingsByCadreLoader(ctx).load(cadre.id),
      }),
    }),
  });

  builder.objectType('CadreLeave', {
    description: '请假 A member\'s leave from the village',
    scope: 'contained',
    fields: (t) => ({
      startsOn: t.field({ type: 'Date', resolve: (l) => l.startsOn, description: '开始日 First day' }),
      endsOn: t.field({ type: 'Date', resolve: (l) => l.endsOn, description: '结束日 Last day' }),
      reason: t.exposeString('reason', { description: '事由 Reason' }),
      approver: t.exposeString('approver', { description: '批准人 Who approved it' }),
    }),
  });

  builder.objectType('CadreAssessment', {
    description: '年度考核 A member\'s yearly assessment',
    scope: 'contained',
    fields: (t) => ({
      year: t.exposeInt('year', { description: '年度 Year' }),
      grade: t.field({ type: AssessmentGradeEnum, resolve: (a) => a.grade as keyof typeof ASSESSMENT_GRADES, description: '等次 Grade' }),
    }),
  });

  builder.node('WorkTeamMembership', {
    description: '驻村任职 A cadre\'s place on a work team: role, village of a first secretary, term, recall',
    scope: { area: (m) => m.villageCodes },
    authScopes: { permission: 'core.registry.read' },
    id: { resolve: (m) => m.id },
    isTypeOf: (value) => has(value, 'cadreId', 'villageCodes'),
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => visibleMembershipLoader(ctx).load(id)),
    fields: (t) => ({
      team: t.field({ type: 'WorkTeam', description: '工作队 The team', resolve: async (m, _args, ctx) => (await teamLoader(ctx).load(m.teamId))! }),
      cadre: t.field({ type: 'Cadre', description: '干部 The cadre', resolve: async (m, _args, ctx) => (await cadreLoader(ctx).load(m.cadreId))! }),
      role: t.field({ type: TeamRoleEnum, resolve: (m) => m.role as keyof typeof TEAM_ROLES, description: '职务 Role' }),
      village: t.field({
        type: 'Village',
        nullable: true,
        description: '任第一书记的村 The village a first secretary serves',
        resolve: (m, _args, ctx) => (m.villageCode ? areaLoader(ctx).load(m.villageCode) : null),
      }),
      deputySecretaryOf: t.field({
        type: 'Region',
        nullable: true,
        description: '兼任党委副书记的乡镇 The township where he also serves as deputy party secretary',
        resolve: (m, _args, ctx) => (m.deputySecretaryOf ? areaLoader(ctx).load(m.deputySecretaryOf) : null),
      }),
      startsOn: t.field({ type: 'Date', resolve: (m) => m.startsOn, description: '任期开始 First day' }),
      endsOn: t.field({ type: 'Date', resolve: (m) => m.endsOn, description: '任期结束 Last day' }),
      recalledOn: t.field({ type: 'Date', nullable: true, resolve: (m) => m.recalledOn, description: '召回日 The day he was recalled' }),
      recallReason: t.exposeString('recallReason', { nullable: true, description: '召回原因 Why he was recalled' }),
      replaces: t.field({
        type: 'WorkTeamMembership',
        nullable: true,
        description: '所替换的被召回任职 The recalled membership this one replaces',
        resolve: (m, _args, ctx) => (m.replacesId ? membershipLoader(ctx).load(m.replacesId) : null),
      }),
      leaves: t.field({ type: ['CadreLeave'], description: '请假 Leave taken', resolve: (m, _args, ctx) => leavesLoader(ctx).load(m.id) }),
      assessments: t.field({ type: ['CadreAssessment'], description: '年度考核 Yearly assessments', resolve: (m, _args, ctx) => assessmentsLoader(ctx).load(m.id) }),
    }),
  });
}
