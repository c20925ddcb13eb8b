import type { EntityManager } from '@mikro-orm/postgresql';
import type { TuopinContext } from './context.js';

/**
 * A transaction on the request's entity manager without an async-local store. MikroORM's
 * `transactional()` keeps its transaction in one, and its flush enters one of its own
 * (`UnitOfWork.commit`); once any store is entered, Node 20 runs a hook for every promise the
 * process makes, reads included, for as long as it lives (4–6 % of a household page's server CPU,
 * test/bench session 37). So the transaction is begun, committed and rolled back explicitly, the
 * request's reads follow it through the context (`ReadLayer.whileInTransaction`), and the unit
 * of work is flushed only when something was persisted, changed or removed through it: most
 * writes are SQL statements of their own.
 *
 * Every statement here goes with the entity manager's logger context, which counts it against
 * the request (server: observability/orm-statement-count.ts).
 */

/**
 * Begins a transaction on a fork of the request's entity manager, which shares its identity map
 * as `transactional()`'s fork does. Inside another transaction (a plugin that calls a core
 * service with `{ ...ctx, em }`), it is a savepoint of that one, as `transactional()` nested it.
 */
export async function beginTransaction(ctx: TuopinContext): Promise<EntityManager> {
  const outer = ctx.em.getTransactionContext();
  if (outer === undefined && ctx.db.inTransaction()) {
    throw new Error('a second transaction while this request runs one: call inTransaction inside it with { ...ctx, em }');
  }
  const em = ctx.em.fork({ clear: false, cloneEventManager: true }) as EntityManager;
  await em.begin({ ctx: outer, loggerContext: em.getLoggerContext() });
  return em;
}

/** Writes what was left in the unit of work, if anything, then commits (or releases the savepoint). */
export async function commitTransaction(em: EntityManager): Promise<void> {
  if (hasUnflushedChanges(em)) await em.flush();
  await em.getConnection('write').commit(runningTransaction(em), undefined, em.getLoggerContext());
  em.resetTransactionContext();
}

/** Rolls back (to the savepoint, when nested). */
export async function rollbackTransaction(em: EntityManager): Promise<void> {
  try {
    await em.getConnection('write').rollback(runningTransaction(em), undefined, em.getLoggerContext());
  } finally {
    em.resetTransactionContext();
  }
}

function runningTransaction(em: EntityManager) {
  const transaction = em.getTransactionContext();
  if (transaction === undefined) throw new Error('no transaction is running on this entity manager');
  return transaction;
}

/** Whether a flush would write anything: the test MikroORM's own flush makes before it starts. */
function hasUnflushedChanges(em: EntityManager): boolean {
  const unitOfWork = em.getUnitOfWork(false);
  unitOfWork.computeChangeSets();
  return unitOfWork.getChangeSets().length > 0 || unitOfWork.getCollectionUpdates().length > 0 || unitOfWork.getExtraUpdates().size > 0;
}
