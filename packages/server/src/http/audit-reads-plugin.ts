import { queriesRecorded, recordReads, type TuopinContext } from '@tuopin/core';
import type { Plugin } from 'graphql-yoga';

/**
 * Records what a request read, once its execution ends and before its response goes out: the
 * personal data shown unmasked, and every query of a role whose queries are recorded (auditors:
 * they are audited in all they do). Mutations record their writes themselves, inside their transactions.
 */
export function useAuditReads(): Plugin<TuopinContext> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue as TuopinContext;
      const operation = args.document.definitions.find((d: { kind: string }) => d.kind === 'OperationDefinition');
      return {
        async onExecuteDone() {
          const personalReads = ctx.audit.takePersonalReads();
          const recordQuery = queriesRecorded(ctx.principal) && operation?.kind === 'OperationDefinition' && operation.operation === 'query';
          if (personalReads.length === 0 && !recordQuery) return;
          const name = operation?.kind === 'OperationDefinition' ? `${operation.operation} ${operation.name?.value ?? '(anonymous)'}` : 'query';
          await recordReads(ctx.em, { principal: ctx.principal, requestId: ctx.requestId, operation: name, personalReads, recordQuery });
        },
      };
    },
  };
}
