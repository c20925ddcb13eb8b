import { pino, type DestinationStream, type Level } from 'pino';
import { ConfigurationError } from '../configuration-error.js';
import type { Logger } from '../log.js';
import { currentRequest } from './request-record.js';

/**
 * Field paths pino removes before a line is written, whoever logs: credentials, personal data
 * (the registry's ID numbers, bank accounts and health details) and SQL parameters, which carry
 * both. A path matches at the top level of a line's fields and one level down.
 */
const SENSITIVE_KEYS = [
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
];
export const REDACTED_PATHS: readonly string[] = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`]);

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
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      // `message`, as the server's lines have always named it (log queries and tests rely on it).
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      // Whatever is logged while a request runs (a masked error's details, a warning) carries its id.
      mixin: () => {
        const request = currentRequest();
        return request ? { requestId: request.requestId } : {};
      },
    },
    // Asynchronous writes: an access line per request must not block the event loop on a slow
    // pipe. pino flushes what is buffered when the process exits.
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}

/** `TUOPIN_LOG_LEVEL` as a pino level; anything else is a configuration mistake. */
export function logLevelFrom(value: string | undefined): Level {
  if (value === undefined || value === '') return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(value)) throw new ConfigurationError(`TUOPIN_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got '${value}'`);
  return value as Level;
}
