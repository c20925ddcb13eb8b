import type { PersonalDataRead } from '../kernel/audit-trail.js';
import type { FieldSet } from '../kernel/field-set.js';
import { smallestCommonArea } from '../area/area-tree.js';
import type { Principal } from '../kernel/principal.js';
import { toStatement, type ReadStatement } from '../kernel/read/read-statement.js';

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

/** One object read, as the audit log shows a read record's `after.reads`. */
export interface RecordedRead {
  objectType: string;
  objectId: string;
  /** The village of the person or household: the log is read by area. */
  areaCode: string | null;
  /** The fields shown unmasked, sorted. */
  fields: string[];
}

/**
 * Reads as a record stores them (`after.readGroups`): the objects of one type, read in one area
 * with the same fields, as one entry with their ids. A household page's 60 members are one entry
 * of 60 ids instead of 60 entries repeating type, area and fields: a tenth of the bytes to build,
 * send, parse and store for every page an officer opens.
 */
export interface RecordedReadGroup {
  objectType: string;
  areaCode: string | null;
  fields: string[];
  objectIds: string[];
}

/** A read record as the insert takes it: one element of the statement's JSON array. */
export interface ReadAuditRow {
  actor: string;
  role: string;
  operation: string;
  requestId: string;
  /** The smallest area holding all the row's reads. */
  area: string | null;
  after: { readGroups: RecordedReadGroup[] };
  areas: string[];
  /** The blocks of the objects read (`readBlockOf`), each once: the keys the log finds the row by. */
  blocks: string[];
}

/**
 * The block of an object read, by which the audit log finds the read records that list it: its
 * type and its id without the last two characters ('Member/5116' for members 511600 to 511699).
 * "Who read this member" looks the block up in the index of `read_blocks` and then checks the
 * member's own key in `read_objects` ('Member:511691'), which needs no index.
 *
 * An index of every object read cost PostgreSQL more than anything else in a county officer's read
 * record: a household page of 60 members put 60 keys into the index, 0.22 ms of its CPU per page
 * on the bench (test/bench, Q1 asked by the county officer, session 58). The members of a page
 * were registered together, so their ids fall into a block or two. Records written before the
 * blocks (migration core_20261214000000) are not given them, since the log is append-only: they
 * are still found by the index of their objects, which now covers only them.
 */
export function readBlockOf(objectType: string, objectId: string): string {
  return `${objectType}/${objectId.slice(0, -2)}`;
}

/** Whether a request's reads are recorded at all. */
export function hasReadsToRecord(record: Pick<ReadRecord, 'personalReads' | 'recordQuery'>): boolean {
  return record.personalReads.length > 0 || record.recordQuery;
}

/**
 * A request's reads as one row (object type `Query`): every person or household whose personal
 * data was shown, with its area and fields, in `after.readGroups`; the areas read, by which the log
 * finds the row (`read_areas`); the row's own place is the smallest area holding them all.
 */
export function readAuditRow(record: ReadRecord): ReadAuditRow {
  const readGroups = groupReads(record.personalReads);
  const areas = [...new Set(readGroups.map((group) => group.areaCode))];
  const blocks = new Set<string>();
  for (const group of readGroups) for (const id of group.objectIds) blocks.add(readBlockOf(group.objectType, id));
  return {
    actor: record.principal.id,
    role: record.principal.role,
    operation: record.operation,
    requestId: record.requestId,
    area: smallestCommonArea(areas),
    after: { readGroups },
    areas: areas.filter((area): area is string => area !== null),
    blocks: [...blocks],
  };
}

/**
 * The reads grouped by type, area and fields, the groups in the order of their first read. A read's
 * fields are an interned set (field-set.ts), so a group is found by three map lookups, with no key
 * string built for each of a page's hundred people.
 */
function groupReads(reads: readonly PersonalDataRead[]): RecordedReadGroup[] {
  const groups: RecordedReadGroup[] = [];
  const byType = new Map<string, Map<FieldSet, Map<string | null, RecordedReadGroup>>>();
  for (const read of reads) {
    let byFields = byType.get(read.objectType);
    if (!byFields) byType.set(read.objectType, (byFields = new Map()));
    let byArea = byFields.get(read.fields);
    if (!byArea) byFields.set(read.fields, (byArea = new Map()));
    const group = byArea.get(read.areaCode);
    if (group) {
      group.objectIds.push(read.objectId);
      continue;
    }
    const created: RecordedReadGroup = { objectType: read.objectType, areaCode: read.areaCode, fields: [...read.fields.names], objectIds: [read.objectId] };
    byArea.set(read.areaCode, created);
    groups.push(created);
  }
  return groups;
}

/**
 * The reads a stored record lists, one per object, from either form: `after.readGroups` (since
 * session 27) or `after.reads` (records written before it).
 */
export function readsOf(after: unknown): RecordedRead[] | null {
  const stored = after as { reads?: unknown; readGroups?: unknown } | null;
  if (Array.isArray(stored?.readGroups)) {
    return (stored.readGroups as RecordedReadGroup[]).flatMap((group) =>
      group.objectIds.map((objectId) => ({ objectType: group.objectType, objectId, areaCode: group.areaCode, fields: group.fields })),
    );
  }
  return Array.isArray(stored?.reads) ? (stored.reads as RecordedRead[]) : null;
}

/**
 * One statement for any number of read rows, so that its text (and its prepared plan) is the same
 * for one row or a hundred: the rows go in as one JSON array. `read_objects` ('Member:123': "who
 * read this member", checked once the index of `read_blocks` found the row) is built here from
 * `after.readGroups`, in the database, rather than as a second copy of every id in the parameter.
 */
export function insertReadRows(rows: readonly ReadAuditRow[]): ReadStatement {
  return toStatement(
    `insert into audit_log (actor, actor_role, operation, request_id, action, object_type, object_id, area_code, after, read_objects, read_areas, read_blocks)
     select r.actor, r.role, r.operation, r."requestId", 'READ', 'Query', null, r.area, r.after,
            array(select (grouped->>'objectType') || ':' || id
                  from jsonb_array_elements(r.after->'readGroups') grouped, jsonb_array_elements_text(grouped->'objectIds') id),
            array(select jsonb_array_elements_text(r.areas))::varchar(12)[],
            array(select jsonb_array_elements_text(r.blocks))
     from jsonb_to_recordset($1::jsonb) as r(actor text, role text, operation text, "requestId" text, area varchar(12), after jsonb, areas jsonb, blocks jsonb)`,
    [JSON.stringify(rows)],
  );
}
