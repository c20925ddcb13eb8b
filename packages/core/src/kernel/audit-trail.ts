import { FieldSet } from './field-set.js';

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
  /** The fields returned unmasked. */
  readonly fields: FieldSet;
}

/** A read while the request runs: its fields grow as the object's personal fields are resolved. */
type CollectedRead = { -readonly [K in keyof PersonalDataRead]: PersonalDataRead[K] };

export class AuditTrail {
  /** The root mutation field being executed; mutations run one after another, so one slot is enough. */
  operation: string | null = null;
  /**
   * The reads by type, then by id as the type's resolvers give it (each type gives its ids in one
   * form, number or string): found without building a key string for every field read.
   */
  private readonly byType = new Map<string, Map<string | number, CollectedRead>>();
  /** The same reads in the order they were first made, which the audit record keeps. */
  private inOrder: CollectedRead[] = [];
  /** Objects whose personal data this request entered itself, by type (ids as the type's resolvers give them). */
  private readonly entered = new Map<string, Set<string | number>>();

  /**
   * Notes that this request wrote the object's personal data from its own input (a registration's
   * new household and members): reading it back in the payload shows the caller only what it sent,
   * and the write's own audit record (action INSERT, with the request's id, in the write's
   * transaction) already names the object and the caller. Such reads are not recorded again. Only
   * for rows whose every personal field came from the input: a row filled from data already stored
   * (a workflow's approval registering an application) must not be noted.
   */
  noteEnteredByRequest(objectType: string, objectId: string | number): void {
    let ids = this.entered.get(objectType);
    if (!ids) this.entered.set(objectType, (ids = new Set()));
    ids.add(objectId);
  }

  /** Notes that `field` of an object was returned unmasked. */
  recordPersonalRead(objectType: string, objectId: string | number, areaCode: string | null, field: string): void {
    if (this.entered.size > 0 && this.entered.get(objectType)?.has(objectId)) return;
    let byId = this.byType.get(objectType);
    if (!byId) this.byType.set(objectType, (byId = new Map()));
    const read = byId.get(objectId);
    if (read) {
      read.fields = read.fields.with(field);
      return;
    }
    const first: CollectedRead = { objectType, objectId: String(objectId), areaCode, fields: FieldSet.of(field) };
    byId.set(objectId, first);
    this.inOrder.push(first);
  }

  /** The reads collected so far, emptied: each is recorded once. */
  takePersonalReads(): PersonalDataRead[] {
    const reads = this.inOrder;
    this.byType.clear();
    this.inOrder = [];
    return reads;
  }
}
