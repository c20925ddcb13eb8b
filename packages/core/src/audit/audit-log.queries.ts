import { readableRanges } from '../kernel/access.js';
import type { AuditVocabulary } from '../kernel/audit-vocabulary.js';
import { SqlText } from '../kernel/read/read-statement.js';
import type { TuopinContext } from '../kernel/context.js';
import { ValidationError } from '../kernel/errors.js';
import { resolveKeysetConnection, type ConnectionArgs } from '../kernel/keyset-connection.js';
import { codeRangeSql } from '../kernel/code-range-filters.js';
import { smallestCommonArea } from '../area/area-tree.js';
import type { CodeRange } from '../area/division-code.js';
import { pgTextArray } from '../kernel/pg-array.js';
import { readBlockOf, readsOf } from './audit-reads.js';

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

interface AuditWhere {
  sql: string;
  params: unknown[];
  /** The areas the caller may see, null for everywhere: a read record shows only its reads there. */
  ranges: readonly CodeRange[] | null;
}

/**
 * The WHERE clause of a caller's audit-log query: within the caller's area, and only objects of
 * the plugins the caller's province has enabled (the vocabulary of the schema the request runs
 * against). Records without a place (system objects, API keys, an auditor's queries) belong to the
 * whole country: only callers with national scope see them. A read record (one per request) is
 * found by any of the objects and areas it read (`read_objects`, `read_areas`).
 */
function auditWhere(ctx: TuopinContext, vocabulary: AuditVocabulary, filter: AuditLogFilter): AuditWhere | null {
  const ranges = readableRanges(ctx, filter.regionCode ?? null);
  if (ranges.length === 0) return null;
  const national = ranges.some((r) => r.lo === '000000000000' && r.hi === '999999999999');
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (!national) {
    const inScope = codeRangeSql('a.area_code', ranges);
    const readInScope = codeRangeSql('r.code', ranges);
    clauses.push(`(${inScope.sql} or exists (select 1 from unnest(a.read_areas) r(code) where ${readInScope.sql}))`);
    params.push(...inScope.params, ...readInScope.params);
  }
  const objectTypes = filter.objectType != null ? vocabulary.spellingsOf(filter.objectType) : vocabulary.stored;
  if (objectTypes.length === 0) {
    throw ValidationError.of(
      'filter.objectType',
      `没有对象类型“${filter.objectType}”；请使用 GraphQL 类型名，如 Member`,
      `There is no object type '${filter.objectType}'; use a GraphQL type name such as Member`,
    );
  }
  const object = objectClause(filter, objectTypes, national ? null : ranges);
  clauses.push(object.sql);
  params.push(...object.params);
  const equal = [
    ['a.actor', filter.actor],
    ['a.operation', filter.operation],
    ['a.action', filter.action],
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
  return { sql: clauses.join(' and '), params, ranges: national ? null : ranges };
}

/**
 * Which objects: a written row by its type and id, a read record by any object it lists. Outside
 * the whole country (`ranges`), the object a read record is found by must itself have been read in
 * the caller's areas: a record is in scope when any of its reads is, and matching it by another
 * read would tell the caller that an object outside his areas exists and who read it.
 */
function objectClause(filter: AuditLogFilter, spellings: readonly string[], ranges: readonly CodeRange[] | null): { sql: string; params: unknown[] } {
  const types = pgTextArray(spellings);
  const type = filter.objectType;
  const id = filter.objectId;
  if (type == null && id == null) return { sql: 'a.object_type = any(?::text[])', params: [types] };
  const read = readMatching(type, id, ranges);
  if (type != null && id != null) {
    // The object's block finds the rows through their index (records from before blocks, through the
    // index of their objects), `read_objects` then keeps those that list the object itself; outside
    // the whole country the read's place is then checked.
    const key = pgTextArray([`${type}:${id}`]);
    const listed = {
      sql: '(a.read_blocks && ?::text[] or (a.read_blocks is null and a.read_objects && ?::text[])) and a.read_objects && ?::text[]',
      params: [pgTextArray([readBlockOf(type, id)]), key, key],
    };
    const found = ranges === null ? listed : { sql: `${listed.sql} and ${read.sql}`, params: [...listed.params, ...read.params] };
    return { sql: `((a.object_type = any(?::text[]) and a.object_id = ?) or (${found.sql}))`, params: [types, id, ...found.params] };
  }
  if (type != null) return { sql: `(a.object_type = any(?::text[]) or ${read.sql})`, params: [types, ...read.params] };
  return { sql: `a.object_type = any(?::text[]) and (a.object_id = ? or ${read.sql})`, params: [types, id, ...read.params] };
}

/**
 * A read of the record of this type and/or id, in `ranges` (null: anywhere), in either stored form:
 * `after.readGroups` (ids grouped by type, area and fields) or, in records written before them,
 * `after.reads` (one entry per object).
 */
function readMatching(type: string | null | undefined, id: string | null | undefined, ranges: readonly CodeRange[] | null): { sql: string; params: unknown[] } {
  const grouped = readCondition('g', type, id, ranges, (alias) => `${alias}->'objectIds' @> jsonb_build_array(?::text)`);
  const single = readCondition('r', type, id, ranges, (alias) => `${alias}->>'objectId' = ?`);
  return {
    sql: `(exists (select 1 from jsonb_array_elements(a.after->'readGroups') g where ${grouped.sql})
           or exists (select 1 from jsonb_array_elements(a.after->'reads') r where ${single.sql}))`,
    params: [...grouped.params, ...single.params],
  };
}

/** The conditions on one stored entry (`alias`) of a read record: its type, its id (as `idMatches` finds it), its area. */
function readCondition(
  alias: string,
  type: string | null | undefined,
  id: string | null | undefined,
  ranges: readonly CodeRange[] | null,
  idMatches: (alias: string) => string,
): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (type != null) {
    conditions.push(`${alias}->>'objectType' = ?`);
    params.push(type);
  }
  if (id != null) {
    conditions.push(idMatches(alias));
    params.push(id);
  }
  if (ranges !== null) {
    const inScope = codeRangeSql(`(${alias}->>'areaCode')`, ranges);
    conditions.push(inScope.sql);
    params.push(...inScope.params);
  }
  return { sql: conditions.join(' and '), params };
}

