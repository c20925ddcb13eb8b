import { Migration } from '@mikro-orm/migrations';

/**
 * Drops the trigger the plugin had put on core's `ledger_entry` to touch a payment whose
 * disbursement is reversed: a plugin keeps off core's tables. Core's `reverseLedgerEntry` now
 * calls the plugin's `onLedgerEntriesReversed` in its transaction instead (aid/payment-reversal.ts).
 */
export class EducationReversalHookMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop trigger if exists education_touch_reversed_payment on ledger_entry');
    this.addSql('drop function if exists education_touch_reversed_payment()');
  }
}
