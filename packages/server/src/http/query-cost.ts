import { operationCost, queryLimitExceeded, queryLimitsOf, type TuopinContext } from '@tuopin/core';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { refusalError, type LimitRefusal } from './caller-limits.js';
import { limitError } from './document-limits.js';

/** A caller's budget for this request: spends a query's estimated cost, or says which limit refuses it. The gateway supplies it per request. */
export interface CostBudget {
  spendCost(cost: number): LimitRefusal | null;
}

/**
 * What a query costs, checked once before it runs, from one estimate cached with the parsed
 * document (`operationCost`): its depth, breadth and cost against the per-request limits
 * (`queryLimits`), then its cost against the caller's budget per minute, so that a query that is
 * allowed once is not allowed without end. Requests that did not come through the gateway
 * (in-process tests) carry no budget; the per-request limits apply to every request.
 */
export function useQueryCost(): Plugin<TuopinContext & { budget?: CostBudget }> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.schema, args.document, args.operationName, args.variableValues ?? {});
      if (cost === null) return; // not a valid operation: execution says why, at no cost
      const context = args.contextValue;
      const exceeded = queryLimitExceeded(cost, queryLimitsOf(context.settings));
      if (exceeded) {
        setResultAndStopExecution({ errors: [limitError(exceeded)] });
        return;
      }
      const refusal = context.budget?.spendCost(cost.complexity);
      if (!refusal) return;
      const { zh, en, details } = refusalError(refusal);
      const http = { status: 429, headers: { 'retry-after': String(refusal.retryAfterSeconds) } };
      setResultAndStopExecution({
        errors: [new GraphQLError(`${zh} / ${en}`, { extensions: { code: 'RATE_LIMITED', messageZh: zh, messageEn: en, ...details, http } })],
      });
    },
  };
}
