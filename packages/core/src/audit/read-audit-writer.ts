import type { ReadLayer } from '../kernel/read/read-layer.js';
import { hasReadsToRecord, insertReadRows, readAuditRow, type ReadAuditRow, type ReadRecord } from './audit-reads.js';

interface WaitingRow {
  row: ReadAuditRow;
  /** When the request handed its record over (performance.now(), ms). */
  since: number;
  written(): void;
  failed(error: unknown): void;
}

/**
 * What an operator watches of the read audit (the server's /metrics): how long responses wait
 * for their records, how many records share an insert, and records that could not be written.
 */
export interface ReadAuditObserver {
  /** A request's record is on record, `waitedSeconds` after its request handed it over. */
  recordWritten(waitedSeconds: number): void;
  /** One insert (one statement, one commit) wrote `records` records. */
  insertWritten(records: number): void;
  /** A record could not be written: its request fails. */
  recordFailed(): void;
}

/** At most this many rows go in one statement; more wait for the next. */
const MOST_ROWS_PER_INSERT = 100;

/** Inserts on their way at once (see the class). */
const MOST_INSERTS_IN_FLIGHT = 1;

/**
 * Writes requests' read records to the audit log by group commit: while an insert is on its way,
 * the records of the requests that end meanwhile wait, and then go together in the next insert.
 * A request's response still waits until its own record is committed, exactly as when each request
 * wrote its own row, so no response carries personal data whose read is not on record; but under
 * load a hundred requests pay for one statement, one commit and one flush of the WAL instead of a
 * hundred. With nothing on its way, a record is written at once: a lone request waits no longer.
 *
 * One insert is on its way at a time (MOST_INSERTS_IN_FLIGHT). From session 41 to 57 there were
 * two, each on its own connection: an insert that PostgreSQL held up merging the pending list of
 * the GIN index of every object read (53 of 27,562 inserts into a copy of the table took 20–55 ms)
 * then held up only the records behind it. Since records are indexed by the blocks of what they
 * read (two keys a page instead of sixty, audit-reads.ts `readBlockOf`) that list fills thirty
 * times more slowly; and with one on its way, twice as many records share each insert: on the
 * bench's household page asked by a county officer, about 4 records an insert instead of 2, and 8 %
 * less CPU per request, ours and PostgreSQL's together (test/bench/README.md, session 58).
 *
 * The records are written on the writer's own connection from the pool, never in a caller's
 * transaction: they belong to several requests.
 */
export class ReadAuditWriter {
  private waiting: WaitingRow[] = [];
  /** Inserts on their way. */
  private writing = 0;
  private observers: ReadAuditObserver[] = [];

  constructor(private readonly db: ReadLayer) {}

  /** Tells `observer` of every record and insert from now on. */
  observe(observer: ReadAuditObserver): void {
    this.observers.push(observer);
  }

  /** Resolves when the request's reads are on record; rejects when they could not be written. */
  record(record: ReadRecord): Promise<void> {
    if (!hasReadsToRecord(record)) return Promise.resolve();
    const row = readAuditRow(record);
    return new Promise((written, failed) => {
      this.waiting.push({ row, since: performance.now(), written, failed });
      if (this.writing < MOST_INSERTS_IN_FLIGHT) void this.writeWhileWaiting();
    });
  }

  private async writeWhileWaiting(): Promise<void> {
    this.writing++;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, MOST_ROWS_PER_INSERT);
        await this.writeGroup(group);
      }
    } finally {
      this.writing--;
    }
  }

  private async writeGroup(group: WaitingRow[]): Promise<void> {
    try {
      await this.db.autonomousRows(insertReadRows(group.map((waiting) => waiting.row)));
    } catch (error) {
      if (group.length === 1) {
        for (const observer of this.observers) observer.recordFailed();
        return group[0].failed(error);
      }
      // One record the database refuses must not fail the other requests of its group: each is tried alone.
      for (const waiting of group) await this.writeGroup([waiting]);
      return;
    }
    // Outside the try: the rows are committed, and nothing after the insert may have them written again.
    for (const waiting of group) waiting.written();
    this.tellWritten(group);
  }

  private tellWritten(group: readonly WaitingRow[]): void {
    if (this.observers.length === 0) return;
    const now = performance.now();
    for (const observer of this.observers) {
      observer.insertWritten(group.length);
      for (const waiting of group) observer.recordWritten((now - waiting.since) / 1000);
    }
  }
}
