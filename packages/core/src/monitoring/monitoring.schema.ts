import { areaLoader } from '../area/area.loaders.js';
import { checkDivisionCode } from '../area/area.schema.js';
import { householdLoader } from '../household/household.loaders.js';
import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { registerEnum } from '../kernel/enum-values.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';
import { todayOf } from '../kernel/settings.js';
import { noticeLengthInDays } from '../project/notice-period.js';
import { noticesOfCaseLoader } from '../workflow/workflow.loaders.js';
import {
  LEAD_SOURCES,
  LeadSourceEnum,
  MONITORING_CATEGORIES,
  MONITORING_DECISIONS,
  MONITORING_RISKS,
  MonitoringCategoryEnum,
  MonitoringDecisionEnum,
  MonitoringRiskEnum,
} from './monitoring-enums.js';
import { freshMonitoringCase, loadMonitoringCase } from './monitoring.loaders.js';
import { villageNoticeText } from './monitoring-notice.js';
import { monitoringConnection } from './monitoring.queries.js';
import { openMonitoringCase, takeMonitoringStep } from './monitoring.service.js';
import { monitoringDecisionDaysOf } from './monitoring.settings.js';
import { MONITORING_WORKFLOW } from './monitoring.workflow.js';
import { workflowInputFields } from '../workflow/workflow-inputs.js';

const daysBetween = (from: string, to: string) => noticeLengthInDays({ startDate: from, endDate: to }) - 1;

