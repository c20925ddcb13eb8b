import { Migration } from '@mikro-orm/migrations';

/**
 * Rows that belong to a household follow it when it moves to another village.
 *
 * A row carries its place's code so that scope and "everything in this county" are range scans.
 * For a household's own rows (its members, and a plugin's: ratings, credit lines, loans and
 * through them repayments, write-offs, claims and subsidy payments) that code is the household's
 * village, copied when the row was written. When `household.village_code` changes, this trigger
 * rewrites the copies in the same transaction, in every table reached from `household` through
 * foreign keys — directly or through other tables, e.g. a repayment through its loan — that has a
 * `village_code` column. The tables are found in the catalog (pg_constraint) when a household
 * moves, not in a list, so a plugin's tables are covered by their foreign keys alone, whatever
 * plugin adds them and whenever. A column that records a place that must *not* follow the
 * household is named otherwise (`origin_village_code`, …).
 *
 * The updates run as the moving statement's transaction, under its principal and operation, so
 * the audit triggers record each of them under the mutation that moved the household. The
 * per-village rollup follows through its own triggers on `household`.
 */
export class CoreHouseholdAreaFollowsMigration extends Migration {
  override async up(): Promise<void> {
    // Every table reachable from household by foreign keys, with the condition that selects the
    // rows of one household (`$1`) in it, built from the path of keys that leads there. Paths stop
    // after five tables or when they would visit a table again.
    this.addSql(`
      create function tuopin_household_rows() returns table (table_name regclass, condition text) language sql stable as $$
        with recursive fk as (
          select c.conrelid as child, c.confrelid as parent,
                 (select string_agg(quote_ident(a.attname), ', ' order by k.n) from unnest(c.conkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as child_columns,
                 (select string_agg(quote_ident(a.attname), ', ' order by k.n) from unnest(c.confkey) with ordinality k(attnum, n)
                    join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum) as parent_columns
          from pg_constraint c
          where c.contype = 'f' and c.conrelid <> c.confrelid
        ),
        reach(tbl, condition, path) as (
          select fk.child, format('(%s) in (select id from household where id = $1)', fk.child_columns), array['household'::regclass::oid, fk.child]
          from fk where fk.parent = 'household'::regclass and fk.parent_columns = 'id'
          union all
          select fk.child,
                 format('(%s) in (select %s from %s where %s)', fk.child_columns, fk.parent_columns, fk.parent::regclass, reach.condition),
                 reach.path || fk.child
          from reach join fk on fk.parent = reach.tbl
          where not fk.child = any(reach.path) and cardinality(reach.path) < 6
        )
        select reach.tbl::regclass, reach.condition from reach
        where exists (select 1 from pg_attribute a where a.attrelid = reach.tbl and a.attname = 'village_code' and not a.attisdropped)
      $$`);

    this.addSql(`
      create function tuopin_household_rows_follow() returns trigger language plpgsql as $$
      declare
        target record;
      begin
        -- Direct references come first (shorter conditions), so a repayment is moved after its loan.
        for target in select * from tuopin_household_rows() order by length(condition) loop
          execute format('update %s set village_code = $2 where village_code is distinct from $2 and %s', target.table_name, target.condition)
            using new.id, new.village_code;
        end loop;
        return null;
      end
      $$`);

    this.addSql(`create trigger household_rows_follow after update of village_code on household
      for each row when (old.village_code is distinct from new.village_code) execute function tuopin_household_rows_follow()`);
  }
}
