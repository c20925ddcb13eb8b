import { Migration } from '@mikro-orm/migrations';

/**
 * The household search (`households(search:)`) finds the households of members whose name or ID
 * number starts with the text. The name and ID-number pattern indexes now carry `household_id`,
 * so each side of the search is an index-only scan: the matching members' households come from a
 * few index pages instead of one heap page per member. A two-character name prefix matches a few
 * thousand members scattered over the whole table; read from the heap on a cold cache that was
 * over a second per search (test/bench, Q7, session 31), from the index about 15 page reads.
 *
 * The covering indexes replace the plain ones: they serve every query those did. Built inside the
 * migration's transaction, so the member table takes no writes for the few seconds a million
 * households' members take to index.
 */
export class CoreMemberSearchCoveringMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index member_name_household_idx on member (name text_pattern_ops) include (household_id)`);
    this.addSql(`create index member_id_number_household_idx on member (id_number bpchar_pattern_ops) include (household_id)`);
    this.addSql(`drop index member_name_idx`);
    this.addSql(`drop index member_id_number_pattern_idx`);
  }

  override async down(): Promise<void> {
    this.addSql(`create index member_name_idx on member (name text_pattern_ops)`);
    this.addSql(`create index member_id_number_pattern_idx on member (id_number bpchar_pattern_ops)`);
    this.addSql(`drop index member_name_household_idx`);
    this.addSql(`drop index member_id_number_household_idx`);
  }
}
