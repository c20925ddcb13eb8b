import type { EntityManager } from '@mikro-orm/postgresql';
import type { TuopinContext } from '../kernel/context.js';

/** A ledger entry just reversed, as the plugin contract's `onLedgerEntriesReversed` receives it. */
export interface ReversedLedgerEntry {
  /** The reversed entry's id: what a plugin's row links to (a payment's `ledger_entry_id`). */
  readonly entryId: number;
  readonly kind: 'ALLOCATION' | 'DISBURSEMENT';
  /** The reversal entry written for it. */
  readonly reversalId: number;
  readonly fundId: number;
  readonly projectId: number;
}

declare module '../kernel/plugin.js' {
  interface TuopinPlugin {
    /**
     * Called inside the transaction of core's `reverseLedgerEntry`, after the reversal is written,
     * for every plugin enabled for the request: a plugin whose rows stand for ledger entries (an
     * aid payment) marks them changed, so that partners pulling `updatedAfter` see the correction.
     * It writes only the plugin's own tables; throwing rolls the reversal back. A plugin never
     * puts triggers on core's tables instead.
     *
     * @example
     * async onLedgerEntriesReversed(em, entries) {
     *   await em.execute('update notes_payment set updated_at = clock_timestamp() where ledger_entry_id = any(?::int[])', [pgIntArray(entries.map((e) => e.entryId))]);
     * }
     */
    onLedgerEntriesReversed?(em: EntityManager, entries: readonly ReversedLedgerEntry[]): Promise<void>;
  }
}

/** Tells every plugin enabled for the request that these entries were reversed, in the caller's transaction. */
export async function notifyLedgerEntriesReversed(ctx: TuopinContext, em: EntityManager, entries: readonly ReversedLedgerEntry[]): Promise<void> {
  for (const plugin of ctx.plugins) await plugin.onLedgerEntriesReversed?.(em, entries);
}
