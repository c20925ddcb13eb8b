import type { EntityManager } from '@mikro-orm/postgresql';
import { pgIntArray, type ReversedLedgerEntry } from '@tuopin/core';

/**
 * A payment is corrected by reversing its disbursement with core's `reverseLedgerEntry`, which
 * calls this (the plugin's `onLedgerEntriesReversed`) inside its transaction: the payment's
 * `updated_at` moves, so partners pulling `aidPayments(updatedAfter:)` see the correction. The
 * database clock stamps it, as core stamps projects and funds.
 */
export async function touchReversedPayments(em: EntityManager, entries: readonly ReversedLedgerEntry[]): Promise<void> {
  const disbursements = entries.filter((entry) => entry.kind === 'DISBURSEMENT').map((entry) => entry.entryId);
  if (disbursements.length === 0) return;
  await em.execute('update education_aid_payment set updated_at = clock_timestamp() where ledger_entry_id = any(?::int[])', [pgIntArray(disbursements)]);
}
