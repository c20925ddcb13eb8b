import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { withSourcePositions } from './jit-error-locations.js';

/** How many compiled operations each schema keeps, least recently used first out. */
export const COMPILED_OPERATIONS_PER_SCHEMA = 500;

/** What was compiled for one operation: the compiled query, or `null` where graphql-js runs it. */
type Compiled = CompiledQuery | null;

/**
 * Runs queries and mutations through graphql-jit: each operation is compiled once into a function
 * that resolves its selection without graphql-js walking it field by field on every request.
 *
 * Compiled queries are bound to the schema they were compiled against (its resolvers, scope
 * wrappers and plugins' fields), and yoga hands every schema the same document object for the
 * same text, so the cache is keyed by schema, then document, then operation name: a province's
 * request never runs a query compiled for another province's schema, and a document with two
 * operations runs the one `operationName` names. Each schema keeps at most `perSchema` compiled
 * operations (least recently used evicted), so clients sending ever new documents cannot grow it.
 * What graphql-jit cannot compile (it returns errors) and subscriptions run on graphql-js, as
 * before; the same goes for `@defer`/`@stream`, which our schemas do not define.
 */
export function useCompiledExecution(perSchema = COMPILED_OPERATIONS_PER_SCHEMA): Plugin & { compiledCount(schema: GraphQLSchema): number } {
  const bySchema = new WeakMap<GraphQLSchema, CompiledOperations>();
  const operationsOf = (schema: GraphQLSchema) => {
    let operations = bySchema.get(schema);
    if (!operations) bySchema.set(schema, (operations = new CompiledOperations(schema, perSchema)));
    return operations;
  };
  return {
    onExecute({ args, setExecuteFn }) {
      const compiled = operationsOf(args.schema).get(args.document, args.operationName ?? undefined);
      if (!compiled) return;
      setExecuteFn((run) => {
        const result = compiled.query(run.rootValue, run.contextValue, run.variableValues) as ExecutionResult | Promise<ExecutionResult>;
        // graphql-jit's errors carry locations but no source positions, which later rebuilds need.
        return isPromiseLike(result) ? result.then((done) => withSourcePositions(done, run.document)) : withSourcePositions(result, run.document);
      });
    },
    compiledCount: (schema) => bySchema.get(schema)?.size ?? 0,
  };
}

/** A compiled query answers at once when no resolver it ran was asynchronous, else with a promise. */
function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T>).then === 'function';
}

/** One schema's compiled operations, by document and operation name, least recently used first. */
class CompiledOperations {
  // Keys are the document object and the operation name; a Map keeps them in use order.
  private readonly entries = new Map<DocumentNode, Map<string, Compiled>>();
  size = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly capacity: number,
  ) {}

  get(document: DocumentNode, operationName: string | undefined): Compiled {
    const key = operationName ?? '';
    let byName = this.entries.get(document);
    if (byName) {
      // Move the document to the most recently used end.
      this.entries.delete(document);
      this.entries.set(document, byName);
      const found = byName.get(key);
      if (found !== undefined) return found;
    } else {
      byName = new Map();
      this.entries.set(document, byName);
    }
    const compiled = this.compile(document, operationName);
    byName.set(key, compiled);
    this.size += 1;
    this.evictBeyondCapacity();
    return compiled;
  }

  private compile(document: DocumentNode, operationName: string | undefined): Compiled {
    const operation = getOperationAST(document, operationName);
    // Not one operation (graphql-js says why), or a subscription: graphql-js runs it.
    if (!operation || operation.operation === 'subscription') return null;
    const compiled = compileQuery(this.schema, document, operationName);
    return isCompiledQuery(compiled) ? compiled : null;
  }

  private evictBeyondCapacity(): void {
    while (this.size > this.capacity) {
      const [oldest, byName] = this.entries.entries().next().value as [DocumentNode, Map<string, Compiled>];
      this.entries.delete(oldest);
      this.size -= byName.size;
    }
  }
}
