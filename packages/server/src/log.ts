/**
 * Structured logging: one JSON object per line on stdout, so a log collector can index the
 * correlation id of a masked error. Kept dependency-free on purpose.
 */
import type { AccessFields } from './observability/access-log.js';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Writes a request's access line (message `request`) at `level`; without it, the level's method is used. */
  request?(level: LogLevel, fields: AccessFields): void;
}

export function createLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (level: LogLevel, message: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
  return {
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  };
}

/** A logger that drops everything, for tests. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
