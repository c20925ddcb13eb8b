import { specifiedRules, type DocumentNode, type GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Validation results kept by schema and parsed document, in place of yoga's validation cache
 * (turned off in appConfig; yoga still caches parsed documents by their text).
 *
 * yoga keys its cache first by the names of the request's validation rules: on every request it
 * reads each rule's `name`, joins the 26 of them into one string of some 600 characters and
 * looks that new string up (hashing it) before it reaches the document, a few per cent of a
 * `{ __typename }` request's CPU (session 36's profile). The app adds no validation rule
 * (document-limits.ts says why), so every request's rules are graphql's specified rules, which
 * yoga's engine adds: those are the only rules this cache holds results for. A request with other
 * rules (a plugin that adds one) is validated as usual, never answered from the cache. So that it
 * sees every rule added, it must be the last plugin (appConfig).
 */
export function useValidationCache(): Plugin {
  // By schema first: a document valid against one province's schema is validated again against
  // another's. Weak maps: a document dropped from yoga's parse cache (an LRU) leaves this one too.
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>();
  return {
    onValidate({ params: { schema, documentAST, rules }, setResult }) {
      if (!areSpecifiedRules(rules)) return;
      let byDocument = bySchema.get(schema);
      if (!byDocument) bySchema.set(schema, (byDocument = new WeakMap()));
      const cached = byDocument.get(documentAST);
      if (cached) return void setResult(cached);
      return ({ result }) => {
        // graphql's validate gives GraphQLErrors; envelop types the result as any Error.
        if (result != null) byDocument.set(documentAST, result as readonly GraphQLError[]);
      };
    },
  };
}

/** Whether these are graphql's specified rules, in order (no rules at all means them too, as `validate` reads it). */
function areSpecifiedRules(rules: readonly ValidationRule[] | undefined): boolean {
  if (rules === undefined) return true;
  if (rules.length !== specifiedRules.length) return false;
  for (let i = 0; i < rules.length; i += 1) if (rules[i] !== specifiedRules[i]) return false;
  return true;
}