/**
 * A read record as the caller may see it: only the reads in the caller's areas and of the types
 * the caller's plugins have (one request of a national caller may read several provinces).
 */
function visibleReads(record: AuditRecord, vocabulary: AuditVocabulary, ranges: readonly CodeRange[] | null): AuditRecord {
  const reads = record.action === 'READ' ? readsOf(record.after) : null;
  if (!reads) return record;
  const shown = reads.filter(
    (read) =>
      vocabulary.spellingsOf(read.objectType).length > 0 &&
      (ranges === null || (read.areaCode !== null && ranges.some((r) => read.areaCode! >= r.lo && read.areaCode! <= r.hi))),
  );
  // Its place, as this caller sees it: the smallest area holding the reads shown.
  const areaCode = ranges === null ? record.areaCode : (smallestCommonArea(shown.map((read) => read.areaCode)) ?? record.areaCode);
  // Shown one entry per object, whichever form the record is stored in.
  const { readGroups: _stored, ...after } = record.after as { readGroups?: unknown };
  return { ...record, areaCode, after: { ...after, reads: shown } };
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
                   order by a.id ${descending ? 'asc' : 'desc'} limit ?`;
      const rows = await ctx.db.rows<AuditRecord>(new SqlText().append(sql, ...params, limit));
      return rows.map((row) => visibleReads({ ...row, objectType: vocabulary.typeOf(row.objectType) }, vocabulary, where.ranges));
    },
    async () => {
      if (!where) return 0;
      const [row] = await ctx.db.rows<{ n: string }>(new SqlText().append(`select count(*) as n from audit_log a where ${where.sql}`, ...where.params));
      return Number(row.n);
    },
  );
}
