/**
 * A question of the bench: the same data asked of three servers — ours (tuopin's GraphQL), the
 * peer (PostGraphile 5, amber preset) and the raw floor (hand-written SQL on node-postgres) —
 * each in its own dialect, each answer normalised to one plain JSON shape so that they can be
 * compared before anything is timed.
 */
import type pg from 'pg';
import type { BenchCaller } from '../auth.js';

export type Vars = Record<string, unknown>;

export interface GraphqlSide {
  query: string;
  variables(vars: Vars): Record<string, unknown>;
  /** The `data` of a response in the common shape. */
  normalise(data: any): unknown;
  /** True when a 200 response is nonetheless a failure (beyond a top-level `errors`). */
  failed?(body: string): boolean;
  /**
   * Who asks, when not the bench's national administrator: registering households is an
   * officer's work (administrators see ID numbers masked and may not enter them).
   */
  caller?: BenchCaller;
}

export interface Question {
  id: string;
  title: string;
  /** What is asked, for the report. */
  description: string;
  /** Page sizes for the check that statements per request do not grow with the page (`first`). */
  pageSizes?: [number, number];
  /** Writes: runs against a copy of the database, with fresh variables for every request. */
  write?: boolean;
  /** Draws the variables of the read questions from the database (deterministically). */
  sample(client: pg.ClientBase): Promise<Vars[]>;
  /** For writes: the variables of the n-th request (unique across the whole bench run). */
  fresh?(pool: Vars[], n: number): Vars;
  /** Undoes one checked write, so that the next server can be checked with the same variables. */
  undo?(client: pg.ClientBase, vars: Vars): Promise<void>;
  /**
   * Brings another server's normalised answer under our server's disclosure rules before the
   * comparison (e.g. ID numbers that ours masks for the caller's role).
   */
  reconcile?(ours: unknown, other: unknown): unknown;
  /**
   * The division code the variables ask about, for the county officer's run: it asks only the
   * variables inside the officer's counties (null: the question has no area, any caller may ask).
   * A question without it is not asked as a county officer (one whose answer a county officer
   * cannot see as a whole, such as a province's counties, or one that names its own caller).
   */
  areaOf?(vars: Vars): string | null;
  ours: GraphqlSide;
  peer: GraphqlSide;
  /** The raw floor: answers in the common shape. */
  raw(pool: pg.Pool, vars: Vars): Promise<unknown>;
}

/** Deterministic sampling: PostgreSQL's random() after setseed, in one transaction. */
export async function sampleRows<T extends pg.QueryResultRow>(client: pg.ClientBase, sql: string, params: unknown[] = []): Promise<T[]> {
  await client.query('begin');
  try {
    await client.query('select setseed(0.4242)');
    const { rows } = await client.query<T>(sql, params);
    return rows;
  } finally {
    await client.query('commit');
  }
}

/** The significant prefix of a 12-digit division code (as the server computes its subtree ranges). */
export function codePrefix(code: string): string {
  if (/^0+$/.test(code.slice(2))) return code.slice(0, 2);
  if (/^0+$/.test(code.slice(4))) return code.slice(0, 4);
  if (/^0+$/.test(code.slice(6))) return code.slice(0, 6);
  if (/^0+$/.test(code.slice(9))) return code.slice(0, 9);
  return code;
}

export function subtree(code: string): { lo: string; hi: string } {
  const prefix = codePrefix(code);
  return { lo: prefix.padEnd(12, '0'), hi: prefix.padEnd(12, '9') };
}

/** Relay connection → list of nodes. */
export function nodesOf<T>(connection: { edges?: { node: T }[]; nodes?: T[] } | null | undefined): T[] {
  if (!connection) return [];
  return connection.nodes ?? connection.edges!.map((edge) => edge.node);
}

/** `433125********123X`, the form in which our server shows ID numbers to roles that may not see them. */
const MASKED_ID = /^\d{6}\*{8}[\dX]{4}$/;

/**
 * Masks the other side's `idNumber` values wherever ours came back masked, and hides its
 * `birthDate` wherever ours came back null (same place in both answers; the birth date is the
 * masked part of the ID number), so that a national administrator's view can be compared with the
 * raw rows.
 */
export function maskIdNumbersLikeOurs(ours: unknown, other: unknown): unknown {
  if (Array.isArray(ours) && Array.isArray(other)) return other.map((item, i) => maskIdNumbersLikeOurs(ours[i], item));
  if (ours && other && typeof ours === 'object' && typeof other === 'object') {
    const mine = ours as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(other as Record<string, unknown>).map(([key, value]) => {
        if (key === 'idNumber' && typeof mine[key] === 'string' && MASKED_ID.test(mine[key] as string) && typeof value === 'string') {
          return [key, `${value.slice(0, 6)}********${value.slice(14)}`];
        }
        if (key === 'birthDate' && key in mine && mine[key] === null) return [key, null];
        return [key, maskIdNumbersLikeOurs(mine[key], value)];
      }),
    );
  }
  return other;
}
