import type { EntityManager } from '@mikro-orm/postgresql';
import type { TuopinContext } from '../context.js';
import type { FieldClaim } from './idempotency-key.js';
import { insertKeyRow } from './idempotency-store.js';

/**
 * Thrown inside a write's transaction when the running field's key row exists already: another
 * request with the same key wrote first. The transaction rolls back (nothing of this request is
 * written) and the mutation wrapper answers with the other request's result.
 */
export class KeyClaimedElsewhere extends Error {
  constructor() {
    super('idempotency key claimed by another request');
  }
}

/**
 * Called by `inTransaction` at the start of every transaction: when the running mutation field
 * carries an idempotency key not yet claimed, its row is inserted here, in the write's own
 * transaction, so the key and the write commit together or not at all. Later transactions of the
 * same field (and nested ones) find it claimed and do nothing. Returns the claim this transaction
 * made, for `inTransaction` to release when the transaction fails.
 */
export async function claimIdempotencyKey(em: EntityManager, ctx: TuopinContext): Promise<FieldClaim | null> {
  const claim = ctx.idempotency?.current;
  if (!claim || claim.claimed) return null;
  if (!(await insertKeyRow(em, ctx, claim.address, claim.operation, claim.requestHash))) throw new KeyClaimedElsewhere();
  claim.claimed = true;
  return claim;
}
