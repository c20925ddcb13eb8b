import type { EntitySchema } from '@mikro-orm/core';
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

/** What counts the statements one request sends (the server's request record, for the access log and the metrics). */
export interface StatementCounter {
  statements: number;
}

/**
 * The kernel's read path: SQL sent straight to node-postgres, bypassing MikroORM's query builder,
 * knex's compiler and entity hydration (together about a quarter of a household page's CPU, plus
 * their garbage; test/bench).
 *
 * - **Connections.** It borrows from the ORM's own pool (knex hands out `pg` clients): one pool
 *   per process, of the configured size, so the database sees the same number of connections as
 *   before and a read waits for a connection exactly like a write does.
 * - **Per request.** Each request reads through its own view (`forRequest`), which shares the
 *   pool and the column lists and holds the little that is the request's: its statement counter
 *   and, while `inTransaction` runs, its transaction. The request is known from the context, not
 *   from an async-local store: with one enabled, Node 20 runs a hook for every promise the
 *   process makes, which cost a household page 4–6 % of its CPU and 6 % of its bytes (test/bench, session 37).
 * - **Transactions.** While `inTransaction` runs (`whileInTransaction`), the request's reads go to
 *   the transaction's connection, so they see the mutation's own writes.
 * - **Counting.** Every statement counts against the request's counter, and is announced on knex's
 *   `query` event, as the ORM's are: the tests' `countStatements` see both paths.
 * - **Statements** are named and prepared (`toStatement`).
 */
export class ReadLayer {
  private readonly knex: KnexLike;
  /** The request's, on a view (`forRequest`); none on the process's own layer. */
  private readonly counter?: StatementCounter;
  /** The entity manager whose transaction the request's reads go to, while `whileInTransaction` runs. */
  private transactionEm?: EntityManager;

  constructor(private readonly em: EntityManager) {
    this.knex = em.getKnex() as unknown as KnexLike;
  }

  /**
   * This layer as one request reads through it: the same pool and column lists (the view is an
   * object whose prototype is this layer, so it copies nothing), with the request's statement
   * counter and, later, its transaction.
   */
  forRequest(counter: StatementCounter): ReadLayer {
    // Assigned rather than given as a property descriptor, which would make a dictionary-mode object.
    const view = Object.create(this) as { counter?: StatementCounter };
    view.counter = counter;
    return view as unknown as ReadLayer;
  }

  /** The process's layer: this one, or the one this request's view reads through. For what several requests share (the read audit's group commit). */
  get shared(): ReadLayer {
    return this.counter ? (Object.getPrototypeOf(this) as ReadLayer) : this;
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
      this.countStatement();
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

  /**
   * Counts a statement sent for this request elsewhere: the ORM's, which its logger is told are
   * the request's by the entity manager's logger context (server: observability/orm-statement-count.ts).
   */
  countStatement(): void {
    if (this.counter) this.counter.statements += 1;
  }

  /**
   * Runs `work` with the request's reads going to `em`'s transaction (`inTransaction`), then to
   * whichever went before: a savepoint's work (`inTransaction` inside another) reads on the
   * same connection as the transaction around it.
   */
  async whileInTransaction<T>(em: EntityManager, work: () => Promise<T>): Promise<T> {
    if (!this.counter) throw new Error('a transaction is bound to a request\'s view of the read layer (forRequest), never to the shared layer');
    const outer = this.transactionEm;
    this.transactionEm = em;
    try {
      return await work();
    } finally {
      this.transactionEm = outer;
    }
  }

  /** Whether this request is inside a transaction (`inTransaction`), whose connection the statements go to. */
  inTransaction(): boolean {
    return this.runningTransaction() !== undefined;
  }

  /** The running transaction's client when called inside one, the pool's otherwise. */
  private clientForRead(): KnexClient {
    return this.runningTransaction()?.client ?? this.knex.client;
  }

  private runningTransaction(): KnexTransaction | undefined {
    const transaction = this.transactionEm?.getTransactionContext<KnexTransaction>();
    return transaction && !transaction.isCompleted() ? transaction : undefined;
  }
}
