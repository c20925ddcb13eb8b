import { encodeGlobalID } from '@pothos/plugin-relay';
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { TuopinBuilder } from '../kernel/builder.js';
import { pluginsOfBuilder } from '../kernel/builder-plugins.js';
import type { TuopinContext } from '../kernel/context.js';
import { defineMutation } from '../kernel/define-mutation.js';
import { groupRows } from '../kernel/group-rows.js';
import { hidden, personalValue } from '../kernel/personal-data.js';
import { rowsWhereIn } from '../kernel/read/entity-reads.js';
import { MonitoringMeasureSchema, type MonitoringMeasure } from './measure.entity.js';
import { recordMeasure } from './measure.service.js';
import { measureTypesOf } from './measure-types.js';
import { freshMonitoringCase } from './monitoring.loaders.js';

/** A case's measures in order; reached only from a case the caller may read. */
const measuresOfCaseLoader = createContextCache(
  (ctx: TuopinContext) =>
    new DataLoader<number, MonitoringMeasure[]>(async (caseIds) =>
      groupRows(caseIds, await rowsWhereIn(ctx, MonitoringMeasureSchema, 'caseId', caseIds, { orderBy: [['id', 'asc']] }), (row) => row.caseId),
    ),
);

/**
 * A health measure's member and content are health details (Member.health is personal data): the
 * kernel shows them to those who read personal data, recording the read, and masks them for the
 * others. That the household gets health help at all stays visible, as its poverty cause 因病 does.
 */
function healthDetail<T, M>(ctx: TuopinContext, measure: MonitoringMeasure, field: string, value: T | null, masked: (value: T) => M): T | M | null {
  if (measure.measureType !== 'HEALTH') return value;
  return personalValue(ctx, { objectType: 'MonitoringCase', objectId: measure.caseId, areaCode: measure.villageCode }, `measures.${field}`, value, masked);
}

/** Measures of help: their types (core's and the enabled plugins'), the records, the mutation. Returns the type enum, for the statistics. */
export function registerMeasureSchema(builder: TuopinBuilder) {
  const types = measureTypesOf(pluginsOfBuilder(builder));
  const MeasureTypeEnum = builder.enumType('MonitoringMeasureType', {
    description: '帮扶措施类型（含已启用插件声明的类型） Kind of help, core\'s and those the enabled plugins declare',
    values: Object.fromEntries([...types.values()].map((type) => [type.name, { description: type.title }])),
  });

  builder.objectType(builder.objectRef<MonitoringMeasure>('MonitoringMeasure'), {
    description: '帮扶措施 A measure of help to a monitored household',
    scope: 'contained',
    fields: (t) => ({
      measureType: t.field({ type: MeasureTypeEnum, resolve: (m) => m.measureType as never, description: '措施类型 Kind of help' }),
      memberId: t.id({
        nullable: true,
        resolve: (m, _args, ctx) => healthDetail(ctx, m, 'memberId', m.memberId == null ? null : encodeGlobalID('Member', m.memberId), hidden),
        description: '受益成员（为空则为全户；健康帮扶的成员对看不到个人信息的角色遮蔽为空） The member helped; null for the whole household, and for a health measure to roles that see personal data masked',
      }),
      description: t.string({
        resolve: (m, _args, ctx) => healthDetail(ctx, m, 'description', m.description, () => '***')!,
        description: '措施内容（健康帮扶的内容对看不到个人信息的角色遮蔽为 ***） What is done; a health measure\'s is *** to roles that see personal data masked',
      }),
      amount: t.field({ type: 'Money', nullable: true, resolve: (m) => m.amount ?? null, description: '金额 Amount' }),
      startedOn: t.field({ type: 'Date', resolve: (m) => m.startedOn, description: '开始日期 Started on' }),
      carriedOutOn: t.field({ type: 'Date', nullable: true, resolve: (m) => m.carriedOutOn ?? null, description: '落实日期 Carried out on; null while under way' }),
      recordId: t.id({
        nullable: true,
        resolve: (m) => (m.recordType && m.recordId != null ? encodeGlobalID(m.recordType, m.recordId) : null),
        description: '关联的业务记录（如贷款）的全局 ID The global ID of the linked record (a loan, say); load it with node(id:)',
      }),
    }),
  });

  builder.objectField('MonitoringCase', 'measures', (t) =>
    t.field({ type: ['MonitoringMeasure'], description: '帮扶措施 Measures of help', resolve: (c, _args, ctx) => measuresOfCaseLoader(ctx).load(c.id) }),
  );

  defineMutation(builder, 'recordMonitoringMeasure', {
    description: '落实帮扶措施（村级办理） Record a measure of help for an identified monitored household; taken by the village',
    input: {
      description: '帮扶措施 A measure of help',
      argumentDescription: '措施 The measure',
      fields: (t) => ({
        caseId: t.id({ required: true, description: '监测事项全局 ID The case' }),
        measureType: t.field({ type: MeasureTypeEnum, required: true, description: '措施类型 Kind of help' }),
        memberId: t.id({ description: '受益成员（不填为全户） The member helped; the whole household when omitted' }),
        description: t.string({ required: true, description: '措施内容 What is done' }),
        amount: t.field({ type: 'Money', description: '金额 Amount' }),
        startedOn: t.field({ type: 'Date', required: true, description: '开始日期 Started on' }),
        carriedOutOn: t.field({ type: 'Date', description: '落实日期 Carried out on' }),
        recordId: t.id({ description: '关联的业务记录全局 ID（该类型声明了记录时） The linked record, for a type that declares one' }),
      }),
    },
    ids: { caseId: 'MonitoringCase', memberId: 'Member' },
    resolve: async (input, ctx) => {
      const measureId = await recordMeasure(ctx, types, input as never);
      return { caseId: input.caseId, measureId };
    },
    payload: {
      description: '措施已记录 The case with its measures',
      fields: (t) => ({
        monitoringCase: t.field({ type: 'MonitoringCase', description: '监测事项 The case', resolve: (p, _args, ctx) => freshMonitoringCase(ctx, p.caseId) }),
      }),
    },
  });
  return MeasureTypeEnum;
}
