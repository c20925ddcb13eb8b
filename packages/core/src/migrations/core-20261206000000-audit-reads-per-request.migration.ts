import { Migration } from '@mikro-orm/migrations';

/**
 * Reads of personal data are recorded as one row per request instead of one row per person read:
 * a county officer's page of 20 households with their members wrote about 100 rows, now one.
 *
 * The row lists what was read in `after.reads` (type, id, area and fields of each object), and
 * keeps two arrays for finding it: `read_objects` ('Member:123', indexed with GIN, so "who read
 * this member" stays an index lookup) and `read_areas` (the village of each read, so the log is
 * still read by area). Rows written before this migration keep one read each and no arrays.
 */
export class CoreAuditReadsPerRequestMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table audit_log add column read_objects text[], add column read_areas varchar(12)[]`);
    this.addSql(`create index audit_log_read_objects_idx on audit_log using gin (read_objects) where read_objects is not null`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index audit_log_read_objects_idx`);
    this.addSql(`alter table audit_log drop column read_objects, drop column read_areas`);
  }
}
