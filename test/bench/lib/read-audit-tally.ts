/**
 * Our server's read audit as its /metrics count it (tuopin_read_audit_*): how long responses
 * waited for their read records, and how many records its inserts carried. The county officer's
 * requests wait for his record before they are answered, which is most of what he costs beyond
 * the administrator (README, *Session 41*); the report shows that wait beside his CPU and
 * database time.
 */
import type { RunningServer } from './servers.js';

/** The token our servers under test put /metrics behind (TUOPIN_METRICS_TOKEN; not a secret: a local bench). */
export const BENCH_METRICS_TOKEN = 'tuopin-bench-metrics-token-0123456789';

export interface ReadAuditTally {
  /** Records written. */
  records: number;
  /** Seconds their responses waited for them, summed. */
  waitSeconds: number;
  /** Inserts that wrote them. */
  inserts: number;
}

/** The tally so far; null for a server without these metrics (the peer, the raw floor, an older checkout). */
export async function readAuditTally(server: RunningServer): Promise<ReadAuditTally | null> {
  if (server.name !== 'ours' && server.name !== 'county') return null;
  const response = await fetch(server.url('/metrics'), { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` }, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) return null;
  const text = await response.text();
  const sample = (name: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line === undefined ? null : Number(line.slice(name.length + 1));
  };
  const records = sample('tuopin_read_audit_wait_seconds_count');
  const waitSeconds = sample('tuopin_read_audit_wait_seconds_sum');
  const inserts = sample('tuopin_read_audit_records_per_insert_count');
  if (records === null || waitSeconds === null || inserts === null) return null;
  return { records, waitSeconds, inserts };
}

/** What a run added to the tally, per request sent: the wait in ms, and records per insert (null when nothing was recorded). */
export function readAuditPerRequest(before: ReadAuditTally | null, after: ReadAuditTally | null, sent: number): { waitMs: number; recordsPerInsert: number | null } | null {
  if (!before || !after || sent <= 0) return null;
  const inserts = after.inserts - before.inserts;
  return {
    waitMs: Math.round((((after.waitSeconds - before.waitSeconds) * 1000) / sent) * 1000) / 1000,
    recordsPerInsert: inserts > 0 ? Math.round(((after.records - before.records) / inserts) * 100) / 100 : null,
  };
}
