import { estimateOperationCost } from '@tuopin/core';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { refusalError, type LimitRefusal } from './caller-limits.js';

/** Spends a query's estimated cost from its caller's budget; the gateway supplies it per request. */
export type SpendCost = (cost: number) => LimitRefusal | null;

/**
 * Charges each operation's estimated cost (the complexity plugin's measure, statistics weighted)
 * to its caller's budget per minute before it runs, and refuses it when the budget is spent:
 * a query that is allowed once is not allowed without end. Requests that did not come through
 * the gateway (in-process tests) carry no budget.
 */
export function useCostBudget(): Plugin<{ spendCost?: SpendCost }> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const spend = (args.contextValue as { spendCost?: SpendCost }).spendCost;
      if (!spend) return;
      const cost = estimateOperationCost(args.schema, args.document, args.operationName, args.variableValues ?? {}, args.contextValue);
      if (cost === null) return; // not a valid operation: execution says why, at no cost
      const refusal = spend(cost);
      if (!refusal) return;
      const { zh, en, details } = refusalError(refusal);
      const http = { status: 429, headers: { 'retry-after': String(refusal.retryAfterSeconds) } };
      setResultAndStopExecution({
        errors: [new GraphQLError(`${zh} / ${en}`, { extensions: { code: 'RATE_LIMITED', messageZh: zh, messageEn: en, ...details, http } })],
      });
    },
  };
}
