import { Migration } from '@mikro-orm/migrations';

/**
 * Read records are found by the blocks of the objects they read (`read_blocks`, 'Member/5116':
 * members 511600 to 511699; audit-reads.ts, `readBlockOf`) instead of by every object: a household
 * page put 60 keys into the GIN index, now one or two. "Who read this member" finds the rows of
 * the member's block through the index, then checks the member's own key in `read_objects`.
 *
 * The records written before keep no blocks: the audit log is append-only, and this migration does
 * not rewrite it. Their objects stay indexed as before, in an index that now covers only the rows
 * without blocks, so new records add nothing to it.
 */
export class CoreReadBlocksMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table audit_log add column read_blocks text[]`);
    this.addSql(`create index audit_log_read_blocks_idx on audit_log using gin (read_blocks) where read_blocks is not null`);
    this.addSql(`drop index audit_log_read_objects_idx`);
    this.addSql(`create index audit_log_read_objects_idx on audit_log using gin (read_objects) where read_objects is not null and read_blocks is null`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index audit_log_read_objects_idx`);
    this.addSql(`create index audit_log_read_objects_idx on audit_log using gin (read_objects) where read_objects is not null`);
    this.addSql(`drop index audit_log_read_blocks_idx`);
    this.addSql(`alter table audit_log drop column read_blocks`);
  }
}
