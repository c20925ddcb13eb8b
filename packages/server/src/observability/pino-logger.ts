import { pino, type DestinationStream, type Level } from 'pino';
import { ConfigurationError } from '../configuration-error.js';
import type { Logger } from '../log.js';
import { accessLine } from './access-log.js';
import { BatchedDestination } from './batched-destination.js';

/**
 * Keys whose values are never written, whoever logs: credentials, personal data (the registry's
 * ID numbers, bank accounts and health details) and SQL parameters, which carry both. A key is
 * redacted at the top level of a line's fields and one level down.
 */
export const REDACTED_KEYS: ReadonlySet<string> = new Set([
  'authorization',
  'token',
  'secret',
  'password',
  'apiKey',
  'idNumber',
  'bankAccount',
  'healthStatus',
  'disability',
  'params',
  'parameters',
  'variables',
]);
const CENSOR = '[redacted]';

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A copy of `fields` without the redacted keys (the object itself when there are none). Done
 * here rather than with pino's `redact` option: its wildcard paths (`*.idNumber`) cost about
 * 16 µs a line, which every request's access line would pay; this costs well under one.
 */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  let result = fields;
  const set = (key: string, value: unknown) => {
    if (result === fields) result = { ...fields };
    result[key] = value;
  };
  for (const key in fields) {
    const value = fields[key];
    if (REDACTED_KEYS.has(key)) {
      set(key, CENSOR);
    } else if (isPlainObject(value)) {
      let nested = value;
      for (const inner in value) {
        if (!REDACTED_KEYS.has(inner)) continue;
        if (nested === value) nested = { ...value };
        nested[inner] = CENSOR;
      }
      if (nested !== value) set(key, nested);
    }
  }
  return result;
}

export const LOG_LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

export interface PinoLoggerOptions {
  /** The least severe level written; `TUOPIN_LOG_LEVEL`, `info` by default. */
  level?: Level;
  /** Where lines go; stdout by default. */
  destination?: DestinationStream;
}

/**
 * The server's Logger on pino: one JSON object per line, with `level` as a name (`"info"`), `time`
 * as an ISO timestamp and `message`, the shape the server's lines had before pino.
 */
export function createPinoLogger(options: PinoLoggerOptions = {}): Logger {
  // Asynchronous writes: an access line per request must not block the event loop on a slow
  // pipe. Lines are handed to pino's writer in batches of 16 KiB, or every quarter second
  // (batched-destination.ts: one write per line was a tenth of a small request's CPU, and
  // appending each line to the writer's buffer almost as much); errors are written at once.
  // What is buffered is written when the process exits.
  const destination = options.destination ?? new BatchedDestination(pino.destination({ dest: 1, sync: false }));
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      // `message`, as the server's lines have always named it (log queries and tests rely on it).
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: redactFields },
    },
    destination,
  );
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => {
      logger.error(fields ?? {}, message);
      logger.flush();
    },
    request: (level, fields) => {
      if (logger.isLevelEnabled(level)) destination.write(accessLine(level, fields));
      if (level === 'error') logger.flush();
    },
  };
}

/** `TUOPIN_LOG_LEVEL` as a pino level; anything else is a configuration mistake. */
export function logLevelFrom(value: string | undefined): Level {
  if (value === undefined || value === '') return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(value)) throw new ConfigurationError(`TUOPIN_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got '${value}'`);
  return value as Level;
}
