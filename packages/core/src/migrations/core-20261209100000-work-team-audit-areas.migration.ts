import { Migration } from '@mikro-orm/migrations';

/**
 * Audit records of a work team's rows that carry no place of their own — its members other than
 * the first secretaries (who carry their village), its days in the villages, their leave and
 * assessments — were written without an area, so the audit log's area scoping showed them only
 * to national callers. They now lie where the team works: the smallest area holding all of the
 * team's villages (the village when it covers one, their township or county otherwise), the
 * team's county when it covers none yet. Records written before keep no area.
 */
export class CoreWorkTeamAuditAreasMigration extends Migration {
  override async up(): Promise<void> {
    // The smallest area (village, township, county, prefecture, province) holding every village
    // of the team, by the fixed-width prefixes of the division codes.
    this.addSql(`
      create function tuopin_work_team_area(team integer) returns varchar(12) language sql stable as $$
        select coalesce(
          (select case
             when count(distinct v.village_code) = 1 then min(v.village_code)
             when count(distinct left(v.village_code, 9)) = 1 then left(min(v.village_code), 9) || '000'
             when count(distinct left(v.village_code, 6)) = 1 then left(min(v.village_code), 6) || '000000'
             when count(distinct left(v.village_code, 4)) = 1 then left(min(v.village_code), 4) || '00000000'
             when count(distinct left(v.village_code, 2)) = 1 then left(min(v.village_code), 2) || '0000000000'
           end
           from work_team_village v where v.team_id = team having count(*) > 0),
          (select t.area_code from work_team t where t.id = team))
      $$`);

    // The function of core_20261205100000_audit_rows_and_masks, with the work team's rows placed.
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
        -- A work team's rows without a place of their own (its members other than first
        -- secretaries, its days, their leave and assessments) lie where the team works.
        if area is null and tg_table_name = 'work_team_membership' then
          area := tuopin_work_team_area((row_data ->> 'team_id')::integer);
        end if;
        if area is null and tg_table_name = 'work_team_days' then
          area := tuopin_work_team_area((row_data ->> 'team_id')::integer);
        end if;
        if area is null and tg_table_name in ('work_team_leave', 'work_team_assessment') then
          area := tuopin_work_team_area((select team_id from work_team_membership where id = (row_data ->> 'membership_id')::integer));
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
  }
}
