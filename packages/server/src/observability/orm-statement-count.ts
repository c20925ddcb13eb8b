import { DefaultLogger, type AnyEntity, type EntityData, type LogContext, type LoggingOptions, type QueryResult } from '@mikro-orm/core';
import { EntityManager, type Knex, type PostgreSqlDriver } from '@mikro-orm/postgresql';

/**
 * Counting the ORM's statements against the request that sent them, without an async-local store
 * (read-layer.ts says why there is none). A request's entity manager is forked with a logger
 * context that holds the request's counter (`requestLoggerContext`, http/lazy-entity-manager.ts);
 * MikroORM hands that context to its logger with every statement the entity manager or a fork of
 * it sends — finds, flushes, and, with the class below, raw `execute` — and the logger counts.
 */
export interface StatementCountingContext {
  countStatement?: () => void;
}

/** The logger context of a request's entity manager (for `fork({ loggerContext })`): its statements count with `count`. */
export function requestLoggerContext(count: () => void): LoggingOptions {
  // MikroORM types a logger context by the fields its own logger reads; it carries any others along.
  return { countStatement: count } as StatementCountingContext as LoggingOptions;
}

/**
 * MikroORM's own logger, which also counts every statement whose context names a request. It is
 * called for each statement whether or not query logging is on.
 */
export class StatementCountingLogger extends DefaultLogger {
  override logQuery(context: { query: string } & LogContext): void {
    (context as StatementCountingContext).countStatement?.();
    super.logQuery(context);
  }
}

/**
 * The entity manager every fork is made of: `execute` (raw SQL) sends the entity manager's logger
 * context with its statement, as finds and flushes do, so that the statement is counted.
 */
export class StatementCountingEntityManager extends EntityManager<PostgreSqlDriver> {
  override execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
    queryOrKnex: string | Knex.QueryBuilder | Knex.Raw,
    params: any[] = [],
    method: 'all' | 'get' | 'run' = 'all',
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    return super.execute<T>(queryOrKnex, params, method, loggerContext ?? (this.getLoggerContext() as LoggingOptions));
  }
}
