import { hasReadsToRecord, queriesRecorded, ReadAuditWriter, type ReadLayer, type TuopinContext } from '@tuopin/core';
import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ServerContext } from './app.js';

/**
 * One writer per pool (the process's read layer, not a request's view of it), so that concurrent
 * requests' records share inserts, whichever platform's yoga (app.ts) answered them.
 */
const writers = new WeakMap<ReadLayer, ReadAuditWriter>();
export function readAuditWriterOf(db: ReadLayer): ReadAuditWriter {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new ReadAuditWriter(db)));
  return writer;
}

/**
 * Where a request's read record is left for its response to wait on, when the request's server
 * context carries one (the direct path, direct-json-post.ts, sets it). Without it the execution
 * itself waits for the record, holding its result, its loaders' rows and its context alive
 * through the wait: on a county officer's household page 3–9 ms under load (the full bench's read
 * record wait, sessions 49 and 50), long enough for young-generation collections to promote it. With it
 * the result is made into the response's text first and only the text waits.
 */
export interface ReadRecordHandOver {
  /** Resolves when the request's reads are on record; rejects when they could not be written. */
  written?: Promise<void>;
  /** The request's id, for the log line of a record that could not be written. */
  requestId?: string;
}

/** What this plugin reads of a request's context: ours, and the server context yoga merges into it (a type-only import: no cycle at run time). */
type AuditedContext = TuopinContext & Pick<ServerContext, 'readRecordHandOver'>;

const markHandled = () => undefined;

/**
 * Records what a request read, once its execution ends and before its response goes out: the
 * personal data shown unmasked, and every query of a role whose queries are recorded (auditors:
 * they are audited in all they do). Mutations record their writes themselves, inside their transactions.
 */
export function useAuditReads(): Plugin<TuopinContext> {
  // The same hooks for every request: what they need is in the arguments they are called with.
  const hooks = {
    onExecuteDone: ({ args }: { args: { contextValue: unknown; document: DocumentNode; operationName?: string | null } }) => {
      const ctx = args.contextValue as AuditedContext;
      const personalReads = ctx.audit.takePersonalReads();
      const operation = getOperationAST(args.document, args.operationName);
      const recordQuery = queriesRecorded(ctx.principal) && operation?.operation === 'query';
      // Most requests read nothing to record: they return at once, building nothing, rather than await a resolved promise.
      if (!hasReadsToRecord({ personalReads, recordQuery })) return undefined;
      const name = operation ? `${operation.operation} ${operation.name?.value ?? '(anonymous)'}` : 'query';
      const written = readAuditWriterOf(ctx.db.shared).record({ principal: ctx.principal, requestId: ctx.requestId, operation: name, personalReads, recordQuery });
      const handOver = ctx.readRecordHandOver;
      if (handOver === undefined) return written;
      // The response awaits it (answerDirectly); marked handled now, so that a failure before then is not an unhandled rejection.
      written.catch(markHandled);
      handOver.written = written;
      handOver.requestId = ctx.requestId;
      return undefined;
    },
  };
  return { onExecute: () => hooks };
}
