import { areaLoader, villageGroupLoader } from '../area/area.loaders.js';
import { checkDivisionCode } from '../area/area.schema.js';
import { ASSISTANCE_CLASSES, AssistanceClassEnum, HouseholdCategoryEnum, POVERTY_STANDARDS, PovertyCauseEnum, PovertyStandardEnum } from '../household/household-enums.js';
import { householdLoader } from '../household/household.loaders.js';
import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { registerEnum } from '../kernel/enum-values.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';
import { maskIdNumber, personalValue } from '../kernel/personal-data.js';
import { readsProperties } from '../kernel/read/selected-properties.js';
import { workflowInputFields } from '../workflow/workflow-inputs.js';
import {
  EXCLUSION_EXCEPTIONS,
  ExclusionExceptionEnum,
  IDENTIFICATION_EXCLUSIONS,
  IDENTIFICATION_OUTCOMES,
  IdentificationExclusionEnum,
  IdentificationOutcomeEnum,
} from './identification-enums.js';
import type { IdentificationApplication, IdentificationApplicationRow, IdentificationExclusionCheck } from './identification.entity.js';
import { exclusionsOfApplicationLoader, freshApplication, loadApplication } from './identification.loaders.js';
import { applicationConnection } from './identification.queries.js';
import { registerIdentificationStats } from './identification-stats.schema.js';
import { applyForIdentification, rejectIdentification, takeIdentificationStep } from './identification.service.js';
import { IDENTIFICATION_WORKFLOW } from './identification.workflow.js';

const ownerOf = (a: IdentificationApplication) => ({ objectType: 'IdentificationApplication', objectId: a.id, areaCode: a.villageCode });

