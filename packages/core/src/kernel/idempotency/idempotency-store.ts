import type { EntityManager } from '@mikro-orm/postgresql';
import type { TuopinContext } from '../context.js';
import { expiryCutoff, keyClock } from './idempotency-key.js';
import type { StoredAnswer } from './stored-answer.js';

/** One live key row of a caller. */
export interface KeyRow {
  readonly field_path: string;
  readonly request_hash: string;
  /** Null while the first request is between its write and storing its answer (or if it died there). */
  readonly answer: StoredAnswer | null;
}

/** Where a field's key row lives: the caller, the key and the field's response key. */
export interface KeyAddress {
  readonly principalId: string;
  readonly key: string;
  readonly fieldPath: string;
}

/** How many expired rows one keyed write purges, beside its own key's. */
const PURGE_BATCH = 100;

/** The caller's unexpired rows of a key (one per root mutation field that ran with it). */
export async function liveKeyRows(ctx: TuopinContext, principalId: string, key: string): Promise<KeyRow[]> {
  return ctx.em.execute<KeyRow[]>(
    `select field_path, request_hash, answer from idempotency_key where principal_id = ? and idempotency_key = ? and created_at >= ?`,
    [principalId, key, expiryCutoff(ctx.settings)],
  );
}

/**
 * Inserts a field's key row inside the write's transaction; false when the key is taken: this
 * field's row exists, or a row of the key belongs to another request. A transaction-scoped advisory
 * lock on (caller, key) makes requests with one key take turns here, so the second sees the first's
 * committed rows (and two different documents under one key never both write). Expired rows of
 * the key go first, and a batch of other expired rows with them: purging rides on keyed writes, so
 * no scheduled job is needed. `skip locked` keeps two purges from waiting on each other.
 */
export async function insertKeyRow(em: EntityManager, ctx: TuopinContext, address: KeyAddress, operation: string, requestHash: string): Promise<boolean> {
  const cutoff = expiryCutoff(ctx.settings);
  // A key holds no space (idempotency-key.ts), so caller and key are told apart by the last one.
  await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`${address.principalId} ${address.key}`]);
  await em.execute(
    `delete from idempotency_key
      where created_at < ?
        and ((principal_id = ? and idempotency_key = ?)
             or ctid = any(array(select ctid from idempotency_key where created_at < ? limit ${PURGE_BATCH} for update skip locked)))`,
    [cutoff, address.principalId, address.key, cutoff],
  );
  const inserted = await em.execute<{ id: number }[]>(
    `insert into idempotency_key (principal_id, idempotency_key, field_path, operation, request_hash, created_at)
     select ?, ?, ?, ?, ?, ?
      where not exists (select 1 from idempotency_key where principal_id = ? and idempotency_key = ? and request_hash <> ?)
     on conflict do nothing returning 1 as id`,
    [address.principalId, address.key, address.fieldPath, operation, requestHash, keyClock(ctx.settings), address.principalId, address.key, requestHash],
  );
  return inserted.length === 1;
}

/**
 * Stores the answer of a field whose row its write inserted; a field that wrote through no
 * transaction (nothing to guard) gets its row here, answer included.
 */
export async function storeAnswer(ctx: TuopinContext, address: KeyAddress, claimed: boolean, operation: string, requestHash: string, answer: StoredAnswer): Promise<void> {
  const json = JSON.stringify(answer);
  if (claimed) {
    await ctx.em.execute(`update idempotency_key set answer = ?::jsonb where principal_id = ? and idempotency_key = ? and field_path = ?`, [
      json,
      address.principalId,
      address.key,
      address.fieldPath,
    ]);
    return;
  }
  await ctx.em.execute(
    `insert into idempotency_key (principal_id, idempotency_key, field_path, operation, request_hash, answer, created_at)
     values (?, ?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing`,
    [address.principalId, address.key, address.fieldPath, operation, requestHash, json, keyClock(ctx.settings)],
  );
}
