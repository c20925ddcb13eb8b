import type { EntityManager } from '@mikro-orm/postgresql';
import type { TuopinContext } from './context.js';
import { RuleViolationError, type TuopinError } from './errors.js';
import { claimIdempotencyKey } from './idempotency/claim-in-transaction.js';
import type { FieldClaim } from './idempotency/idempotency-key.js';
import { beginTransaction, commitTransaction, rollbackTransaction } from './explicit-transaction.js';

/** Typed errors for database constraints, keyed by constraint name. */
export type ConstraintErrors = Readonly<Record<string, () => TuopinError>>;

/**
 * Tells the database who is writing and why, for the rest of this transaction only. The audit
 * triggers on every audited table read these settings, so each changed row is recorded with the
 * principal, the mutation and the request — in the same transaction as the change.
 */
async function stampTransaction(em: EntityManager, ctx: TuopinContext): Promise<void> {
  await em.execute(`select ${STAMP_SETTINGS}`, stampValues(ctx));
}

/**
 * The settings the audit triggers read, as a select list with four `?` (`stampValues`); `local`
 * (the third argument): they last until the transaction ends, one statement's when it has none.
 */
export const STAMP_SETTINGS = `set_config('tuopin.actor', ?, true), set_config('tuopin.actor_role', ?, true),
            set_config('tuopin.operation', ?, true), set_config('tuopin.request_id', ?, true)`;

/** The values of `STAMP_SETTINGS`, in its order. */
export function stampValues(ctx: TuopinContext): string[] {
  return [ctx.principal.id, ctx.principal.role, ctx.audit.operation ?? '(direct call)', ctx.requestId];
}

/**
 * SQLSTATEs of a transaction PostgreSQL aborted because it raced another one (a deadlock, say
 * between two inserts checked by the same exclusion constraint). Nothing of it was written, so
 * running the whole work again is safe; the second run sees the other transaction's result and
 * answers as the rules say (usually the typed conflict).
 */
const RACE_ABORTS: ReadonlySet<unknown> = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

/**
 * Runs a write in one transaction, audited. Services check rules first for a friendly error; the
 * database constraints are the guarantee under concurrency, and a violation of a known one is
 * turned into the same typed error. A transaction aborted by a deadlock or a serialization
 * failure is run again, up to three times in all. Nothing is written, audit records included,
 * when anything throws.
 */
export async function inTransaction<T>(
  ctx: TuopinContext,
  constraintErrors: ConstraintErrors,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  return retryingRaces(() => runOnce(ctx, constraintErrors, work));
}

/** Runs `write` again when PostgreSQL aborted it for racing another transaction, three times in all. */
export async function retryingRaces<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt < ATTEMPTS && RACE_ABORTS.has((error as { code?: unknown }).code)) continue;
      throw error;
    }
  }
}

/**
 * The typed error for a write the database refused: a known constraint's, or a rule for a row
 * still referenced elsewhere; any other error as it is.
 */
export function typedWriteError(error: unknown, constraintErrors: ConstraintErrors): unknown {
  const { constraint, code } = error as { constraint?: unknown; code?: unknown };
  const typed = typeof constraint === 'string' ? constraintErrors[constraint] : undefined;
  if (typed) return typed();
  // A row still referenced elsewhere (a member with a loan, say): a rule, not a crash.
  if (code === '23503') {
    return new RuleViolationError(null, '该记录仍被其他记录引用（如贷款），不能删除或改动', 'This record is still referenced by other records (a loan, say) and cannot be removed or changed');
  }
  return error;
}

async function runOnce<T>(ctx: TuopinContext, constraintErrors: ConstraintErrors, work: (em: EntityManager) => Promise<T>): Promise<T> {
  // The request's idempotency key, recorded with the write it guards (kernel/idempotency/).
  let claim: FieldClaim | null = null;
  // Not MikroORM's transactional(): explicit-transaction.ts says why.
  const em = await beginTransaction(ctx);
  try {
    // The request's reads (ctx.db) go to the transaction while the work runs.
    const result = await ctx.db.whileInTransaction(em, async () => {
      await stampTransaction(em, ctx);
      claim = await claimIdempotencyKey(em, ctx);
      return work(em);
    });
    await commitTransaction(em);
    return result;
  } catch (error) {
    // Rolled back with the write: the next attempt (or transaction) claims the key again.
    if (claim) (claim as FieldClaim).claimed = false;
    if (em.isInTransaction()) await rollbackTransaction(em).catch(() => undefined); // the work's error is the one to report
    throw typedWriteError(error, constraintErrors);
  }
}
