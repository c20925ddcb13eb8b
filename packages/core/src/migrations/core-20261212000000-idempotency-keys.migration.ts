import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotency keys (kernel/idempotency/): a mutation sent again with the `Idempotency-Key` it was
 * first sent with is answered from here instead of being carried out twice.
 *
 * One row per caller, key and root mutation field (its response key, so a document with several
 * mutation fields keeps one row each). The row is inserted in the transaction of the write it
 * guards, so both commit or neither; `answer` (what the field's resolver returned: the ids the
 * payload reads) is filled in just after. `request_hash` is the SHA-256 of the whole operation and
 * its variables: the same key with another request is refused. Rows older than the retention
 * (`idempotencyKeyHours`) are ignored and purged by later keyed writes; no cron is needed.
 *
 * The table holds no business data, so it has no audit trigger: a replay writes nothing there.
 */
export class CoreIdempotencyKeysMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table idempotency_key (
        principal_id text not null,
        idempotency_key varchar(128) not null,
        field_path text not null,
        operation text not null,
        request_hash char(64) not null,
        answer jsonb,
        created_at timestamptz not null,
        primary key (principal_id, idempotency_key, field_path)
      )`);
    this.addSql(`create index idempotency_key_created_at_idx on idempotency_key (created_at)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists idempotency_key`);
  }
}