export function registerMonitoringSchema(builder: TuopinBuilder): void {
  registerEnum(builder, MonitoringCategoryEnum, 'MonitoringCategory', '监测对象类别 Category of a monitored household', MONITORING_CATEGORIES);
  registerEnum(builder, MonitoringRiskEnum, 'MonitoringRisk', '风险类型 Risk type', MONITORING_RISKS);
  registerEnum(builder, LeadSourceEnum, 'LeadSource', '线索来源 Where the lead came from', LEAD_SOURCES);
  registerEnum(builder, MonitoringDecisionEnum, 'MonitoringDecision', '县级审定结论 The county\'s decision', MONITORING_DECISIONS);
  const stepValues = Object.fromEntries(MONITORING_WORKFLOW.steps.map((step) => [step.key, step.title]));
  const MonitoringStepEnum = builder.enumType('MonitoringStep', {
    description: '防返贫监测识别环节（按顺序） The nine steps of identifying a household for monitoring, in order',
    values: Object.fromEntries(Object.entries(stepValues).map(([key, title]) => [key, { description: title }])),
  });

  builder.node('MonitoringCase', {
    description: '防返贫监测事项 A return-to-poverty monitoring case',
    scope: { area: (c) => c.villageCode },
    interfaces: ['WorkflowCase'],
    id: { resolve: (c) => c.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'leadSource' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => loadMonitoringCase(ctx, id)),
    fields: (t) => ({
      category: t.field({ type: MonitoringCategoryEnum, resolve: (c) => c.category, description: '类别 Category' }),
      household: t.field({
        type: 'Household',
        nullable: true,
        description: '建档立卡户（边缘易致贫户为空） The registered household; null for one never registered',
        resolve: (c, _args, ctx) => (c.workflow.householdId == null ? null : householdLoader(ctx).load(c.workflow.householdId)),
      }),
      village: t.field({ type: 'Village', description: '所属行政村 The village', resolve: async (c, _args, ctx) => (await areaLoader(ctx).load(c.villageCode))! }),
      people: t.exposeInt('people', { description: '家庭人口 People in the household' }),
      riskTypes: t.field({ type: [MonitoringRiskEnum], resolve: (c) => c.riskTypes, description: '风险类型 Risks' }),
      leadSource: t.field({ type: LeadSourceEnum, resolve: (c) => c.leadSource, description: '线索来源 Where the lead came from' }),
      leadDate: t.field({ type: 'Date', resolve: (c) => c.leadDate, description: '线索日期 Day of the lead' }),
      income12Months: t.field({ type: 'Money', nullable: true, resolve: (c) => c.income12Months ?? null, description: '申请前12个月家庭纯收入 Net income of the 12 months before the lead' }),
      compliantSpending: t.field({ type: 'Money', nullable: true, resolve: (c) => c.compliantSpending ?? null, description: '合规自付支出 Compliant out-of-pocket spending' }),
      monitoringRange: t.field({ type: 'Money', nullable: true, resolve: (c) => c.monitoringRange ?? null, description: '适用的监测范围（元/人·年） The monitoring range applied, yuan per person' }),
      consentSignedOn: t.field({ type: 'Date', nullable: true, resolve: (c) => c.consentSignedOn ?? null, description: '承诺授权日期 Day the household consented to data checks' }),
      decision: t.field({ type: MonitoringDecisionEnum, nullable: true, resolve: (c) => c.decision ?? null, description: '县级审定结论 The county\'s decision' }),
      decidedOn: t.field({ type: 'Date', nullable: true, resolve: (c) => c.decidedOn ?? null, description: '审定日期 Decided on' }),
      daysToDecision: t.int({
        description: '从线索到审定的天数（未审定时算到今天） Days from the lead to the decision, or to today while undecided',
        resolve: (c, _args, ctx) => daysBetween(c.leadDate, c.decidedOn ?? todayOf(ctx.settings)),
      }),
      decisionOverdue: t.boolean({
        description: '是否超过审定时限（默认15天） Whether the decision took, or is taking, longer than the limit (15 days unless configured)',
        resolve: (c, _args, ctx) => daysBetween(c.leadDate, c.decidedOn ?? todayOf(ctx.settings)) > monitoringDecisionDaysOf(ctx.settings),
      }),
      villageNotice: t.string({
        nullable: true,
        description: '村内公示文本（不含个人信息） The village notice as posted, without personal data; null before it is posted',
        resolve: async (c, _args, ctx) => {
          const notice = (await noticesOfCaseLoader(ctx).load(c.id)).find((n) => n.step === 'VILLAGE_NOTICE');
          if (!notice) return null;
          const village = await areaLoader(ctx).load(c.villageCode);
          return villageNoticeText(village!.name, c.category, c.people, notice.startDate, notice.endDate);
        },
      }),
    }),
  });

  const MonitoringCaseConnection = builder.connectionObject({
    type: 'MonitoringCase',
    name: 'MonitoringCaseConnection',
    description: '防返贫监测事项分页列表 A page of monitoring cases',
  });

  builder.queryFields((t) => ({
    monitoringCases: t.connection(
      {
        type: 'MonitoringCase',
        authScopes: { permission: 'core.registry.read' },
        description: '防返贫监测事项，按村代码排序 Monitoring cases of an area and everything under it, ordered by village',
        args: {
          regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
          category: t.arg({ type: MonitoringCategoryEnum, description: '类别 Category' }),
          open: t.arg.boolean({ description: '是否办理中 true: cases being processed; false: finished ones' }),
        },
        resolve: (_root, args, ctx) =>
          monitoringConnection(ctx, { ...args, regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode') }, args),
      },
      MonitoringCaseConnection,
    ),
  }));

  const caseField = (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, { caseId: number }>) =>
    t.field({ type: 'MonitoringCase', description: '监测事项 The case', resolve: (p, _args, ctx) => freshMonitoringCase(ctx, p.caseId) });

  defineMutation(builder, 'openMonitoringCase', {
    description: '登记监测线索（风险预警，村级办理） Record a lead and open a monitoring case; taken by the village',
    input: {
      description: '监测线索 A monitoring lead',
      argumentDescription: '线索 The lead',
      fields: (t) => ({
        category: t.field({ type: MonitoringCategoryEnum, required: true, description: '类别 Category' }),
        householdId: t.id({ description: '建档立卡户（边缘易致贫户不填） The registered household; none for a household on the edge' }),
        villageCode: t.string({ description: '行政村代码（未建档立卡户必填） Village code, for a household not in the registry' }),
        people: t.int({ description: '家庭人口（未建档立卡户必填） People in the household, for one not in the registry' }),
        riskTypes: t.field({ type: [MonitoringRiskEnum], required: true, description: '风险类型（1–5项） Risks, one to five' }),
        leadSource: t.field({ type: LeadSourceEnum, required: true, description: '线索来源 Where the lead came from' }),
        leadDate: t.field({ type: 'Date', required: true, description: '线索日期 Day of the lead' }),
        income12Months: t.field({ type: 'Money', description: '申请前12个月家庭纯收入 Net income of the 12 months before the lead' }),
        compliantSpending: t.field({ type: 'Money', description: '合规自付支出 Compliant out-of-pocket spending' }),
        note: t.string({ description: '说明 Note' }),
      }),
    },
    ids: { householdId: 'Household' },
    resolve: async (input, ctx) => ({ caseId: await openMonitoringCase(ctx, input as never) }),
    payload: { description: '监测事项已登记 The opened case', fields: (t) => ({ monitoringCase: caseField(t) }) },
  });

  defineMutation(builder, 'takeMonitoringStep', {
    description: '办理监测识别的下一环节 Take the next step of a monitoring case',
    input: {
      description: '办理环节 A step to take',
      argumentDescription: '环节 The step',
      fields: (t) => ({
        caseId: t.id({ required: true, description: '监测事项全局 ID The case' }),
        step: t.field({ type: MonitoringStepEnum, required: true, description: '环节 The step' }),
        ...workflowInputFields(builder, t),
        consentSignedOn: t.field({ type: 'Date', description: '承诺授权日期（承诺授权环节） Day the household signed its consent (CONSENT step)' }),
        decision: t.field({ type: MonitoringDecisionEnum, description: '审定结论（县级审定环节） The decision (COUNTY_DECISION step)' }),
      }),
    },
    ids: { caseId: 'MonitoringCase' },
    resolve: async (input, ctx) => {
      await takeMonitoringStep(ctx, input as never);
      return { caseId: input.caseId };
    },
    payload: { description: '环节已办理 The case after the step', fields: (t) => ({ monitoringCase: caseField(t) }) },
  });
}
