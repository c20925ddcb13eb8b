import { Migration } from '@mikro-orm/migrations';

/**
 * A person's placement is recorded once: the same person placed on the same pairing from the same
 * month is the same placement entered twice (a form sent twice), which would count him twice
 * among the workers placed.
 */
export class PairingLabourOnceMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table pairing_labour add constraint pairing_labour_once unique (pairing_id, member_id, start_month)');
  }
}
