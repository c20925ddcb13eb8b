import { readableRanges } from '../kernel/access.js';
import type { TuopinContext } from '../kernel/context.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { codeRangeSql } from '../kernel/code-range-filters.js';

export interface AuditRecord {
  id: string;
  at: Date;
  actor: string;
  actorRole: string;
  operation: string;
  requestId: string | null;
  action: 'INSERT' | 'UPDATE' | 'DELETE' | 'READ';
  objectType: string;
  objectId: string | null;
  areaCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditLogFilter {
  actor?: string | null;
  operation?: string | null;
  action?: AuditRecord['action'] | null;
  objectType?: string | null;
  objectId?: string | null;
  regionCode?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const COLUMNS = `id::text, at, actor, actor_role as "actorRole", operation, request_id as "requestId", action,
  object_type as "objectType", object_id as "objectId", area_code as "areaCode", before, after`;

/**
 * The WHERE clause of a caller's audit-log query. Records without a place (system objects,
 * API keys, an auditor's queries) belong to the whole country: only callers with national scope
 * see them.
 */
function auditWhere(ctx: TuopinContext, filter: AuditLogFilter): { sql: string; params: unknown[] } | null {
  const ranges = readableRanges(ctx, filter.regionCode ?? null);
  if (ranges.length === 0) return null;
  const national = ranges.some((r) => r.lo === '000000000000' && r.hi === '999999999999');
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (!national) {
    const inScope = codeRangeSql('area_code', ranges);
    clauses.push(inScope.sql);
    params.push(...inScope.params);
  }
  const equal = [
    ['actor', filter.actor],
    ['operation', filter.operation],
    ['action', filter.action],
    ['object_type', filter.objectType],
    ['object_id', filter.objectId],
  ] as const;
  for (const [column, value] of equal) {
    if (value != null) {
      clauses.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (filter.from) {
    clauses.push('at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    clauses.push('at < ?');
    params.push(filter.to);
  }
  return { sql: clauses.length ? clauses.join(' and ') : 'true', params };
}

/** Audit records, newest first, paged by id. */
export function auditLogConnection(ctx: TuopinContext, filter: AuditLogFilter, args: ConnectionArgs) {
  const where = auditWhere(ctx, filter);
  const connection = ctx.em.getConnection();
  return resolveKeysetConnection<AuditRecord>(
    args,
    ['bigid'],
    (record) => [record.id],
    async ({ after, before, limit, descending }) => {
      if (!where) return [];
      // Newest first: "after" a cursor means older records.
      const bounds: string[] = [];
      const params = [...where.params];
      if (after) {
        bounds.push('id < ?');
        params.push(String(after[0]));
      }
      if (before) {
        bounds.push('id > ?');
        params.push(String(before[0]));
      }
      const sql = `select ${COLUMNS} from audit_log where ${[where.sql, ...bounds].join(' and ')}
                   order by id ${descending ? 'asc' : 'desc'} limit ${limit}`;
      return connection.execute<AuditRecord[]>(sql, params);
    },
    async () => {
      if (!where) return 0;
      const [row] = await connection.execute<{ n: string }[]>(`select count(*) as n from audit_log where ${where.sql}`, where.params);
      return Number(row.n);
    },
  );
}
