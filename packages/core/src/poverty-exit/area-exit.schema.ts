import { areaLoader } from '../area/area.loaders.js';
import { checkDivisionCode } from '../area/area.schema.js';
import { countyExitConnection, villageExitConnection } from './area-exit.queries.js';
import type { TuopinBuilder, TuopinTypes } from '../kernel/builder.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { registerEnum } from '../kernel/enum-values.js';
import { loadByDatabaseIds } from '../kernel/global-id.js';
import { workflowInputFields } from '../workflow/workflow-inputs.js';
import { CountyExitSchema, VillageExitSchema, type CountyExitRow, type VillageExitRow } from './area-exit.entity.js';
import { exitsOfCountyLoader, exitsOfVillageLoader, freshAreaExit, loadCountyExit, loadVillageExit } from './area-exit.loaders.js';
import { proposeCountyExit, takeCountyExitStep } from './county-exit.service.js';
import { ChecklistItemEnum, VILLAGE_CHECKLIST } from './exit-enums.js';
import { COUNTY_EXIT_WORKFLOW, VILLAGE_EXIT_WORKFLOW } from './exit.workflows.js';
import { proposeVillageExit, takeVillageExitStep } from './village-exit.service.js';

const stepEnum = (builder: TuopinBuilder, name: string, description: string, steps: readonly { key: string; title: string }[]) =>
  builder.enumType(name, { description, values: Object.fromEntries(steps.map((step) => [step.key, { description: step.title }])) });

/** percent of poor ÷ rural, to two decimals (the figure the refusal and the notice name). */
const incidencePercent = (row: { poorPeople: number; ruralPopulation: number }) => Math.round((row.poorPeople * 10_000) / row.ruralPopulation) / 100;

