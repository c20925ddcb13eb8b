import { TransactionContext, type EntitySchema } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { columnsOf, type EntityColumns } from './entity-columns.js';
import { toStatement, type ReadStatement, type SqlText } from './read-statement.js';

/** The part of a node-postgres client the read layer uses. */
interface PgClient {
  query(statement: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

/** The part of a knex client (the pool's, or a transaction's bound to its one connection) used here. */
interface KnexClient {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<unknown>;
}

interface KnexLike {
  client: KnexClient;
  emit(event: 'query', query: { sql: string; bindings: readonly unknown[] }): unknown;
}

interface KnexTransaction {
  client: KnexClient;
  isCompleted(): boolean;
}

/**
 * The kernel's read path: SQL sent straight to node-postgres, bypassing MikroORM's query builder,
 * knex's compiler and entity hydration (together about a quarter of a household page's CPU, plus
 * their garbage; test/bench).
 *
 * - **Connections.** It borrows from the ORM's own pool (knex hands out `pg` clients): one pool
 *   per process, of the configured size, so the database sees the same number of connections as
 *   before and a read waits for a connection exactly like a write does.
 * - **Transactions.** Inside `inTransaction` (MikroORM's `TransactionContext`, an async-local
 *   store) reads go to the transaction's connection, so they see the mutation's own writes.
 * - **Counting.** Every statement is announced on knex's `query` event, as the ORM's are: the
 *   request's statement count, the metrics and the tests' `countStatements` see both paths.
 * - **Statements** are named and prepared (`toStatement`).
 */
export class ReadLayer {
  private readonly knex: KnexLike;
  private readonly name: string;

  constructor(private readonly em: EntityManager) {
    this.knex = em.getKnex() as unknown as KnexLike;
    this.name = em.name;
  }

  /** The column list and row conversion of an entity (computed once per entity). */
  columns<Row extends object>(entity: EntitySchema<Row, any>): EntityColumns<Row> {
    return columnsOf<Row>(this.em.getMetadata(), this.em.getPlatform(), entity.meta.className);
  }

  /** Runs one statement and returns its rows, as the driver gives them. */
  async rows<Row = Record<string, unknown>>(sql: SqlText | ReadStatement): Promise<Row[]> {
    return this.runOn(this.clientForRead(), sql);
  }

  /**
   * Runs one statement on a connection of the pool, in its own transaction, even when called inside
   * a running one: for work that belongs to no one caller (the read audit's group commit, which
   * writes the records of several requests).
   */
  async autonomousRows<Row = Record<string, unknown>>(sql: SqlText | ReadStatement): Promise<Row[]> {
    return this.runOn(this.knex.client, sql);
  }

  private async runOn<Row>(client: KnexClient, sql: SqlText | ReadStatement): Promise<Row[]> {
    const statement = 'append' in sql ? toStatement(sql) : sql;
    const connection = await client.acquireConnection();
    try {
      this.knex.emit('query', { sql: statement.text, bindings: statement.values });
      const result = await connection.query({ name: statement.name, text: statement.text, values: statement.values as unknown[] });
      return result.rows as Row[];
    } finally {
      await client.releaseConnection(connection);
    }
  }

  /** Rows of an entity from a statement that selected `columns(entity).select(alias)`. */
  async entityRows<Row extends object>(entity: EntitySchema<Row, any>, sql: SqlText | ReadStatement): Promise<Row[]> {
    return this.columns(entity).finish(await this.rows(sql));
  }

  /** Whether this runs inside a transaction (`inTransaction`), whose connection the statements go to. */
  inTransaction(): boolean {
    return this.runningTransaction() !== undefined;
  }

  /** The running transaction's client when called inside one, the pool's otherwise. */
  private clientForRead(): KnexClient {
    return this.runningTransaction()?.client ?? this.knex.client;
  }

  private runningTransaction(): KnexTransaction | undefined {
    const transaction = TransactionContext.getEntityManager(this.name)?.getTransactionContext<KnexTransaction>();
    return transaction && !transaction.isCompleted() ? transaction : undefined;
  }
}
