import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trigger keeps every row, and masks nothing back into view.
 *
 * `core_20261203000000_audit_access` masked a field with `jsonb_set(…, to_jsonb(tuopin_mask(…)))`.
 * For a NULL field (a member without a health entry, a household without a bank account) that is
 * `jsonb_set(…, NULL)`, which is NULL: the whole before or after was lost. Most inserts of
 * households and members were recorded with `after: null`; those rows cannot be restored.
 *
 * Now a masked field becomes a JSON value in every case: ID numbers and bank accounts keep their
 * readable parts (null stays null, as the API shows it); details that are hidden completely are
 * '***' whether they are set or not, so that the log does not even say whether someone has a
 * health entry. The member's birth date is masked as well: it is the hidden part of the ID
 * number, and the log showed it next to the masked number.
 */
export class CoreAuditRowsAndMasksMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function tuopin_masked(field text, value jsonb) returns jsonb language sql immutable as $$
        select case
          when field in ('id_number', 'bank_account') then coalesce(to_jsonb(tuopin_mask(field, value #>> '{}')), 'null'::jsonb)
          else '"***"'::jsonb
        end
      $$`);

    // The function of core_20261203000000_audit_access, with the masking loop made NULL-safe.
    this.addSql(`
      create or replace function tuopin_audit_row() returns trigger language plpgsql as $$
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
            before_fields := jsonb_set(before_fields, array[field], tuopin_masked(field, before_fields -> field));
          end if;
          if after_fields ? field then
            after_fields := jsonb_set(after_fields, array[field], tuopin_masked(field, after_fields -> field));
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

    this.addSql('drop trigger audit_member on member');
    this.addSql(`select tuopin_audit_table('member', array['id_number', 'birth_date', 'health', 'disability_grade'])`);
  }
}
