import type { TuopinBuilder } from '../kernel/builder.js';
import { checkDivisionCode } from '../area/area.schema.js';
import { auditVocabularyOf } from '../kernel/audit-vocabulary.js';
import { auditLogConnection, type AuditRecord } from './audit-log.queries.js';

const ACTIONS = {
  INSERT: '新增 A row was created',
  UPDATE: '修改 A row was changed',
  DELETE: '删除 A row was removed',
  READ: '读取（每个请求一条） A request read personal data unmasked, or an auditor ran a query: one record per request',
} as const;

export function registerAuditSchema(builder: TuopinBuilder): void {
  const AuditAction = builder.enumType('AuditAction', {
    description: '审计动作 What happened',
    values: Object.fromEntries(Object.entries(ACTIONS).map(([key, description]) => [key, { description }])) as Record<
      keyof typeof ACTIONS,
      { description: string }
    >,
  });

  const AuditRecordRef = builder.objectRef<AuditRecord>('AuditRecord').implement({
    description: '审计记录（只增不改） An audit record; the log is append-only',
    // Records without a place belong to the whole country: only national callers see them.
    scope: { area: (record) => record.areaCode ?? '' },
    fields: (t) => ({
      id: t.exposeID('id', { description: '记录编号 Record id' }),
      at: t.field({ type: 'DateTime', resolve: (r) => r.at, description: '时间 When' }),
      actor: t.exposeString('actor', { description: '操作者（用户或 API 密钥） Who: the user or API key' }),
      actorRole: t.exposeString('actorRole', { description: '操作者角色 The actor\'s role' }),
      operation: t.exposeString('operation', { description: '操作（变更名或查询） The mutation, or the query' }),
      requestId: t.exposeString('requestId', { nullable: true, description: '请求关联编号 Correlation id of the request' }),
      action: t.field({ type: AuditAction, resolve: (r) => r.action, description: '动作 Action' }),
      objectType: t.exposeString('objectType', {
        description: '对象类型（GraphQL 类型名，如 Member、Loan；读取记录为 Query，每个请求一条） Object type: the GraphQL type name, e.g. Member or Loan; Query for a READ record (one per request)',
      }),
      objectId: t.exposeString('objectId', { nullable: true, description: '对象编号 Object id' }),
      areaCode: t.exposeString('areaCode', {
        nullable: true,
        description: '所属区划（读取记录为包含其所读对象的最小区划） Area the object belongs to; for a READ record, the smallest area holding what it read',
      }),
      before: t.field({
        type: 'JSONObject',
        nullable: true,
        resolve: (r) => r.before,
        description:
          '变更前：删除时为整行，修改时为改动的字段；新增时为空（个人信息已遮蔽） Before: the whole row for a DELETE, the changed fields for an UPDATE, null for an INSERT; personal data masked',
      }),
      after: t.field({
        type: 'JSONObject',
        nullable: true,
        resolve: (r) => r.after,
        description:
          '变更后：新增时为整行，修改时为改动的字段；删除时为空；读取时为 reads，列出您辖区内被读取的每个对象及字段（个人信息已遮蔽） After: the whole row for an INSERT, the changed fields for an UPDATE, null for a DELETE; for a READ, `reads`: each object read (objectType, objectId, areaCode, fields), those in your areas only; personal data masked',
      }),
    }),
  });

  const AuditRecordConnection = builder.connectionObject({
    type: AuditRecordRef,
    name: 'AuditRecordConnection',
    description: '审计记录分页列表，新记录在前 A page of audit records, newest first',
  });

  const Filter = builder.inputType('AuditLogFilter', {
    description: '审计记录筛选 Which audit records',
    fields: (t) => ({
      actor: t.string({ description: '操作者 Actor' }),
      operation: t.string({ description: '操作名 Operation (mutation name)' }),
      action: t.field({ type: AuditAction, description: '动作 Action' }),
      objectType: t.string({ description: '对象类型（GraphQL 类型名，如 Member；也查出读取过该类对象的请求） Object type: a GraphQL type name, e.g. Member; also finds the requests that read such objects' }),
      objectId: t.string({ description: '对象编号（也查出读取过该对象的请求） Object id; also finds the requests that read the object' }),
      regionCode: t.string({ description: '区划代码（含下级） Division code; the area and everything under it' }),
      from: t.field({ type: 'DateTime', description: '起始时间（含） From, inclusive' }),
      to: t.field({ type: 'DateTime', description: '截止时间（不含） To, exclusive' }),
    }),
  });

  builder.queryField('auditLog', (t) =>
    t.connection(
      {
        type: AuditRecordRef,
        authScopes: { permission: 'core.audit-log.read' },
        description:
          '审计日志（审计员与管理员，限于权限范围和本省启用的模块），新记录在前 The audit log, for auditors and administrators, within their scope and the plugins their province runs; newest first',
        args: { filter: t.arg({ type: Filter, description: '筛选 Filter' }) },
        resolve: (_root, args, ctx, info) => {
          const filter = { ...(args.filter ?? {}) };
          if (filter.regionCode != null) checkDivisionCode(filter.regionCode, 'filter.regionCode');
          // The schema the request runs against is its province's: its vocabulary names the enabled plugins' objects.
          return auditLogConnection(ctx, auditVocabularyOf(info.schema), filter, args);
        },
      },
      AuditRecordConnection,
    ),
  );
}
