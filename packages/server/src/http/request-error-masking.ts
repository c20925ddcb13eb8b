import type { TuopinContext } from '@tuopin/core';
import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorMasker } from './mask-error.js';

/**
 * Masks the errors of an execution where the request is known, so that the log line of an
 * unexpected error carries the request's id beside its correlation id: the access line of the
 * same request is found by it. yoga's own masking (`maskedErrors`, the same masker) runs after
 * this and passes masked errors unchanged; it still masks what fails outside execution (where no
 * request id is at hand). The request is taken from the execution's context, not from an
 * async-local store (read-layer.ts says why there is none).
 */
export function useRequestErrorMasking(mask: ErrorMasker): Plugin<TuopinContext> {
  // The same hooks for every request: what they need is in the arguments they are called with.
  const hooks = {
    onExecuteDone({ args, result, setResult }: { args: { contextValue: unknown }; result: unknown; setResult: (result: ExecutionResult) => void }) {
      const { errors } = result as ExecutionResult;
      if (!errors?.length) return;
      const { requestId } = args.contextValue as TuopinContext;
      setResult({ ...(result as ExecutionResult), errors: errors.map((error) => mask(error, requestId) as GraphQLError) });
    },
  };
  return { onExecute: () => hooks };
}
