import type { PersonalDataRead } from '../kernel/audit-trail.js';
import { smallestCommonArea } from '../area/area-tree.js';
import { pgTextArray } from '../kernel/pg-array.js';
import type { Principal } from '../kernel/principal.js';
import type { ReadLayer } from '../kernel/read/read-layer.js';
import { SqlText } from '../kernel/read/read-statement.js';

/** What a request read, for the audit log: the personal data shown unmasked, and for auditors the query itself. */
export interface ReadRecord {
  principal: Principal;
  requestId: string;
  /** `query OperationName` or the root fields read. */
  operation: string;
  personalReads: readonly PersonalDataRead[];
  /** Auditors are audited in everything: their queries are recorded even when they read no person. */
  recordQuery: boolean;
}

/** One object read, as a read record's `after.reads` lists it. */
export interface RecordedRead {
  objectType: string;
  objectId: string;
  /** The village of the person or household: the log is read by area. */
  areaCode: string | null;
  /** The fields shown unmasked, sorted. */
  fields: string[];
}

/**
 * Records a request's reads as one row (object type `Query`): every person or household whose
 * personal data was shown, with its area and fields, in `after.reads`, and as the arrays
 * `read_objects` ('Member:123', indexed) and `read_areas`, by which the log finds the row. An
 * auditor's query is recorded even when it read no person. Reads are not transactional with
 * anything, so they are written as soon as the request's execution ends, before its response is sent,
 * through the read layer's driver (one prepared statement; the request needs no entity manager for it).
 */
export async function recordReads(db: ReadLayer, record: ReadRecord): Promise<void> {
  if (record.personalReads.length === 0 && !record.recordQuery) return;
  const reads: RecordedRead[] = record.personalReads.map((read) => ({
    objectType: read.objectType,
    objectId: read.objectId,
    areaCode: read.areaCode,
    fields: [...read.fields].sort(),
  }));
  const areas = [...new Set(reads.map((read) => read.areaCode))];
  const insert = new SqlText().append(
    `insert into audit_log (actor, actor_role, operation, request_id, action, object_type, object_id, area_code, after, read_objects, read_areas)
     values (?, ?, ?, ?, 'READ', 'Query', null, ?, ?::jsonb, ?::text[], ?::varchar(12)[])`,
    record.principal.id,
    record.principal.role,
    record.operation,
    record.requestId,
    // The row's place is the smallest area holding all its reads; each read keeps its own.
    smallestCommonArea(areas),
    JSON.stringify({ reads }),
    pgTextArray(reads.map((read) => `${read.objectType}:${read.objectId}`)),
    pgTextArray(areas.filter((area): area is string => area !== null)),
  );
  await db.rows(insert);
}
