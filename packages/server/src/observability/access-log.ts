import type { Logger } from '../log.js';
import type { RequestRecord } from './request-record.js';

/**
 * The access line: one per request, through the server's Logger (so its redaction applies).
 * Server errors are logged as errors, refusals as warnings, everything else as info.
 */
export function logAccess(log: Logger, record: RequestRecord, request: { method: string; path: string }, status: number, seconds: number): void {
  const fields = {
    requestId: record.requestId,
    method: request.method,
    path: request.path,
    operation: record.operationName,
    principalId: record.principal?.id ?? null,
    role: record.principal?.role ?? null,
    status,
    durationMs: Math.round(seconds * 10_000) / 10,
    statements: record.statements,
    ...(record.refusals.length ? { refusals: record.refusals } : {}),
  };
  if (status >= 500) log.error('request', fields);
  else if (status === 429 || status === 413 || record.refusals.length) log.warn('request', fields);
  else log.info('request', fields);
}
