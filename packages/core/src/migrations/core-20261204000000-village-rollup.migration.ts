import { Migration } from '@mikro-orm/migrations';

/**
 * Registry figures per village, kept by the database as households change, so that statistics
 * of a county or a province add up a few thousand village rows instead of scanning millions of
 * households. Statement-level triggers with transition tables fold a whole statement (one
 * registration, or a COPY of a million rows) into one delta per village. The upsert takes the
 * village row's lock, so concurrent writers in one village queue there and counts stay exact;
 * villages are touched in code order, so two writers never wait on each other in a cycle.
 */
export class CoreVillageRollupMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table village_stats (
        village_code varchar(12) primary key references area(code),
        -- No checks for >= 0: an upsert checks its proposed row, which carries the (negative) delta.
        households integer not null default 0,
        people integer not null default 0,
        poor_households integer not null default 0,
        poor_people integer not null default 0
      )`);

    // Deltas per village (already summed by the trigger): what the statement added minus what it took away.
    this.addSql(`
      create function village_stats_apply(deltas jsonb) returns void language sql as $$
        insert into village_stats as s (village_code, households, people, poor_households, poor_people)
        select d.village_code, d.households, d.people, d.poor_households, d.poor_people
        from jsonb_to_recordset(deltas) as d(village_code varchar, households int, people int, poor_households int, poor_people int)
        where d.households <> 0 or d.people <> 0 or d.poor_households <> 0 or d.poor_people <> 0
        order by d.village_code
        on conflict (village_code) do update set
          households = s.households + excluded.households,
          people = s.people + excluded.people,
          poor_households = s.poor_households + excluded.poor_households,
          poor_people = s.poor_people + excluded.poor_people
      $$`);

    // One row per changed household, signed: + for what a row adds, - for what it takes away.
    const signed = (rows: string, sign: '' | '-') => `
      select village_code,
             ${sign}1 as households,
             ${sign}member_count as people,
             ${sign}(status in ('POOR','RETURNED'))::int as poor_households,
             ${sign}(case when status in ('POOR','RETURNED') then member_count else 0 end) as poor_people
      from ${rows}`;
    // Summed per village before it reaches the upsert: a COPY of a million rows becomes a few thousand deltas.
    const delta = (...parts: string[]) => `
      select village_code, sum(households) as households, sum(people) as people,
             sum(poor_households) as poor_households, sum(poor_people) as poor_people
      from (${parts.join(' union all ')}) changed group by village_code`;

    this.addSql(`
      create function village_stats_on_insert() returns trigger language plpgsql as $$
      begin
        perform village_stats_apply((select coalesce(jsonb_agg(d), '[]') from (${delta(signed('new_rows', ''))}) d));
        return null;
      end
      $$`);
    this.addSql(`
      create function village_stats_on_delete() returns trigger language plpgsql as $$
      begin
        perform village_stats_apply((select coalesce(jsonb_agg(d), '[]') from (${delta(signed('old_rows', '-'))}) d));
        return null;
      end
      $$`);
    this.addSql(`
      create function village_stats_on_update() returns trigger language plpgsql as $$
      begin
        perform village_stats_apply((select coalesce(jsonb_agg(d), '[]') from (
          ${delta(signed('new_rows', ''), signed('old_rows', '-'))}) d));
        return null;
      end
      $$`);
    this.addSql(`create trigger village_stats_insert after insert on household referencing new table as new_rows
      for each statement execute function village_stats_on_insert()`);
    this.addSql(`create trigger village_stats_delete after delete on household referencing old table as old_rows
      for each statement execute function village_stats_on_delete()`);
    this.addSql(`create trigger village_stats_update after update on household referencing old table as old_rows new table as new_rows
      for each statement execute function village_stats_on_update()`);

    // The households already registered.
    this.addSql(`
      insert into village_stats (village_code, households, people, poor_households, poor_people)
      select village_code, count(*), sum(member_count),
             count(*) filter (where status in ('POOR','RETURNED')),
             coalesce(sum(member_count) filter (where status in ('POOR','RETURNED')), 0)
      from household group by village_code`);
  }
}
