import { readableRanges } from '../kernel/access.js';
import type { AuditVocabulary } from '../kernel/audit-vocabulary.js';
import type { TuopinContext } from '../kernel/context.js';
import { ValidationError } from '../kernel/errors.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { codeRangeSql } from '../kernel/code-range-filters.js';
import { pgTextArray } from '../kernel/pg-array.js';

export interface AuditRecord {
  id: string;
  at: Date;
  actor: string;
  actorRole: string;
  operation: string;
  requestId: string | null;
  action: 'INSERT' | 'UPDATE' | 'DELETE' | 'READ';
  /** The GraphQL type name (mapped from the stored table name by the caller's vocabulary). */
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
  /** A GraphQL type name, e.g. `Member` or `Loan`. */
  objectType?: string | null;
  objectId?: string | null;
  regionCode?: string | null;
  from?: Date | null;
  to?: Date | null;
}

// `id` stays a bigint in the statement: ordering or comparing its text sorts 9 after 23.
const COLUMNS = `a.id::text as id, a.at, a.actor, a.actor_role as "actorRole", a.operation, a.request_id as "requestId", a.action,
  a.object_type as "objectType", a.object_id as "objectId", a.area_code as "areaCode", a.before, a.after`;

/**
 * The WHERE clause of a caller's audit-log query: within the caller's area, and only objects of
 * the plugins the caller's province has enabled (the vocabulary of the schema the request runs
 * against). Records without a place (system objects, API keys, an auditor's queries) belong to the
 * whole country: only callers with national scope see them.
 */
function auditWhere(ctx: TuopinContext, vocabulary: AuditVocabulary, filter: AuditLogFilter): { sql: string; params: unknown[] } | null {
  const ranges = readableRanges(ctx, filter.regionCode ?? null);
  if (ranges.length === 0) return null;
  const national = ranges.some((r) => r.lo === '000000000000' && r.hi === '999999999999');
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (!national) {
    const inScope = codeRangeSql('a.area_code', ranges);
    clauses.push(inScope.sql);
    params.push(...inScope.params);
  }
  const objectTypes = filter.objectType != null ? vocabulary.spellingsOf(filter.objectType) : vocabulary.stored;
  if (objectTypes.length === 0) {
    throw ValidationError.of(
      'filter.objectType',
      `没有对象类型“${filter.objectType}”；请使用 GraphQL 类型名，如 Member`,
      `There is no object type '${filter.objectType}'; use a GraphQL type name such as Member`,
    );
  }
  clauses.push('a.object_type = any(?::text[])');
  params.push(pgTextArray(objectTypes));
  const equal = [
    ['a.actor', filter.actor],
    ['a.operation', filter.operation],
    ['a.action', filter.action],
    ['a.object_id', filter.objectId],
  ] as const;
  for (const [column, value] of equal) {
    if (value != null) {
      clauses.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (filter.from) {
    clauses.push('a.at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    clauses.push('a.at < ?');
    params.push(filter.to);
  }
  return { sql: clauses.join(' and '), params };
}

/** A cursor's record id, checked: it reaches SQL as a bigint. */
function recordIdOf(key: readonly (string | number)[], field: string): string {
  const id = String(key[0]);
  if (!/^\d{1,19}$/.test(id)) throw ValidationError.of(field, '分页游标无效', 'The pagination cursor is not valid for this list');
  return id;
}

/** Audit records, newest first (by id: the order they were written), in keyset pages. */
export function auditLogConnection(ctx: TuopinContext, vocabulary: AuditVocabulary, filter: AuditLogFilter, args: ConnectionArgs) {
  const where = auditWhere(ctx, vocabulary, filter);
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
        bounds.push('a.id < ?::bigint');
        params.push(recordIdOf(after, 'after'));
      }
      if (before) {
        bounds.push('a.id > ?::bigint');
        params.push(recordIdOf(before, 'before'));
      }
      const sql = `select ${COLUMNS} from audit_log a where ${[where.sql, ...bounds].join(' and ')}
                   order by a.id ${descending ? 'asc' : 'desc'} limit ${limit}`;
      const rows = await connection.execute<AuditRecord[]>(sql, params);
      return rows.map((row) => ({ ...row, objectType: vocabulary.typeOf(row.objectType) }));
    },
    async () => {
      if (!where) return 0;
      const [row] = await connection.execute<{ n: string }[]>(`select count(*) as n from audit_log a where ${where.sql}`, where.params);
      return Number(row.n);
    },
  );
}
