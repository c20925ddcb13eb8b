import { Migration } from '@mikro-orm/migrations';

/**
 * 退出 and 返贫 (packages/core/src/poverty-exit/): what each exit workflow records besides its
 * `workflow_case` row of the same id, the returns to poverty, and the counties' reduction targets.
 *
 * - `household_exit`: a household's exit (assessment → verification → consent → notice → removal),
 *   with the income and line it was assessed against and the day the household signed.
 * - `household_return`: 返贫, one county decision each: the income (or the monitoring case) that
 *   brought the household back.
 * - `village_exit` / `county_exit`: 出列 and 摘帽, with the incidence and threshold at proposal, the
 *   village's checklist and the county's three rates and approval score. One per area and year.
 * - `reduction_target`: 减贫责任书, people a township is to bring out of poverty in a year, signed
 *   with its county; one per township and year.
 *
 * Every row carries the code of the area it belongs to, for scope and the audit log (whose triggers
 * read `village_code` or `area_code`): a village's, the county's of a county exit, the township's
 * of a reduction target (the county's is beside it).
 */
export class CorePovertyExitMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table household_exit (
        id integer primary key references workflow_case (id),
        household_id integer not null references household (id),
        village_code varchar(12) not null,
        exit_year smallint not null check (exit_year between 2000 and 2100),
        per_capita_income numeric(14,2),
        poverty_line numeric(14,2) not null,
        consent_signed_on date,
        -- Null only for a historical exit entered without its assessment's figures (the demo's 2015 exits).
        constraint household_exit_above_line check (per_capita_income is null or per_capita_income > poverty_line)
      )`);
    this.addSql(`create index household_exit_village_idx on household_exit (village_code, id)`);
    this.addSql(`create index household_exit_household_idx on household_exit (household_id)`);

    this.addSql(`
      create table household_return (
        id serial primary key,
        household_id integer not null references household (id),
        village_code varchar(12) not null,
        year smallint not null check (year between 2000 and 2100),
        decided_on date not null,
        reason text not null check (reason in ('INCOME_BELOW_LINE', 'MONITORING_DECISION')),
        per_capita_income numeric(14,2),
        poverty_line numeric(14,2),
        monitoring_case_id integer references monitoring_case (id),
        decided_by text not null,
        note text,
        constraint household_return_evidence check (
          (reason = 'INCOME_BELOW_LINE' and per_capita_income is not null and poverty_line is not null and per_capita_income <= poverty_line)
          or (reason = 'MONITORING_DECISION' and monitoring_case_id is not null))
      )`);
    this.addSql(`create index household_return_village_idx on household_return (village_code, id)`);

    this.addSql(`
      create table village_exit (
        id integer primary key references workflow_case (id),
        village_code varchar(12) not null references area (code),
        exit_year smallint not null check (exit_year between 2000 and 2100),
        poor_people integer not null check (poor_people >= 0),
        rural_population integer not null check (rural_population > 0),
        threshold numeric(5,2) not null,
        checklist jsonb not null,
        constraint village_exit_once unique (village_code, exit_year)
      )`);

    this.addSql(`
      create table county_exit (
        id integer primary key references workflow_case (id),
        area_code varchar(12) not null references area (code),
        exit_year smallint not null check (exit_year between 2000 and 2100),
        poor_people integer not null check (poor_people >= 0),
        rural_population integer not null check (rural_population > 0),
        threshold numeric(5,2) not null,
        wrong_exit_rate numeric(5,2) not null check (wrong_exit_rate between 0 and 100),
        missed_rate numeric(5,2) not null check (missed_rate between 0 and 100),
        approval_rate numeric(5,2) not null check (approval_rate between 0 and 100),
        approved_on date,
        constraint county_exit_once unique (area_code, exit_year)
      )`);

    this.addSql(`
      create table reduction_target (
        id serial primary key,
        county_code varchar(12) not null references area (code),
        area_code varchar(12) not null references area (code),
        year smallint not null check (year between 2000 and 2100),
        target_people integer not null check (target_people between 1 and 1000000),
        signed_on date not null,
        recorded_by text not null,
        recorded_at timestamptz not null default now(),
        constraint reduction_target_once unique (area_code, year)
      )`);
    this.addSql(`create index reduction_target_county_idx on reduction_target (county_code, year)`);

    for (const table of ['household_exit', 'household_return', 'village_exit', 'county_exit', 'reduction_target']) {
      this.addSql(`select tuopin_audit_table('${table}', '{}'::text[])`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table reduction_target, county_exit, village_exit, household_return, household_exit`);
  }
}
