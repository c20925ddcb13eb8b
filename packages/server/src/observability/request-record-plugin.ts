import type { TuopinContext } from '@tuopin/core';
import { getOperationAST, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { IncomingMessage } from 'node:http';
import { requestRecordOf, type RequestRecord } from './request-record.js';

/** Error codes that mean a limit refused the request or part of it (counted in the metrics). */
const LIMIT_CODES = new Set(['LIMIT_EXCEEDED', 'RATE_LIMITED', 'PAYLOAD_TOO_LARGE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_ONLY']);

/** What yoga's hooks see of the server context: the Node request, for requests served over HTTP. */
type WithNodeRequest = { req?: IncomingMessage };

/**
 * Tells the request's record which operation ran, for whom, and which limits refused it.
 * The name comes from the document when it parsed (`operationName` may be absent for a single
 * operation), otherwise from what the client sent.
 */
export function useRequestRecord(): Plugin<TuopinContext> {
  return {
    onParams({ params, context }) {
      const record = requestRecordOf((context as WithNodeRequest).req);
      if (record && params.operationName) record.operationName = params.operationName;
    },
    onExecute({ args }) {
      const record = requestRecordOf((args.contextValue as WithNodeRequest).req);
      if (!record) return;
      record.operationName = getOperationAST(args.document, args.operationName)?.name?.value ?? record.operationName;
      const principal = args.contextValue.principal;
      if (principal) record.principal = { id: principal.id, role: principal.role };
    },
    onResultProcess: ({ result, serverContext }) => recordRefusals(result, requestRecordOf((serverContext as WithNodeRequest).req)),
  };
}

/**
 * Tells the request's record which limits refused the request or part of it, from the errors of
 * its result. yoga calls it through `onResultProcess`; the direct path for JSON posts
 * (http/direct-json-post.ts), which does not run yoga's result processing, calls it itself.
 */
export function recordRefusals(result: unknown, record: RequestRecord | undefined): void {
  if (!record || typeof result !== 'object' || result === null || !('errors' in result)) return;
  for (const error of ((result as { errors?: readonly GraphQLError[] }).errors ?? [])) {
    const code = error.extensions?.code;
    if (typeof code === 'string' && LIMIT_CODES.has(code)) record.refusals.push(code);
  }
}
