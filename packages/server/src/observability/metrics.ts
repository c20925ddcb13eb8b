import type { MikroORM } from '@mikro-orm/postgresql';
import type { ReadAuditWriter } from '@tuopin/core';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { RequestRecord } from './request-record.js';
import { registerReadAuditMetrics } from './read-audit-metrics.js';
import { HistogramCounter, TallyHistogram, type Labels } from './tally-histogram.js';

/** Refusals the gateway answers by HTTP status, before GraphQL runs. */
const REFUSED_STATUSES: Record<number, string> = { 401: 'UNAUTHENTICATED', 411: 'LENGTH_REQUIRED', 413: 'PAYLOAD_TOO_LARGE', 429: 'RATE_LIMITED' };
/** Operation names are chosen by clients; past this many distinct ones, new names count as `other`. */
const MAX_OPERATION_NAMES = 500;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

export interface Metrics {
  readonly registry: Registry;
  /** Records a finished request. */
  observe(record: RequestRecord, status: number, seconds: number): void;
}

/**
 * The server's Prometheus metrics, in a registry of its own (several servers in one test process
 * must not share counters): requests and latency by operation and status, SQL statements per
 * request, the connection pool, refusals by limit, and the read audit's writes; plus Node's
 * process metrics.
 */
export function createMetrics(orm: MikroORM, readAudit: ReadAuditWriter): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Every request records these three; they are tallied in plain arrays (tally-histogram.ts).
  const duration = new TallyHistogram('tuopin_http_request_duration_seconds', 'Time from receiving a request to finishing its response', [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]);
  const statements = new TallyHistogram('tuopin_sql_statements_per_request', 'SQL statements sent for one request', [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]);
  registry.registerMetric(new HistogramCounter('tuopin_http_requests_total', 'HTTP requests by GraphQL operation name and status', duration) as never);
  registry.registerMetric(duration as never);
  registry.registerMetric(statements as never);
  const refusals = new Counter({ name: 'tuopin_refusals_total', help: 'Requests refused by authentication or a limit, by reason', labelNames: ['reason'], registers: [registry] });
  const direct = new Counter({ name: 'tuopin_http_direct_answers_total', help: "GraphQL requests answered by the direct path for JSON posts rather than yoga's full handler", registers: [registry] });
  registerReadAuditMetrics(registry, readAudit);
  const pool = poolOf(orm);
  new Gauge({
    name: 'tuopin_db_pool_connections',
    help: 'Database connections: in use by a request, idle in the pool, and requests waiting for one',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'in_use' }, pool?.numUsed() ?? 0);
      this.set({ state: 'idle' }, pool?.numFree() ?? 0);
      this.set({ state: 'waiting' }, pool?.numPendingAcquires() ?? 0);
    },
  });

  const knownOperations = new Set<string>();
  const operationLabel = (name: string | null): string => {
    if (name === null) return 'anonymous';
    if (knownOperations.has(name)) return name;
    if (!OPERATION_NAME.test(name) || knownOperations.size >= MAX_OPERATION_NAMES) return 'other';
    knownOperations.add(name);
    return name;
  };

  return {
    registry,
    observe(record, status, seconds) {
      const operation = operationLabel(record.operationName);
      // Operation names hold no space (OPERATION_NAME), so the key names one label set.
      duration.observe(`${operation} ${status}`, operationAndStatus, seconds);
      statements.observe(operation, operationOnly, record.statements);
      const byStatus = REFUSED_STATUSES[status];
      if (byStatus) refusals.inc({ reason: byStatus });
      for (const reason of record.refusals) refusals.inc({ reason });
      if (record.answeredDirectly) direct.inc();
    },
  };
}

/** The labels of a duration key, `<operation> <status>`. */
function operationAndStatus(key: string): Labels {
  const space = key.indexOf(' ');
  return { operation: key.slice(0, space), status: key.slice(space + 1) };
}

/** The labels of a statements key, the operation itself. */
function operationOnly(key: string): Labels {
  return { operation: key };
}

interface PoolCounts {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** The knex (tarn) pool under MikroORM's connection; absent before the first query creates it. */
function poolOf(orm: MikroORM): PoolCounts | undefined {
  const knex = orm.em.getKnex() as unknown as { client: { pool?: PoolCounts } };
  return {
    numUsed: () => knex.client.pool?.numUsed() ?? 0,
    numFree: () => knex.client.pool?.numFree() ?? 0,
    numPendingAcquires: () => knex.client.pool?.numPendingAcquires() ?? 0,
  };
}
