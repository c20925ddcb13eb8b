/**
 * Bulk loading with COPY … FROM STDIN (text format) through pg-copy-streams. Rows are lines of
 * tab-separated values; `\N` is NULL. The seeders only write digits, codes, enum keys, dates and
 * Chinese names from fixed character pools, none of which contain a tab, a newline or a
 * backslash, so no escaping is done.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export const NULL = '\\N';

/** A boolean in COPY text format. */
export function bool(value: boolean): string {
  return value ? 't' : 'f';
}

/** A nullable value in COPY text format. */
export function opt(value: string | number | null | undefined): string {
  return value === null || value === undefined ? NULL : String(value);
}

/** A text[] in COPY text format, for values without commas, braces, quotes or spaces. */
export function textArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

/** Cents as a numeric(…, 2) literal: 123456 → '1234.56'. */
export function money(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents - whole * 100;
  return `${whole}.${rest < 10 ? '0' : ''}${rest}`;
}

/**
 * Lines collected into chunks of about `chunkSize` characters, each encoded to a Buffer as soon
 * as it is full: COPY gets a few large writes instead of one per row, and a batch's text lives
 * outside the JavaScript heap instead of as millions of small concatenated strings (which made
 * garbage collection the main cost of generating a million households).
 */
export class RowBuffer {
  private pending = '';
  private chunks: Buffer[] = [];
  private rowCount = 0;

  constructor(private readonly chunkSize = 1 << 16) {}

  /** One row: tab-separated values, without the newline. */
  row(line: string): void {
    this.pending += line + '\n';
    this.rowCount++;
    if (this.pending.length >= this.chunkSize) {
      this.chunks.push(Buffer.from(this.pending));
      this.pending = '';
    }
  }

  /** Rows added since the last take(). */
  get rows(): number {
    return this.rowCount;
  }

  /** The chunks collected so far; the buffer is empty afterwards. */
  take(): Buffer[] {
    if (this.pending.length > 0) this.chunks.push(Buffer.from(this.pending));
    const chunks = this.chunks;
    this.chunks = [];
    this.pending = '';
    this.rowCount = 0;
    return chunks;
  }
}

/**
 * Streams chunks of rows into `COPY table (columns) FROM STDIN`, honouring backpressure (the
 * pipeline waits for 'drain'), and resolves with the number of rows PostgreSQL reports.
 * Chunks may come from an array or from a generator that produces them lazily.
 */
export async function copyInto(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  chunks: Iterable<Buffer | string> | AsyncIterable<Buffer | string>,
): Promise<number> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
  return stream.rowCount;
}

/**
 * Multi-row INSERT with parameters, in batches that stay below PostgreSQL's 65,535 parameters.
 * For the small tables (areas, groups).
 */
export async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<number> {
  const perBatch = Math.max(1, Math.floor(60_000 / columns.length));
  let inserted = 0;
  for (let start = 0; start < rows.length; start += perBatch) {
    const batch = rows.slice(start, start + perBatch);
    const params: unknown[] = [];
    const tuples = batch.map((row) => {
      if (row.length !== columns.length) throw new Error(`a ${table} row has ${row.length} values for ${columns.length} columns`);
      const placeholders = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const result = await client.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, params);
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

/** The first free id of a table (max + 1), for rows inserted with explicit ids. */
export async function nextId(client: pg.ClientBase, table: string): Promise<number> {
  const { rows } = await client.query<{ next: string }>(`select coalesce(max(id), 0) + 1 as next from ${table}`);
  return Number(rows[0].next);
}

/** Moves a table's identity sequence past its largest id, after rows were inserted with explicit ids. */
export async function syncIdentity(client: pg.ClientBase, table: string): Promise<void> {
  await client.query(
    `select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`,
    [table],
  );
}
