import { queriesRecorded, recordReads, type TuopinContext } from '@tuopin/core';
import { getOperationAST, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Records what a request read, once its execution ends and before its response goes out: the
 * personal data shown unmasked, and every query of a role whose queries are recorded (auditors:
 * they are audited in all they do). Mutations record their writes themselves, inside their transactions.
 */
export function useAuditReads(): Plugin<TuopinContext> {
  // The same hooks for every request: what they need is in the arguments they are called with.
  const hooks = { onExecuteDone: recordWhatWasRead };
  return { onExecute: () => hooks };
}

async function recordWhatWasRead({ args }: { args: { contextValue: unknown; document: DocumentNode; operationName?: string | null } }): Promise<void> {
  const ctx = args.contextValue as TuopinContext;
  const personalReads = ctx.audit.takePersonalReads();
  const operation = getOperationAST(args.document, args.operationName);
  const recordQuery = queriesRecorded(ctx.principal) && operation?.operation === 'query';
  if (personalReads.length === 0 && !recordQuery) return;
  const name = operation ? `${operation.operation} ${operation.name?.value ?? '(anonymous)'}` : 'query';
  await recordReads(ctx.db, { principal: ctx.principal, requestId: ctx.requestId, operation: name, personalReads, recordQuery });
}
