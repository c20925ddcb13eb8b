/**
 * What a request leaves in the audit log besides its writes: which mutation is running (so the
 * database can stamp every changed row with it) and which personal data it read unmasked. Writes
 * are audited by database triggers inside the write's own transaction; reads are collected here
 * and recorded once, when the request's execution ends.
 */
export interface PersonalDataRead {
  readonly objectType: string;
  readonly objectId: string;
  /** The village the person or household belongs to, so the audit log can be read by area. */
  readonly areaCode: string | null;
  readonly fields: Set<string>;
}

export class AuditTrail {
  /** The root mutation field being executed; mutations run one after another, so one slot is enough. */
  operation: string | null = null;
  private readonly reads = new Map<string, PersonalDataRead>();

  /** Notes that `field` of an object was returned unmasked. */
  recordPersonalRead(objectType: string, objectId: string | number, areaCode: string | null, field: string): void {
    const key = `${objectType}:${objectId}`;
    const read = this.reads.get(key);
    if (read) read.fields.add(field);
    else this.reads.set(key, { objectType, objectId: String(objectId), areaCode, fields: new Set([field]) });
  }

  /** The reads collected so far, emptied: each is recorded once. */
  takePersonalReads(): PersonalDataRead[] {
    const reads = [...this.reads.values()];
    this.reads.clear();
    return reads;
  }
}
