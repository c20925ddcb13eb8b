import type { ReadAuditWriter } from '@tuopin/core';
import { Counter, type Registry } from 'prom-client';
import { TallyHistogram, type Labels } from './tally-histogram.js';

const NO_LABELS = (): Labels => ({});

/**
 * The read audit as an operator watches it: how long responses of personal data waited for their
 * read records to be committed (the cost of the audit to every such request), how many records
 * each insert carried (the group commit at work), and records that could not be written (each
 * one a request that failed rather than answer unrecorded).
 */
export function registerReadAuditMetrics(registry: Registry, writer: ReadAuditWriter): void {
  const waited = new TallyHistogram(
    'tuopin_read_audit_wait_seconds',
    "Time a response of personal data waited for its request's read record to be committed",
    [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  );
  const perInsert = new TallyHistogram('tuopin_read_audit_records_per_insert', 'Read records written by one insert of the group commit', [1, 2, 3, 5, 8, 13, 21, 34, 55, 100]);
  const failed = new Counter({ name: 'tuopin_read_audit_failures_total', help: 'Read records that could not be written; their requests failed', registers: [registry] });
  registry.registerMetric(waited as never);
  registry.registerMetric(perInsert as never);
  writer.observe({
    recordWritten: (seconds) => waited.observe('', NO_LABELS, seconds),
    insertWritten: (records) => perInsert.observe('', NO_LABELS, records),
    recordFailed: () => failed.inc(),
  });
}
