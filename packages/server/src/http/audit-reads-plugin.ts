import { hasReadsToRecord, queriesRecorded, ReadAuditWriter, type ReadLayer, type TuopinContext } from '@tuopin/core';
import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

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
 * Records what a request read, once its execution ends and before its response goes out: the
 * personal data shown unmasked, and every query of a role whose queries are recorded (auditors:
 * they are audited in all they do). Mutations record their writes themselves, inside their transactions.
 */
export function useAuditReads(): Plugin<TuopinContext> {
  // The same hooks for every request: what they need is in the arguments they are called with.
  const hooks = {
    onExecuteDone: ({ args }: { args: { contextValue: unknown; document: DocumentNode; operationName?: string | null } }) => {
      const ctx = args.contextValue as TuopinContext;
      const personalReads = ctx.audit.takePersonalReads();
      const operation = getOperationAST(args.document, args.operationName);
      const recordQuery = queriesRecorded(ctx.principal) && operation?.operation === 'query';
      // Most requests read nothing to record: they return at once, building nothing, rather than await a resolved promise.
      if (!hasReadsToRecord({ personalReads, recordQuery })) return undefined;
      const name = operation ? `${operation.operation} ${operation.name?.value ?? '(anonymous)'}` : 'query';
      return readAuditWriterOf(ctx.db.shared).record({ principal: ctx.principal, requestId: ctx.requestId, operation: name, personalReads, recordQuery });
    },
  };
  return { onExecute: () => hooks };
}
