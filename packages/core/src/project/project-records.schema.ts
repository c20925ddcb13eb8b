import type { TuopinBuilder } from '../kernel/builder.js';
import { loaderFields } from '../kernel/loader-field.js';
import { NoticeTypeEnum, ProjectStatusEnum } from './project-enums.js';
import { noticeLengthInDays } from './notice-period.js';
import { beneficiaryConnection } from './project-beneficiary.queries.js';
import { beneficiaryCountsLoader, noticesLoader, outputsLoader, statusHistoryLoader } from './project.loaders.js';

/** What a project records beside its own fields: status history, notices, outputs, beneficiaries. */
export function registerProjectRecordsSchema(builder: TuopinBuilder): void {
  builder.objectType('ProjectStatusChange', {
    description: '项目状态变更记录 One change of a project\'s status',
    scope: 'contained',
    fields: (t) => ({
      fromStatus: t.field({
        type: ProjectStatusEnum,
        nullable: true,
        resolve: (c) => c.fromStatus ?? null,
        description: '原状态（入库时为空） Status before; null when the project was entered',
      }),
      toStatus: t.field({ type: ProjectStatusEnum, resolve: (c) => c.toStatus, description: '新状态 Status after' }),
      effectiveDate: t.field({ type: 'Date', resolve: (c) => c.effectiveDate, description: '生效日期 Date the change took effect' }),
      reason: t.exposeString('reason', { nullable: true, description: '原因 Reason' }),
      changedBy: t.exposeString('changedBy', { description: '操作人 Who made the change (principal id)' }),
      changedAt: t.field({ type: 'DateTime', resolve: (c) => c.changedAt, description: '记录时间 Recorded at' }),
    }),
  });

  builder.objectType('ProjectNotice', {
    description: '项目公示 A public notice about a project',
    scope: 'contained',
    fields: (t) => ({
      noticeType: t.field({ type: NoticeTypeEnum, resolve: (n) => n.noticeType, description: '公示类型 Kind of notice' }),
      startDate: t.field({ type: 'Date', resolve: (n) => n.startDate, description: '公示开始日期 First day posted' }),
      endDate: t.field({ type: 'Date', resolve: (n) => n.endDate, description: '公示结束日期 Last day posted' }),
      days: t.int({ resolve: (n) => noticeLengthInDays(n), description: '公示天数（含首尾） Days posted, both ends included' }),
      location: t.exposeString('location', { description: '公示地点 Where it was posted' }),
      content: t.exposeString('content', { nullable: true, description: '公示内容摘要 Summary of what it announced' }),
      recordedBy: t.exposeString('recordedBy', { description: '记录人 Who recorded it (principal id)' }),
      recordedAt: t.field({ type: 'DateTime', resolve: (n) => n.recordedAt, description: '记录时间 Recorded at' }),
    }),
  });

  builder.objectType('ProjectOutput', {
    description: '产出指标 What a project delivers: an indicator with planned and actual quantities',
    scope: 'contained',
    fields: (t) => ({
      indicator: t.exposeString('indicator', { description: '指标 Indicator, e.g. 道路硬化长度' }),
      unit: t.exposeString('unit', { description: '单位 Unit, e.g. 公里, 平方米' }),
      planned: t.float({ resolve: (o) => Number(o.planned), description: '计划数量 Planned quantity' }),
      actual: t.float({
        nullable: true,
        resolve: (o) => (o.actual == null ? null : Number(o.actual)),
        description: '实际数量（未完成时为空） Actual quantity; null until known',
      }),
    }),
  });

  const BeneficiaryConnection = builder.connectionObject({
    type: 'Household',
    name: 'ProjectBeneficiaryConnection',
    description: '项目受益户分页列表 A page of a project\'s beneficiary households',
  });

  builder.objectFields('Project', (t) => {
    const counts = loaderFields(t, { loader: beneficiaryCountsLoader, key: (project) => project.id });
    return {
      statusHistory: t.field({
        type: ['ProjectStatusChange'],
        description: '状态变更记录，按时间顺序 Status changes, oldest first',
        resolve: (p, _args, ctx) => statusHistoryLoader(ctx).load(p.id),
      }),
      notices: t.field({
        type: ['ProjectNotice'],
        description: '公示记录 Public notices, oldest first',
        resolve: (p, _args, ctx) => noticesLoader(ctx).load(p.id),
      }),
      outputs: t.field({
        type: ['ProjectOutput'],
        description: '产出指标 Outputs, in the order they were set',
        resolve: (p, _args, ctx) => outputsLoader(ctx).load(p.id),
      }),
      beneficiaryHouseholdCount: counts.count('受益建档立卡户数', 'Registered households linked as beneficiaries', (c) => c.households),
      beneficiaryPeopleCount: counts.count('受益人数（受益户现有人口）', 'People in the beneficiary households, as registered now', (c) => c.people),
      beneficiaries: t.connection(
        {
          type: 'Household',
          nullable: true,
          authScopes: { permission: 'core.registry.read' },
          description: '受益户（需查阅建档立卡数据的权限，限您的管辖范围） Beneficiary households; needs registry access, and lists those in your scope',
          resolve: (p, args, ctx) => beneficiaryConnection(ctx, p.id, args),
        },
        BeneficiaryConnection,
      ),
    };
  });
}
