import type { EntityManager } from '@mikro-orm/postgresql';
import type { PersonalDataRead } from '../kernel/audit-trail.js';
import type { Principal } from '../kernel/principal.js';

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

/**
 * Records a request's reads in one statement (one row per person or household whose personal
 * data was shown, plus one for an auditor's query). Reads are not transactional with anything,
 * so they are written as soon as the request's execution ends, before its response is sent.
 */
export async function recordReads(em: EntityManager, record: ReadRecord): Promise<void> {
  const rows = record.personalReads.map((read) => ({
    objectType: read.objectType,
    objectId: read.objectId,
    areaCode: read.areaCode,
    after: { fields: [...read.fields].sort() },
  }));
  if (record.recordQuery) rows.push({ objectType: 'Query', objectId: '', areaCode: null, after: { fields: [] } });
  if (rows.length === 0) return;
  const values = rows.map(() => "(?, ?, ?, ?, 'READ', ?, nullif(?, ''), ?, ?::jsonb)").join(', ');
  const params = rows.flatMap((row) => [
    record.principal.id,
    record.principal.role,
    record.operation,
    record.requestId,
    row.objectType,
    row.objectId,
    row.areaCode,
    JSON.stringify(row.after),
  ]);
  await em.execute(
    `insert into audit_log (actor, actor_role, operation, request_id, action, object_type, object_id, area_code, after) values ${values}`,
    params,
  );
}
