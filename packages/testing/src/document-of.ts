import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';

/**
 * A document for a schema other than the committed full one (a fixture plugin's fields), which
 * graphql-codegen cannot type. Tests of the real schema use the generated `graphql()` instead.
 */
export function documentOf<Result = any, Variables extends Record<string, unknown> = Record<string, unknown>>(
  source: string,
): TypedDocumentNode<Result, Variables> {
  return parse(source) as TypedDocumentNode<Result, Variables>;
}
