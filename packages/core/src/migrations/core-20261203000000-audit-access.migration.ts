import { Migration } from '@mikro-orm/migrations';

/**
 * The audit log and partner API keys.
 *
 * Every change to an audited table is recorded by a trigger in the same transaction as the
 * change: who (the principal `inTransaction` stamps on the transaction), which mutation, which
 * row, and the changed fields before and after, with personal data masked. Rows written outside
 * the API (a DBA's SQL) are recorded too, as '(system)'. Bulk loaders of demo and benchmark data
 * switch recording off for their own transaction (`tuopin.audit = off`). The log is append-only.
 *
 * Plugins audit their tables with `select tuopin_audit_table('finance_loan', array['bank_account'])`
 * in their own migrations.
 */
export class CoreAuditAccessMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table audit_log (
        id bigint generated always as identity primary key,
        at timestamptz not null default clock_timestamp(),
        actor text not null,
        actor_role text not null,
        operation text not null,
        request_id text,
        action text not null check (action in ('INSERT','UPDATE','DELETE','READ')),
        object_type text not null,
        object_id text,
        area_code varchar(12),
        before jsonb,
        after jsonb
      )`);
    this.addSql(`create index audit_log_at_idx on audit_log (at, id)`);
    this.addSql(`create index audit_log_object_idx on audit_log (object_type, object_id, id)`);
    this.addSql(`create index audit_log_actor_idx on audit_log (actor, id)`);
    this.addSql(`create index audit_log_area_idx on audit_log (area_code, id)`);

    this.addSql(`
      create function tuopin_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'restrict_violation';
      end
      $$`);
    this.addSql(`create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function tuopin_refuse_change()`);
    this.addSql(`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function tuopin_refuse_change()`);

    // Personal data never enters the log in clear: the same masks the API applies.
    this.addSql(`
      create function tuopin_mask(field text, value text) returns text language sql immutable as $$
        select case
          when value is null then null
          when field = 'id_number' then left(value, 6) || '********' || right(value, 4)
          when field = 'bank_account' and length(value) > 8 then left(value, 4) || repeat('*', length(value) - 8) || right(value, 4)
          else '***'
        end
      $$`);

    this.addSql(`
      create function tuopin_audit_row() returns trigger language plpgsql as $$
      declare
        old_row jsonb;
        new_row jsonb;
        row_data jsonb;
        before_fields jsonb;
        after_fields jsonb;
        field text;
        area varchar(12);
      begin
        if current_setting('tuopin.audit', true) = 'off' then
          return null;
        end if;
        if tg_op <> 'INSERT' then old_row := to_jsonb(old); end if;
        if tg_op <> 'DELETE' then new_row := to_jsonb(new); end if;
        if tg_op = 'UPDATE' then
          before_fields := '{}';
          after_fields := '{}';
          for field in select jsonb_object_keys(new_row) loop
            -- Bookkeeping columns change on every write and say nothing about what changed.
            if field not in ('updated_at', 'last_used_at') and (old_row -> field) is distinct from (new_row -> field) then
              before_fields := before_fields || jsonb_build_object(field, old_row -> field);
              after_fields := after_fields || jsonb_build_object(field, new_row -> field);
            end if;
          end loop;
          if after_fields = '{}' then
            return null;
          end if;
        else
          before_fields := old_row;
          after_fields := new_row;
        end if;
        foreach field in array coalesce(tg_argv, '{}'::text[]) loop
          if before_fields ? field then
            before_fields := jsonb_set(before_fields, array[field], to_jsonb(tuopin_mask(field, before_fields ->> field)));
          end if;
          if after_fields ? field then
            after_fields := jsonb_set(after_fields, array[field], to_jsonb(tuopin_mask(field, after_fields ->> field)));
          end if;
        end loop;
        row_data := coalesce(new_row, old_row);
        area := coalesce(row_data ->> 'village_code', row_data ->> 'place_code', row_data ->> 'area_code');
        if area is null and tg_table_name = 'area' then
          area := row_data ->> 'code';
        end if;
        if area is null and row_data ? 'project_id' then
          select place_code into area from project where id = (row_data ->> 'project_id')::integer;
        end if;
        insert into audit_log (actor, actor_role, operation, request_id, action, object_type, object_id, area_code, before, after)
        values (
          coalesce(nullif(current_setting('tuopin.actor', true), ''), '(system)'),
          coalesce(nullif(current_setting('tuopin.actor_role', true), ''), '(none)'),
          coalesce(nullif(current_setting('tuopin.operation', true), ''), '(direct SQL)'),
          nullif(current_setting('tuopin.request_id', true), ''),
          tg_op,
          tg_table_name,
          coalesce(row_data ->> 'id', row_data ->> 'code', row_data ->> 'project_id'),
          area,
          case when tg_op = 'INSERT' then null else before_fields end,
          case when tg_op = 'DELETE' then null else after_fields end
        );
        return null;
      end
      $$`);

    this.addSql(`
      create function tuopin_audit_table(target regclass, masked text[] default '{}') returns void language plpgsql as $$
      begin
        execute format(
          'create trigger %I after insert or update or delete on %s for each row execute function tuopin_audit_row(%s)',
          'audit_' || (select relname from pg_class where oid = target), target,
          (select coalesce(string_agg(quote_literal(m), ', '), '') from unnest(masked) m));
      end
      $$`);

    this.addSql(`
      create table api_key (
        id integer generated by default as identity primary key,
        name text not null check (length(name) between 1 and 128),
        prefix varchar(16) not null,
        key_hash char(64) not null,
        role text not null default 'NGO_PARTNER' check (role = 'NGO_PARTNER'),
        area_scopes text[] not null check (cardinality(area_scopes) between 1 and 50),
        province_code varchar(12) check (province_code ~ '^[0-9]{2}0{10}$'),
        created_at timestamptz not null default now(),
        created_by text not null,
        revoked_at timestamptz,
        revoked_by text,
        last_used_at timestamptz,
        constraint api_key_prefix_unique unique (prefix),
        check ((revoked_at is null) = (revoked_by is null))
      )`);

    for (const [table, masked] of [
      ['area', []],
      ['village_group', []],
      ['household', ['bank_account']],
      ['member', ['id_number', 'health', 'disability_grade']],
      ['household_income', []],
      ['project', []],
      ['project_status_change', []],
      ['project_notice', []],
      ['project_output', []],
      ['project_beneficiary', []],
      ['fund', []],
      ['ledger_entry', []],
      ['api_key', ['key_hash']],
    ] as const) {
      const list = masked.length ? `array[${masked.map((m) => `'${m}'`).join(', ')}]` : `'{}'::text[]`;
      this.addSql(`select tuopin_audit_table('${table}', ${list})`);
    }
  }
}
