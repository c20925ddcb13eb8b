/**
 * Telling "the database is not there" apart from every other failure. A request that fails for
 * that reason gets a typed answer — DATABASE_UNAVAILABLE, HTTP 503 with Retry-After — because it
 * is nobody's mistake and worth retrying; never a masked INTERNAL_SERVER_ERROR, and never data
 * that reads as "does not exist".
 */

/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a server that is going away or not taking connections: class 08 (connection
 * exception), 57P01–57P03 (shut down by an administrator, crashed, starting or stopping) and
 * 53300 (no connection slot left).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** What drivers and pools say when a connection died or none could be had, without a code. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Connection ended unexpectedly|not queryable|Timeout acquiring a connection|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)/i;

/** Seconds a client should wait before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export const DATABASE_UNAVAILABLE = {
  code: 'DATABASE_UNAVAILABLE',
  messageZh: '数据库暂时不可用，请稍后重试',
  messageEn: 'The database is unavailable at the moment; try again shortly',
} as const;

/** True when an error (or one it wraps) means the database could not be reached. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, name, message, cause, errors } = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (name === 'ConnectionException') return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