/** 贫困村出列 and 贫困县摘帽: their case types, mutations, and the areas' links to them. */
export function registerAreaExitSchema(builder: TuopinBuilder): void {
  registerEnum(builder, ChecklistItemEnum, 'VillageExitChecklistItem', '贫困村出列考核项 An item of a village\'s exit checklist', VILLAGE_CHECKLIST);
  const VillageStep = stepEnum(builder, 'VillageExitStep', '贫困村出列环节（按顺序） The steps of a village\'s exit, in order', VILLAGE_EXIT_WORKFLOW.steps);
  const CountyStep = stepEnum(builder, 'CountyExitStep', '贫困县摘帽环节（按顺序） The steps of a county\'s exit, in order', COUNTY_EXIT_WORKFLOW.steps);

  const ChecklistEntryRef = builder.objectRef<{ item: keyof typeof VILLAGE_CHECKLIST; evidence: string }>('VillageExitChecklistEntry').implement({
    description: '出列考核项及佐证 A checklist item met, with its evidence',
    scope: 'contained',
    fields: (t) => ({
      item: t.field({ type: ChecklistItemEnum, resolve: (e) => e.item, description: '考核项 The item' }),
      evidence: t.exposeString('evidence', { description: '佐证 Evidence' }),
    }),
  });

  const incidenceFields = (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, VillageExitRow | CountyExitRow>) => ({
    exitYear: t.exposeInt('exitYear', { description: '退出年度 The exit year' }),
    poorPeople: t.exposeInt('poorPeople', { description: '申请时贫困人口（未脱贫和返贫） Poor people (POOR and RETURNED) when proposed' }),
    ruralPopulation: t.exposeInt('ruralPopulation', { description: '农村户籍人口 Rural population' }),
    incidencePercent: t.float({ resolve: incidencePercent, description: '申请时贫困发生率（%） Poverty incidence when proposed, percent' }),
    thresholdPercent: t.float({ resolve: (e) => Number(e.threshold), description: '退出标准（%，本省） The province\'s threshold, percent' }),
  });

  builder.node('VillageExit', {
    description: '贫困村出列事项 A poverty village\'s exit',
    scope: { area: (e) => e.villageCode },
    interfaces: ['WorkflowCase'],
    id: { resolve: (e) => e.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'checklist' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => loadVillageExit(ctx, id)),
    fields: (t) => ({
      village: t.field({ type: 'Village', description: '行政村 The village', resolve: async (e, _args, ctx) => (await areaLoader(ctx).load(e.villageCode))! }),
      ...incidenceFields(t as never),
      checklist: t.field({ type: [ChecklistEntryRef], resolve: (e) => e.checklist as never, description: '考核项及佐证 The checklist with its evidence' }),
    }),
  });

  builder.node('CountyExit', {
    description: '贫困县摘帽事项 A poverty county\'s exit',
    scope: { area: (e) => e.countyCode },
    interfaces: ['WorkflowCase'],
    id: { resolve: (e) => e.id },
    authScopes: { permission: 'core.registry.read' },
    isTypeOf: (value) => typeof value === 'object' && value !== null && 'approvalRate' in value,
    loadManyWithoutCache: (ids, ctx) => loadByDatabaseIds(ids, (id) => loadCountyExit(ctx, id)),
    fields: (t) => ({
      county: t.field({ type: 'Region', description: '县 The county', resolve: async (e, _args, ctx) => (await areaLoader(ctx).load(e.countyCode))! }),
      ...incidenceFields(t as never),
      wrongExitRate: t.float({ resolve: (e) => Number(e.wrongExitRate), description: '错退率（%） Households exited wrongly, percent' }),
      missedRate: t.float({ resolve: (e) => Number(e.missedRate), description: '漏评率（%） Poor households left out, percent' }),
      approvalRate: t.float({ resolve: (e) => Number(e.approvalRate), description: '群众认可度（%） People\'s approval, percent' }),
      approvedOn: t.field({ type: 'Date', nullable: true, resolve: (e) => e.approvedOn ?? null, description: '省级批准日期 Day the province approved' }),
    }),
  });

  const VillageExitConnection = builder.connectionObject({ type: 'VillageExit', name: 'VillageExitConnection', description: '贫困村出列事项分页列表 A page of village exits' });
  const CountyExitConnection = builder.connectionObject({ type: 'CountyExit', name: 'CountyExitConnection', description: '贫困县摘帽事项分页列表 A page of county exits' });
  const listArgs = (t: PothosSchemaTypes.QueryFieldBuilder<TuopinTypes, object>) => ({
    regionCode: t.arg.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
    open: t.arg.boolean({ description: '是否办理中 true: cases being processed; false: finished ones' }),
  });
  builder.queryFields((t) => ({
    villageExits: t.connection(
      {
        type: 'VillageExit',
        authScopes: { permission: 'core.registry.read' },
        description: '贫困村出列事项，按村代码排序 Village exits of an area and everything under it, ordered by village',
        args: listArgs(t),
        resolve: (_root, args, ctx) => villageExitConnection(ctx, { open: args.open, regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode') }, args) as never,
      },
      VillageExitConnection,
    ),
    countyExits: t.connection(
      {
        type: 'CountyExit',
        authScopes: { permission: 'core.registry.read' },
        description: '贫困县摘帽事项，按县代码排序 County exits of an area and everything under it, ordered by county',
        args: listArgs(t),
        resolve: (_root, args, ctx) => countyExitConnection(ctx, { open: args.open, regionCode: args.regionCode == null ? null : checkDivisionCode(args.regionCode, 'regionCode') }, args) as never,
      },
      CountyExitConnection,
    ),
  }));

  builder.objectField('Village', 'exitCases', (t) =>
    t.field({ type: ['VillageExit'], description: '出列事项 The village\'s exit cases, oldest first', resolve: (v, _args, ctx) => exitsOfVillageLoader(ctx).load(v.code) as never }),
  );
  builder.objectField('Region', 'countyExitCases', (t) =>
    t.field({ type: ['CountyExit'], description: '摘帽事项（县） A county\'s exit cases, oldest first; empty for other areas', resolve: (r, _args, ctx) => exitsOfCountyLoader(ctx).load(r.code) as never }),
  );

  const villageField = (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, { caseId: number }>) =>
    t.field({ type: 'VillageExit', description: '出列事项 The village exit', resolve: (p, _args, ctx) => freshAreaExit(ctx, VillageExitSchema, p.caseId) as never });
  const countyField = (t: PothosSchemaTypes.ObjectFieldBuilder<TuopinTypes, { caseId: number }>) =>
    t.field({ type: 'CountyExit', description: '摘帽事项 The county exit', resolve: (p, _args, ctx) => freshAreaExit(ctx, CountyExitSchema, p.caseId) as never });

  const ChecklistInput = builder.inputType('VillageExitChecklistInput', {
    description: '出列考核项 A checklist item',
    fields: (t) => ({
      item: t.field({ type: ChecklistItemEnum, required: true, description: '考核项 The item' }),
      met: t.boolean({ required: true, description: '是否达标 Whether it is met' }),
      evidence: t.string({ required: true, description: '佐证（1–500字） Evidence, 1–500 characters' }),
    }),
  });

  defineMutation(builder, 'proposeVillageExit', {
    description: '贫困村申请出列（村级） A poverty village proposes to exit: incidence under the province\'s threshold and its checklist met',
    input: {
      description: '出列申请 The proposal',
      argumentDescription: '申请 The proposal',
      fields: (t) => ({
        villageCode: t.string({ required: true, description: '行政村代码 The village\'s code' }),
        exitYear: t.int({ required: true, description: '出列年度 The exit year' }),
        checklist: t.field({ type: [ChecklistInput], required: true, description: '考核项（五项各一） The checklist: each of the five items once' }),
        date: t.field({ type: 'Date', description: '申请日期（默认今天） Day proposed; today when omitted' }),
        note: t.string({ description: '说明 Note' }),
      }),
    },
    resolve: async (input, ctx) => ({ caseId: await proposeVillageExit(ctx, input as never) }),
    payload: { description: '出列事项已立案 The village exit opened', fields: (t) => ({ villageExit: villageField(t) }) },
  });

  defineMutation(builder, 'takeVillageExitStep', {
    description: '办理贫困村出列的下一环节 Take the next step of a village\'s exit',
    input: {
      description: '办理环节 A step to take',
      argumentDescription: '环节 The step',
      fields: (t) => ({
        caseId: t.id({ required: true, description: '出列事项全局 ID The village exit' }),
        step: t.field({ type: VillageStep, required: true, description: '环节 The step' }),
        ...workflowInputFields(builder, t),
      }),
    },
    ids: { caseId: 'VillageExit' },
    resolve: async (input, ctx) => {
      await takeVillageExitStep(ctx, input as never);
      return { caseId: input.caseId };
    },
    payload: { description: '环节已办理 The village exit after the step', fields: (t) => ({ villageExit: villageField(t) }) },
  });

  defineMutation(builder, 'proposeCountyExit', {
    description: '贫困县申请摘帽（县级，退出年度2月底前） A poverty county proposes to exit, by the end of February of the exit year',
    input: {
      description: '摘帽申请 The proposal',
      argumentDescription: '申请 The proposal',
      fields: (t) => ({
        countyCode: t.string({ required: true, description: '县代码 The county\'s code' }),
        exitYear: t.int({ required: true, description: '摘帽年度 The exit year' }),
        wrongExitRate: t.float({ required: true, description: '错退率（%） Households exited wrongly, percent' }),
        missedRate: t.float({ required: true, description: '漏评率（%） Poor households left out, percent' }),
        approvalRate: t.float({ required: true, description: '群众认可度（%） People\'s approval, percent' }),
        date: t.field({ type: 'Date', description: '申请日期（默认今天） Day proposed; today when omitted' }),
        note: t.string({ description: '说明 Note' }),
      }),
    },
    resolve: async (input, ctx) => ({ caseId: await proposeCountyExit(ctx, input as never) }),
    payload: { description: '摘帽事项已立案 The county exit opened', fields: (t) => ({ countyExit: countyField(t) }) },
  });

  defineMutation(builder, 'takeCountyExitStep', {
    description: '办理贫困县摘帽的下一环节 Take the next step of a county\'s exit',
    input: {
      description: '办理环节 A step to take',
      argumentDescription: '环节 The step',
      fields: (t) => ({
        caseId: t.id({ required: true, description: '摘帽事项全局 ID The county exit' }),
        step: t.field({ type: CountyStep, required: true, description: '环节 The step' }),
        ...workflowInputFields(builder, t),
      }),
    },
    ids: { caseId: 'CountyExit' },
    resolve: async (input, ctx) => {
      await takeCountyExitStep(ctx, input as never);
      return { caseId: input.caseId };
    },
    payload: { description: '环节已办理 The county exit after the step', fields: (t) => ({ countyExit: countyField(t) }) },
  });
}
