import type { Logger, LogLevel } from '../log.js';
import type { RequestRecord } from './request-record.js';

/** What the access line of a request says. None of its keys is ever redacted. */
export type AccessFields = {
  requestId: string;
  method: string;
  path: string;
  operation: string | null;
  principalId: string | null;
  role: string | null;
  status: number;
  durationMs: number;
  statements: number;
  refusals?: string[];
};

/**
 * The access line: one per request, through the server's Logger. Server errors are logged as
 * errors, refusals as warnings, everything else as info. A logger that can write the line
 * directly (`Logger.request`, the pino logger's) gets it whole; any other gets `info`/`warn`/`error`.
 */
export function logAccess(log: Logger, record: RequestRecord, request: { method: string; path: string }, status: number, seconds: number): void {
  const fields: AccessFields = {
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
  const level: LogLevel = status >= 500 ? 'error' : status === 429 || status === 413 || record.refusals.length ? 'warn' : 'info';
  if (log.request) log.request(level, fields);
  else log[level]('request', fields);
}

/**
 * The access line as the pino logger writes any line (`level`, `time`, the fields, `message`),
 * built as one string: every request writes one, and going through pino's generic path (object
 * merging, redaction walk, per-key serialisation) cost several times as much.
 */
export function accessLine(level: LogLevel, fields: AccessFields, time: string = isoTimeNow()): string {
  const json = JSON.stringify;
  const refusals = fields.refusals ? `,"refusals":${json(fields.refusals)}` : '';
  return (
    `{"level":"${level}","time":"${time}","requestId":${json(fields.requestId)},"method":${json(fields.method)},` +
    `"path":${json(fields.path)},"operation":${json(fields.operation)},"principalId":${json(fields.principalId)},"role":${json(fields.role)},` +
    `"status":${fields.status},"durationMs":${fields.durationMs},"statements":${fields.statements}${refusals},"message":"request"}\n`
  );
}

let lastMs = Number.NaN;
let lastIso = '';

/** The time as pino's `isoTime` writes it; made once per millisecond, which many requests share under load. */
function isoTimeNow(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}
