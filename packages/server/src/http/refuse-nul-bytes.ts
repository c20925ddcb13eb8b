import { ValidationError } from '@tuopin/core';
import { GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Refuses any input string that holds a NUL character (U+0000), once, at the edge of GraphQL
 * input. PostgreSQL cannot store NUL in text and answers such a parameter with an error that
 * would surface as an unexpected one; GraphQL itself accepts NUL both in string literals
 * (`"\u0000"`) and in variables. Every name, search, filter and note of core and of every plugin
 * passes through here, so none of them needs its own check.
 */
export function useRefuseNulBytes(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const field = nulInDocument(args.document) ?? nulInVariables(args.variableValues ?? {});
      if (field === null) return;
      const error = ValidationError.of(field, '不能包含空字符（U+0000）', 'Text cannot contain the NUL character (U+0000)');
      // 400: the client's to fix. Without a status yoga took the ValidationError behind it for a server fault (500).
      setResultAndStopExecution({ errors: [new GraphQLError(error.message, { extensions: { ...error.toExtensions(), http: { status: 400 } }, originalError: error })] });
    },
  };
}

const hasNul = (text: string) => text.includes('\u0000');

/**
 * Yoga caches parsed documents, so the same document object comes back for every request that
 * sends the same text: its literals are walked once, not on every request.
 */
const literalVerdicts = new WeakMap<DocumentNode, string | null>();

/** The path of the first literal argument value with a NUL, e.g. `input.members[1].name`. */
function nulInDocument(document: DocumentNode): string | null {
  const known = literalVerdicts.get(document);
  if (known !== undefined) return known;
  let found: string | null = null;
  visit(document, {
    Argument(node) {
      found ??= nulInLiteral(node.value, node.name.value);
    },
  });
  literalVerdicts.set(document, found);
  return found;
}

function nulInLiteral(value: ValueNode, path: string): string | null {
  if (value.kind === Kind.STRING) return hasNul(value.value) ? path : null;
  if (value.kind === Kind.LIST) {
    for (const [i, item] of value.values.entries()) {
      const found = nulInLiteral(item, `${path}[${i}]`);
      if (found) return found;
    }
  }
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const found = nulInLiteral(field.value, `${path}.${field.name.value}`);
      if (found) return found;
    }
  }
  return null;
}

/** The path of the first variable value (or object key) with a NUL, named after the variable. */
function nulInVariables(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasNul(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulInVariables(item, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (hasNul(key)) return here;
      const found = nulInVariables(item, here);
      if (found) return found;
    }
  }
  return null;
}
