import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { numericIdOf } from '../kernel/global-id.js';
import { endHelperPairing, pairHelper, recordHelperVisit } from '../helper-pairing/helper-pairing.service.js';
import { pairingLoader } from '../helper-pairing/helper-pairing.loaders.js';
import { createDispatchUnit, dispatchWorkTeam, registerCadre } from './dispatch.service.js';
import { assessCadre, recallCadre, recordCadreLeave } from './membership.service.js';
import { recordTeamDays } from './team-days.service.js';
import { AssessmentGradeEnum, CadreRankEnum, CoverageRoleEnum, TeamRoleEnum, UnitLevelEnum } from './work-team-enums.js';
import { cadreLoader, membershipLoader, teamLoader, unitLoader } from './work-team.loaders.js';

/** The organisation work (units, cadres, dispatch, recall, assessment) and the day-to-day records. */
export function registerWorkTeamMutations(builder: TuopinBuilder): void {
  const VillageInput = builder.inputType('WorkTeamVillageInput', {
    description: '工作队驻村 A village the team covers',
    fields: (t) => ({
      villageCode: t.string({ required: true, description: '村级区划代码 12-digit village code' }),
      role: t.field({ type: CoverageRoleEnum, required: true, description: '驻村方式 Build or help' }),
    }),
  });
  const MemberInput = builder.inputType('WorkTeamMemberInput', {
    description: '工作队队员 A member of the team',
    fields: (t) => ({
      cadreId: t.id({ required: true, description: '干部全局 ID Cadre global ID' }),
      role: t.field({ type: TeamRoleEnum, required: true, description: '职务 Role' }),
      villageCode: t.string({ description: '第一书记所任的村（本队所驻村之一） For a first secretary: the village he serves, one of the team\'s' }),
      deputySecretaryOf: t.string({ description: '兼任党委副书记的乡镇代码（本县） Code of a township of the county where he also serves as deputy party secretary' }),
    }),
  });

  defineMutation(builder, 'createDispatchUnit', {
    description: '登记派出单位 Register a unit that sends cadres',
    input: {
      description: '派出单位 A dispatching unit',
      argumentDescription: '派出单位 The unit',
      fields: (t) => ({
        name: t.string({ required: true, description: '单位名称 Name' }),
        level: t.field({ type: UnitLevelEnum, required: true, description: '层级 Level' }),
        areaCode: t.string({ description: '单位所属地区代码（与层级一致；中央单位不填） Division code of its government, at its level; none for a central unit' }),
      }),
    },
    resolve: async (input, ctx) => ({ unitId: await createDispatchUnit(ctx, input) }),
    payload: {
      description: '已登记派出单位 The unit registered',
      fields: (t) => ({ unit: t.field({ type: 'DispatchUnit', description: '派出单位 The unit', resolve: async (p, _a, ctx) => (await unitLoader(ctx).load(p.unitId))! }) }),
    },
  });

  defineMutation(builder, 'registerCadre', {
    description: '登记干部（由其所在县保管档案） Register a cadre with the county that keeps his record',
    input: {
      description: '干部 A cadre',
      argumentDescription: '干部 The cadre',
      fields: (t) => ({
        name: t.string({ required: true, description: '姓名 Name' }),
        phone: t.string({ description: '手机号 Mobile phone, 11 digits' }),
        rank: t.field({ type: CadreRankEnum, required: true, description: '职级 Rank' }),
        unitId: t.id({ required: true, description: '派出单位全局 ID Dispatching unit global ID' }),
        countyCode: t.string({ required: true, description: '所在县区划代码 Division code of the county he works in' }),
      }),
    },
    ids: { unitId: 'DispatchUnit' },
    resolve: async (input, ctx) => ({ cadreId: await registerCadre(ctx, input) }),
    payload: {
      description: '已登记干部 The cadre registered',
      fields: (t) => ({ cadre: t.field({ type: 'Cadre', description: '干部 The cadre', resolve: async (p, _a, ctx) => (await cadreLoader(ctx).load(p.cadreId))! }) }),
    },
  });

  defineMutation(builder, 'dispatchWorkTeam', {
    description: '派驻驻村工作队（人数、任期不少于本省规定） Dispatch a work team to villages of a county, with at least the province\'s minimum members and term',
    input: {
      description: '驻村工作队 A work team',
      argumentDescription: '工作队 The team',
      fields: (t) => ({
        name: t.string({ required: true, description: '工作队名称 Name' }),
        unitId: t.id({ required: true, description: '派出单位全局 ID Dispatching unit global ID' }),
        countyCode: t.string({ required: true, description: '所驻县区划代码 Division code of the county' }),
        startsOn: t.field({ type: 'Date', required: true, description: '任期开始 First day of the term' }),
        endsOn: t.field({ type: 'Date', required: true, description: '任期结束 Last day of the term' }),
        villages: t.field({ type: [VillageInput], required: true, description: '所驻村 The villages it covers' }),
        members: t.field({ type: [MemberInput], required: true, description: '队员 Its members' }),
      }),
    },
    ids: { unitId: 'DispatchUnit' },
    resolve: async (input, ctx) => {
      // Global IDs inside the list of members: decoded here, each bad one named by its index.
      const members = input.members.map((m, i) => ({ ...m, cadreId: numericIdOf(m.cadreId, 'Cadre', `members[${i}].cadreId`) }));
      return { teamId: await dispatchWorkTeam(ctx, { ...input, members }) };
    },
    payload: {
      description: '已派驻工作队 The team dispatched',
      fields: (t) => ({ team: t.field({ type: 'WorkTeam', description: '工作队 The team', resolve: async (p, _a, ctx) => (await teamLoader(ctx).load(p.teamId))! }) }),
    },
  });

  const membershipPayload = (zh: string, en: string) => ({
    description: `${zh} ${en}`,
    fields: (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, { membershipId: number }>) => ({
      membership: t.field({ type: 'WorkTeamMembership', description: '驻村任职 The membership', resolve: async (p, _a, ctx) => (await membershipLoader(ctx).load(p.membershipId))! }),
    }),
  });

  defineMutation(builder, 'recallCadre', {
    description: '召回不胜任的驻村干部，可同时替换 Recall a cadre not up to the job, and name his replacement if any',
    input: {
      description: '召回 A recall',
      argumentDescription: '召回 The recall',
      fields: (t) => ({
        membershipId: t.id({ required: true, description: '驻村任职全局 ID Membership global ID' }),
        recalledOn: t.field({ type: 'Date', required: true, description: '召回日（任期内） Day of the recall, within the term' }),
        reason: t.string({ required: true, description: '召回原因 Why' }),
        replacementCadreId: t.id({ description: '替换干部全局 ID（自次日起接任） Global ID of the cadre who takes over from the next day' }),
      }),
    },
    ids: { membershipId: 'WorkTeamMembership', replacementCadreId: 'Cadre' },
    resolve: (input, ctx) => recallCadre(ctx, input),
    payload: {
      description: '已召回 The recall recorded',
      fields: (t) => ({
        membership: t.field({ type: 'WorkTeamMembership', description: '被召回的任职 The recalled membership', resolve: async (p, _a, ctx) => (await membershipLoader(ctx).load(p.membershipId))! }),
        replacement: t.field({
          type: 'WorkTeamMembership',
          nullable: true,
          description: '接任的任职 The replacement\'s membership',
          resolve: (p, _a, ctx) => (p.replacementId === null ? null : membershipLoader(ctx).load(p.replacementId)),
        }),
      }),
    },
  });

  defineMutation(builder, 'assessCadre', {
    description: '驻村干部年度考核 Record a member\'s yearly assessment',
    input: {
      description: '年度考核 An assessment',
      argumentDescription: '考核 The assessment',
      fields: (t) => ({
        membershipId: t.id({ required: true, description: '驻村任职全局 ID Membership global ID' }),
        year: t.int({ required: true, description: '考核年度（任期内） Year, within the term' }),
        grade: t.field({ type: AssessmentGradeEnum, required: true, description: '等次 Grade' }),
      }),
    },
    ids: { membershipId: 'WorkTeamMembership' },
    resolve: async (input, ctx) => {
      await assessCadre(ctx, input);
      return { membershipId: input.membershipId };
    },
    payload: membershipPayload('已记录考核', 'The assessment recorded'),
  });

  defineMutation(builder, 'recordCadreLeave', {
    description: '记录驻村干部请假及批准人 Record a member\'s leave and who approved it',
    input: {
      description: '请假 Leave',
      argumentDescription: '请假 The leave',
      fields: (t) => ({
        membershipId: t.id({ required: true, description: '驻村任职全局 ID Membership global ID' }),
        startsOn: t.field({ type: 'Date', required: true, description: '开始日 First day' }),
        endsOn: t.field({ type: 'Date', required: true, description: '结束日 Last day' }),
        reason: t.string({ required: true, description: '事由 Reason' }),
        approver: t.string({ required: true, description: '批准人 Who approved it' }),
      }),
    },
    ids: { membershipId: 'WorkTeamMembership' },
    resolve: async (input, ctx) => {
      await recordCadreLeave(ctx, input);
      return { membershipId: input.membershipId };
    },
    payload: membershipPayload('已记录请假', 'The leave recorded'),
  });

  defineMutation(builder, 'recordTeamDays', {
    description: '记录工作队某月驻村天数（再次记录即更正） Record a team\'s days in the village in a month; recording again corrects it',
    input: {
      description: '月度驻村天数 Days in one month',
      argumentDescription: '驻村天数 The days',
      fields: (t) => ({
        teamId: t.id({ required: true, description: '工作队全局 ID Work team global ID' }),
        year: t.int({ required: true, description: '年 Year' }),
        month: t.int({ required: true, description: '月（1–12） Month, 1 to 12' }),
        days: t.int({ required: true, description: '驻村天数（不超过当月天数） Days, at most the days of the month' }),
      }),
    },
    ids: { teamId: 'WorkTeam' },
    resolve: async (input, ctx) => {
      await recordTeamDays(ctx, input);
      return { teamId: input.teamId };
    },
    payload: {
      description: '已记录驻村天数 The days recorded',
      fields: (t) => ({ team: t.field({ type: 'WorkTeam', description: '工作队 The team', resolve: async (p, _a, ctx) => (await teamLoader(ctx).load(p.teamId))! }) }),
    },
  });

  defineMutation(builder, 'pairHelper', {
    description: '结对帮扶：为建档立卡户确定帮扶责任人（不超过其职级的户数上限） Pair a household with a helper, within the cap of his rank',
    input: {
      description: '结对 A pairing',
      argumentDescription: '结对 The pairing',
      fields: (t) => ({
        cadreId: t.id({ required: true, description: '干部全局 ID Cadre global ID' }),
        householdId: t.id({ required: true, description: '户全局 ID Household global ID' }),
        startsOn: t.field({ type: 'Date', description: '结对开始（默认今天） First day; today if omitted' }),
      }),
    },
    ids: { cadreId: 'Cadre', householdId: 'Household' },
    resolve: async (input, ctx) => ({ pairingId: await pairHelper(ctx, input) }),
    payload: {
      description: '已结对 The pairing made',
      fields: (t) => ({
        pairing: t.field({ type: 'HelperPairing', description: '结对帮扶 The pairing', resolve: async (p, _a, ctx) => (await pairingLoader(ctx).load(p.pairingId))! }),
      }),
    },
  });

  defineMutation(builder, 'endHelperPairing', {
    description: '结束结对帮扶（调整帮扶责任人） End a pairing, when the helper is changed or the household leaves',
    input: {
      description: '结束结对 The end of a pairing',
      argumentDescription: '结束结对 The end',
      fields: (t) => ({
        pairingId: t.id({ required: true, description: '结对帮扶全局 ID Pairing global ID' }),
        endedOn: t.field({ type: 'Date', required: true, description: '结束日（不晚于今天） Last day, not in the future' }),
      }),
    },
    ids: { pairingId: 'HelperPairing' },
    resolve: async (input, ctx) => ({ pairingId: await endHelperPairing(ctx, input) }),
    payload: {
      description: '已结束结对 The pairing ended',
      fields: (t) => ({
        pairing: t.field({ type: 'HelperPairing', description: '结对帮扶 The pairing', resolve: async (p, _a, ctx) => (await pairingLoader(ctx).load(p.pairingId))! }),
      }),
    },
  });

  defineMutation(builder, 'recordHelperVisit', {
    description: '记录帮扶责任人走访 Record a helper\'s visit to his household',
    input: {
      description: '走访 A visit',
      argumentDescription: '走访 The visit',
      fields: (t) => ({
        pairingId: t.id({ required: true, description: '结对帮扶全局 ID Pairing global ID' }),
        visitedOn: t.field({ type: 'Date', required: true, description: '走访日 Day of the visit' }),
        note: t.string({ required: true, description: '走访记录 What was found and done' }),
      }),
    },
    ids: { pairingId: 'HelperPairing' },
    resolve: async (input, ctx) => {
      await recordHelperVisit(ctx, input);
      return { pairingId: input.pairingId };
    },
    payload: {
      description: '已记录走访 The visit recorded',
      fields: (t) => ({
        pairing: t.field({ type: 'HelperPairing', description: '结对帮扶 The pairing', resolve: async (p, _a, ctx) => (await pairingLoader(ctx).load(p.pairingId))! }),
      }),
    },
  });
}
