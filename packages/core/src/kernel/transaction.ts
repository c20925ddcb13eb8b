import type { EntityManager } from '@mikro-orm/postgresql';
import type { TuopinContext } from './context.js';
import type { TuopinError } from './errors.js';

/** Typed errors for database constraints, keyed by constraint name. */
export type ConstraintErrors = Readonly<Record<string, () => TuopinError>>;

/**
 * Runs a write in one transaction. Services check rules first for a friendly error; the
 * database constraints are the guarantee under concurrency, and a violation of a known one is
 * turned into the same typed error. Nothing is written when anything throws.
 */
export async function inTransaction<T>(
  ctx: TuopinContext,
  constraintErrors: ConstraintErrors,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.em.transactional((em) => work(em as EntityManager));
  } catch (error) {
    const constraint = (error as { constraint?: unknown }).constraint;
    const typed = typeof constraint === 'string' ? constraintErrors[constraint] : undefined;
    if (typed) throw typed();
    throw error;
  }
}
