import type { TuopinContext } from './context.js';
import { SqlText } from './read/read-statement.js';
import { inTransaction, retryingRaces, STAMP_SETTINGS, stampValues, typedWriteError, type ConstraintErrors } from './transaction.js';

/**
 * A write that is a single statement (data-modifying CTEs: check, insert, return the rows) needs
 * no transaction of its own: PostgreSQL runs one statement atomically. Sent alone, it saves the
 * BEGIN, the audit stamp and the COMMIT — three of a registration's round trips — and the ORM's
 * transaction machinery (test/bench, Q5).
 *
 * Start its text with `stampedStatement(ctx)`, and make every insert, update or delete of it read
 * `from stamp` (the CTE is computed once, before any row it feeds is written): the audit triggers
 * then find who is writing, exactly as `inTransaction` stamps a transaction.
 *
 * `run` sends the statement through the read layer (`ctx.db`), so that:
 * - inside a transaction (a workflow step that registers a household) it runs on that
 *   transaction's connection, and the transaction maps its errors;
 * - when the request's idempotency key has not been claimed yet, it runs in `inTransaction`,
 *   which claims the key in the same transaction;
 * - otherwise it runs alone, with the same typed errors for known constraints and the same retry
 *   of a statement aborted by a deadlock as `inTransaction` gives.
 */
export async function inOneStatement<T>(ctx: TuopinContext, constraintErrors: ConstraintErrors, run: () => Promise<T>): Promise<T> {
  if (ctx.db.inTransaction()) return run();
  const claim = ctx.idempotency?.current;
  if (claim && !claim.claimed) return inTransaction(ctx, constraintErrors, run);
  try {
    return await retryingRaces(run);
  } catch (error) {
    throw typedWriteError(error, constraintErrors);
  }
}

/** `with stamp as (select set_config(…), …)`: the start of a statement for `inOneStatement`. */
export function stampedStatement(ctx: TuopinContext): SqlText {
  return new SqlText().append(`with stamp as (select ${STAMP_SETTINGS})`, ...stampValues(ctx));
}
