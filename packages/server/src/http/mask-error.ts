import { randomUUID } from 'node:crypto';
import { TuopinError } from '@tuopin/core';
import { GraphQLError } from 'graphql';
import type { Logger } from '../log.js';
import { describeErrorForLog } from '../log-redaction.js';
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../database/database-unavailable.js';

/** Masks one error; `requestId`, when known, goes into the log line of an unexpected one. */
export type ErrorMasker = (error: unknown, requestId?: string) => Error;

/**
 * Decides what a client sees of an error. Typed errors keep their code, field and bilingual
 * messages; GraphQL's own errors (syntax, validation, bad scalar input) pass unchanged; a
 * database that cannot be reached is DATABASE_UNAVAILABLE with HTTP 503; anything else is
 * unexpected: the client gets a correlation id, the log gets the details (without values).
 * Masking a masked error changes nothing, so yoga's masking after ours (request-error-masking.ts) is harmless.
 */
export function createErrorMasker(log: Logger): ErrorMasker {
  return (error, requestId) => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    const where = error instanceof GraphQLError ? { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path } : {};
    if (original instanceof TuopinError) {
      return new GraphQLError(original.message, { ...where, extensions: original.toExtensions() });
    }
    if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) return error;
    const correlationId = randomUUID();
    if (isDatabaseUnavailable(original)) {
      log.warn('database unavailable', { correlationId, ...(requestId === undefined ? {} : { requestId }), ...describeErrorForLog(original), path: where.path });
      return new GraphQLError(`${DATABASE_UNAVAILABLE.messageZh} / ${DATABASE_UNAVAILABLE.messageEn}`, {
        ...where,
        // `http` is read by yoga for the response's status and headers, and not sent to the client.
        extensions: { ...DATABASE_UNAVAILABLE, correlationId, http: { status: 503, headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) } } },
      });
    }
    // The log gets the error's kind, codes and SQL shape, never the values in it (log-redaction.ts).
    log.error('unexpected error', { correlationId, ...(requestId === undefined ? {} : { requestId }), ...describeErrorForLog(original), path: where.path });
    return new GraphQLError(`服务器内部错误，关联编号 ${correlationId} / Unexpected error; correlation id ${correlationId}`, {
      ...where,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
    });
  };
}
