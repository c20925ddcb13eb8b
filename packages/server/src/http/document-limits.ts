import { LimitExceededError } from '@tuopin/core';
import { GraphQLError, Kind, parse, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Limits a request's document before anything runs: its token count (checked while parsing, so
 * a huge document is not even built) and its aliases (a cheap way to multiply work). Depth and
 * cost are checked from the query's cached cost estimate (query-cost.ts), with the same kind of error.
 *
 * Both are checked in the parse function, which runs once per distinct document text: yoga caches
 * the parsed document, and a refusal, by the text. (A validation rule would run on every request's
 * cache lookup instead: a plugin that adds one makes envelop copy the 26 standard rules and yoga key
 * its validation cache by all their names, about a twentieth of a `{ __typename }` request's CPU.)
 */
export function useDocumentLimits(limits: { maxTokens: number; maxAliases: number }): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        let document: DocumentNode;
        try {
          document = parse(source, { ...options, maxTokens: limits.maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && /contains more tha[nt] \d+ tokens/i.test(error.message)) {
            throw limitError(new LimitExceededError('tokens', limits.maxTokens + 1, limits.maxTokens,
              `请求的词法单元超过上限${limits.maxTokens}`, `The document has more than ${limits.maxTokens} tokens, the limit`));
          }
          throw error;
        }
        const aliases = aliasCount(document);
        if (aliases > limits.maxAliases) {
          throw limitError(new LimitExceededError('aliases', aliases, limits.maxAliases,
            `请求使用了${aliases}个别名，超过上限${limits.maxAliases}`, `The document uses ${aliases} aliases, over the limit of ${limits.maxAliases}`));
        }
        return document;
      });
    },
  };
}

/** Aliased fields in the whole document, fragments included. */
function aliasCount(document: DocumentNode): number {
  let aliases = 0;
  visit(document, { Field: (field) => void (field.alias && field.kind === Kind.FIELD && aliases++) });
  return aliases;
}

/**
 * A limit error as a GraphQL error that reaches the client with its code, values and messages, and
 * HTTP 400: the request is the client's to fix. Without the status, yoga reads the error's
 * original (non-GraphQL) error as a server fault and answers 500.
 */
export function limitError(error: LimitExceededError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.toExtensions(), http: { status: 400 } }, originalError: error });
}