/** 识别: the application type, its vote and exclusions, the list, and the three mutations. */
export function registerIdentificationSchema(builder: TuopinBuilder): void {
  registerEnum(builder, PovertyStandardEnum, 'PovertyStandard', '识别标准 The poverty line a household was identified under', POVERTY_STANDARDS);
  registerEnum(builder, AssistanceClassEnum, 'AssistanceClass', '帮扶分类（五个一批、四个一批） How a household is to be lifted out', ASSISTANCE_CLASSES);
  registerEnum(builder, IdentificationExclusionEnum, 'IdentificationExclusion', '十个不纳入 The ten exclusions', IDENTIFICATION_EXCLUSIONS);
  registerEnum(builder, ExclusionExceptionEnum, 'ExclusionException', '不纳入情形的例外 An exception the rules allow to an exclusion', EXCLUSION_EXCEPTIONS);
  registerEnum(builder, IdentificationOutcomeEnum, 'IdentificationOutcome', '识别结果 How an application stands', IDENTIFICATION_OUTCOMES);
  registerIdentificationStats(builder);
  const StepEnum = builder.enumType('IdentificationStep', {
    description: '贫困户识别环节（按顺序） The seven steps of identification, in order',
    values: Object.fromEntries(IDENTIFICATION_WORKFLOW.steps.map((step) => [step.key, { description: step.title }])),
  });

  builder.objectFields('Household', (t) => ({
    povertyStandard: t.field({ type: PovertyStandardEnum, nullable: true, resolve: (h) => h.povertyStandard ?? null, description: '识别标准（经识别流程审批的户） The line it was identified under; null for households entered from older rolls' }),
    assistanceClass: t.field({ type: AssistanceClassEnum, nullable: true, resolve: (h) => h.assistanceClass ?? null, description: '帮扶分类（五个一批、四个一批） Its assistance class; null for households entered from older rolls' }),
  }));

  const Vote = builder.objectRef<IdentificationApplication>('IdentificationVote').implement({
    description: '村民代表评议表决 The village representatives\' vote',
    scope: 'contained',
    fields: (t) => ({
      representatives: t.int({ resolve: (a) => a.representatives!, description: '村民代表人数 Members of the representatives\' assembly' }),
      present: t.int({ resolve: (a) => a.present!, description: '到会人数 Present' }),
      votesFor: t.int({ resolve: (a) => a.votesFor!, description: '赞成票 For' }),
      votesAgainst: t.int({ resolve: (a) => a.votesAgainst!, description: '反对票 Against' }),
      abstentions: t.int({ resolve: (a) => a.abstentions!, description: '弃权票 Abstaining' }),
      votedOn: t.field({ type: 'Date', resolve: (a) => a.votedOn!, description: '表决日期 Day of the vote' }),
    }),
  });

  builder.objectType('IdentificationExclusionCheck', {
    description: '“不纳入”情形核查 One of the ten exclusions as checked for an application',
    scope: 'contained',
    fields: (t) => ({
      exclusion: t.field({ type: IdentificationExclusionEnum, resolve: (c: IdentificationExclusionCheck) => c.exclusion, description: '情形 The exclusion' }),
      applies: t.exposeBoolean('applies', { description: '是否存在该情形 Whether it applies' }),
      evidence: t.exposeString('evidence', { description: '核查依据 The evidence' }),
      exception: t.field({ type: ExclusionExceptionEnum, nullable: true, resolve: (c) => c.exception ?? null, description: '适用的例外 The exception used, where the rules allow one' }),
      checkedStep: t.exposeString('checkedStep', { description: '核查环节 The step it was checked at' }),
      checkedOn: t.field({ type: 'Date', resolve: (c) => c.checkedOn, description: '核查日期 Checked on' }),
    }),
  });

  builder.node('IdentificationApplication', {
    description: '贫困户识别申请 An application for identification as a poor household',
    scope: { area: (a) => a.villageCode },
    interfaces: ['WorkflowCase'],
    id: { resolve: (a) => a.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'headName' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => loadApplication(ctx, id)),
    fields: (t) => ({
      village: t.field({ type: 'Village', description: '所属行政村 The village', resolve: async (a, _args, ctx) => (await areaLoader(ctx).load(a.villageCode))! }),
      group: t.field({ type: 'VillageGroup', nullable: true, description: '所属组/屯 The group', resolve: (a, _args, ctx) => (a.groupId == null ? null : villageGroupLoader(ctx).load(a.groupId)) }),
      headName: t.exposeString('headName', { description: '户主姓名 Name of the head of household' }),
      idNumber: t.string({
        extensions: readsProperties<IdentificationApplicationRow>('idNumber', 'id', 'villageCode'),
        description: '户主身份证号（个人信息：无权角色见到的是 433125********123X） The head\'s resident ID number; masked as 433125********123X for roles without access to personal data',
        resolve: (a, _args, ctx) => personalValue(ctx, ownerOf(a), 'idNumber', a.idNumber, maskIdNumber)!,
      }),
      people: t.exposeInt('people', { description: '家庭人口 People in the household' }),
      primaryCause: t.field({ type: PovertyCauseEnum, resolve: (a) => a.primaryCause, description: '主要致贫原因 Main cause of poverty' }),
      otherCauses: t.field({ type: [PovertyCauseEnum], resolve: (a) => a.otherCauses, description: '其他致贫原因 Other causes' }),
      category: t.field({ type: HouseholdCategoryEnum, resolve: (a) => a.category, description: '贫困户属性 Category' }),
      appliedOn: t.field({ type: 'Date', resolve: (a) => a.appliedOn, description: '申请日期 Applied on' }),
      vote: t.field({ type: Vote, nullable: true, resolve: (a) => (a.present == null ? null : a), description: '村民代表表决（评议后） The representatives\' vote; null before it' }),
      exclusions: t.field({
        type: ['IdentificationExclusionCheck'],
        description: '“十个不纳入”核查记录 The exclusions checked so far',
        resolve: (a, _args, ctx) => exclusionsOfApplicationLoader(ctx).load(a.id),
      }),
      outcome: t.field({ type: IdentificationOutcomeEnum, resolve: (a) => a.outcome, description: '识别结果 How it stands' }),
      povertyStandard: t.field({ type: PovertyStandardEnum, nullable: true, resolve: (a) => a.povertyStandard ?? null, description: '识别标准（审批时确定） The line used, set at approval' }),
      assistanceClass: t.field({ type: AssistanceClassEnum, nullable: true, resolve: (a) => a.assistanceClass ?? null, description: '帮扶分类（审批时确定） The assistance class, set at approval' }),
      household: t.field({
        type: 'Household',
        nullable: true,
        description: '审批后登记的建档立卡户 The household registered by the approval; null before it',
        resolve: (a, _args, ctx) => (a.workflow.householdId == null ? null : householdLoader(ctx).load(a.workflow.householdId)),
      }),
    }),
  });

  const Connection = builder.connectionObject({ type: 'IdentificationApplication', name: 'IdentificationApplicationConnection', description: '识别申请分页列表 A page of identification applications' });

  builder.queryFields((t) => ({
    identificationApplications: t.connection(
      {
        type: 'IdentificationApplication',
        authScopes: { permission: 'core.registry.read' },
        description: '贫困户识别申请，按村代码排序 Identification applications of an area and everything under it, ordered by village',
        args: {
          regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
          outcome: t.arg({ type: IdentificationOutcomeEnum, description: '识别结果 Outcome' }),
        },
        resolve: (_root, args, ctx) => applicationConnection(ctx, { ...args, regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode') }, args),
      },
      Connection,
    ),
  }));

  const applicationField = (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, { caseId: number }>) =>
    t.field({ type: 'IdentificationApplication', description: '识别申请 The application', resolve: (p, _args, ctx) => freshApplication(ctx, p.caseId) });

  defineMutation(builder, 'applyForIdentification', {
    description: '登记户主申请（贫困户识别第一步，村级办理） Record a household\'s application for identification; taken by the village',
    input: {
      description: '识别申请 An application',
      argumentDescription: '申请 The application',
      fields: (t) => ({
        villageCode: t.string({ required: true, description: '行政村代码 Village code' }),
        groupId: t.id({ description: '组/屯 The group within the village' }),
        headName: t.string({ required: true, description: '户主姓名 Name of the head of household' }),
        idNumber: t.string({ required: true, description: '户主身份证号 The head\'s resident ID number' }),
        people: t.int({ required: true, description: '家庭人口 People in the household' }),
        primaryCause: t.field({ type: PovertyCauseEnum, required: true, description: '主要致贫原因 Main cause of poverty' }),
        otherCauses: t.field({ type: [PovertyCauseEnum], description: '其他致贫原因（最多两项） Up to two other causes' }),
        category: t.field({ type: HouseholdCategoryEnum, required: true, description: '贫困户属性 Category' }),
        appliedOn: t.field({ type: 'Date', description: '申请日期（默认今天） Applied on; today when omitted' }),
        note: t.string({ description: '说明 Note' }),
      }),
    },
    ids: { groupId: 'VillageGroup' },
    resolve: async (input, ctx) => ({ caseId: await applyForIdentification(ctx, input as never) }),
    payload: { description: '申请已登记 The application recorded', fields: (t) => ({ application: applicationField(t) }) },
  });

  const VoteInput = builder.inputType('IdentificationVoteInput', {
    description: '村民代表表决 The representatives\' vote',
    fields: (t) => ({
      representatives: t.int({ required: true, description: '村民代表人数 Members of the representatives\' assembly' }),
      present: t.int({ required: true, description: '到会人数（不少于三分之二） Present; at least two thirds' }),
      votesFor: t.int({ required: true, description: '赞成票（须超过到会人数的半数） For; more than half of those present to pass' }),
      votesAgainst: t.int({ required: true, description: '反对票 Against' }),
      abstentions: t.int({ required: true, description: '弃权票（三项合计等于到会人数） Abstaining; the three add up to those present' }),
    }),
  });
  const ExclusionInput = builder.inputType('IdentificationExclusionInput', {
    description: '一项“不纳入”情形的核查 One exclusion as checked',
    fields: (t) => ({
      exclusion: t.field({ type: IdentificationExclusionEnum, required: true, description: '情形 The exclusion' }),
      applies: t.boolean({ required: true, description: '是否存在该情形 Whether it applies' }),
      evidence: t.string({ required: true, description: '核查依据 The evidence' }),
      exception: t.field({ type: ExclusionExceptionEnum, description: '适用的例外（仅第一至三项） The exception used; only exclusions 1–3 allow one' }),
    }),
  });

  defineMutation(builder, 'takeIdentificationStep', {
    description: '办理贫困户识别的下一环节 Take the next step of an identification',
    input: {
      description: '办理环节 A step to take',
      argumentDescription: '环节 The step',
      fields: (t) => ({
        caseId: t.id({ required: true, description: '识别申请全局 ID The application' }),
        step: t.field({ type: StepEnum, required: true, description: '环节 The step' }),
        ...workflowInputFields(builder, t),
        votes: t.field({ type: VoteInput, description: '表决结果（村民代表评议环节必填） The vote; required at REPRESENTATIVES_VOTE' }),
        exclusions: t.field({ type: [ExclusionInput], description: '“十个不纳入”核查（村民代表评议或村委会审查环节） Exclusions checked; at REPRESENTATIVES_VOTE or VILLAGE_REVIEW' }),
        povertyStandard: t.field({ type: PovertyStandardEnum, description: '识别标准（县政府审批环节必填） The line used; required at COUNTY_APPROVAL' }),
        assistanceClass: t.field({ type: AssistanceClassEnum, description: '帮扶分类（县政府审批环节必填） The assistance class; required at COUNTY_APPROVAL' }),
      }),
    },
    ids: { caseId: 'IdentificationApplication' },
    resolve: async (input, ctx) => {
      await takeIdentificationStep(ctx, input as never);
      return { caseId: input.caseId };
    },
    payload: { description: '环节已办理 The application after the step', fields: (t) => ({ application: applicationField(t) }) },
  });

  defineMutation(builder, 'rejectIdentificationApplication', {
    description: '驳回识别申请（由待办环节的办理层级作出） Reject an application at the step it waits for, by that step\'s level; it stays on record, closed',
    input: {
      description: '驳回 A rejection',
      argumentDescription: '驳回 The rejection',
      fields: (t) => ({
        caseId: t.id({ required: true, description: '识别申请全局 ID The application' }),
        step: t.field({ type: StepEnum, required: true, description: '待办环节（其办理层级作出驳回） The step the application waits for; its level rejects' }),
        version: t.int({ required: true, description: '读取时的版本 The version as you read it' }),
        date: t.field({ type: 'Date', description: '驳回日期（默认今天） Day of the rejection; today when omitted' }),
        reason: t.string({ required: true, description: '驳回理由 The reason' }),
      }),
    },
    ids: { caseId: 'IdentificationApplication' },
    resolve: async (input, ctx) => {
      await rejectIdentification(ctx, input as never);
      return { caseId: input.caseId };
    },
    payload: { description: '申请已驳回 The rejected application', fields: (t) => ({ application: applicationField(t) }) },
  });
}
