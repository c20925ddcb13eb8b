import { Migration } from '@mikro-orm/migrations';

/**
 * The household's life cycle as workflows: one mechanism for identification, exit and
 * return-to-poverty monitoring (packages/core/src/workflow/).
 *
 * `workflow_case` is one case of one workflow (`kind`): the step it has reached and a `version`
 * that every step bumps, so two officers taking a step of the same case at once cannot both win
 * (the step's UPDATE names the version it read). `workflow_step` is the history of steps taken,
 * `workflow_notice` the notices (公示/公告) posted at a step with their period, and
 * `workflow_objection` the objections raised against a notice; an open one blocks the next step.
 * `monitoring_case` holds what a return-to-poverty monitoring case (防返贫监测) records besides.
 *
 * Every row carries its village's code: scope is a range scan, the rows follow a household that
 * moves (core_20261205000000_household_area_follows), and the audit triggers file each change
 * under its village.
 */
export class CoreWorkflowsMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table workflow_case (
        id serial primary key,
        kind text not null,
        household_id integer references household (id),
        village_code varchar(12) not null references area (code),
        step text not null,
        state text not null default 'OPEN' check (state in ('OPEN', 'COMPLETED', 'CLOSED')),
        version integer not null default 1 check (version >= 1),
        opened_on date not null,
        closed_on date,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint workflow_case_closed_after_opened check (closed_on is null or closed_on >= opened_on)
      )`);
    this.addSql(`create index workflow_case_village_idx on workflow_case (village_code, kind)`);
    this.addSql(`create index workflow_case_household_idx on workflow_case (household_id) where household_id is not null`);
    // One open case of a kind per household: two opened at once meet here, not in a race.
    this.addSql(`create unique index workflow_case_one_open on workflow_case (kind, household_id) where state = 'OPEN' and household_id is not null`);

    this.addSql(`
      create table workflow_step (
        id serial primary key,
        case_id integer not null references workflow_case (id),
        village_code varchar(12) not null,
        step text not null,
        taken_on date not null,
        taken_by text not null,
        taken_role text not null,
        note text,
        taken_at timestamptz not null default now(),
        constraint workflow_step_once unique (case_id, step)
      )`);

    this.addSql(`
      create table workflow_notice (
        id serial primary key,
        case_id integer not null references workflow_case (id),
        village_code varchar(12) not null,
        step text not null,
        start_date date not null,
        end_date date not null,
        location text not null,
        recorded_by text not null,
        recorded_at timestamptz not null default now(),
        constraint workflow_notice_dates check (end_date >= start_date),
        constraint workflow_notice_once unique (case_id, step)
      )`);

    this.addSql(`
      create table workflow_objection (
        id serial primary key,
        case_id integer not null references workflow_case (id),
        notice_id integer not null references workflow_notice (id),
        village_code varchar(12) not null,
        raised_on date not null,
        content text not null,
        raised_by text not null,
        resolved_on date,
        resolution text,
        resolved_by text,
        constraint workflow_objection_resolution check ((resolved_on is null) = (resolution is null) and (resolved_on is null) = (resolved_by is null)),
        constraint workflow_objection_resolved_after_raised check (resolved_on is null or resolved_on >= raised_on)
      )`);
    this.addSql(`create index workflow_step_case_idx on workflow_step (case_id)`);
    this.addSql(`create index workflow_notice_case_idx on workflow_notice (case_id)`);
    this.addSql(`create index workflow_objection_case_idx on workflow_objection (case_id)`);

    this.addSql(`
      create table monitoring_case (
        id integer primary key references workflow_case (id),
        village_code varchar(12) not null,
        category text not null check (category in ('UNSTABLE_EXITED', 'EDGE', 'SUDDEN_HARDSHIP')),
        risk_types text[] not null check (cardinality(risk_types) between 1 and 5),
        lead_source text not null check (lead_source in ('SELF_REPORT', 'CADRE_VISIT', 'DEPARTMENT_DATA', 'COMPLAINT', 'PLATFORM_ANALYSIS')),
        lead_date date not null,
        people smallint not null check (people between 1 and 30),
        income_12_months numeric(14,2) check (income_12_months >= 0),
        compliant_spending numeric(14,2) check (compliant_spending >= 0),
        monitoring_range numeric(14,2),
        consent_signed_on date,
        decision text check (decision in ('IDENTIFIED', 'NOT_IDENTIFIED')),
        decided_on date,
        eliminated_on date,
        constraint monitoring_case_decided check ((decision is null) = (decided_on is null)),
        constraint monitoring_case_dates check (decided_on is null or decided_on >= lead_date)
      )`);
    this.addSql(`create index monitoring_case_village_idx on monitoring_case (village_code, id)`);

    for (const table of ['workflow_case', 'workflow_step', 'workflow_notice', 'workflow_objection', 'monitoring_case']) {
      this.addSql(`select tuopin_audit_table('${table}', '{}'::text[])`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table monitoring_case, workflow_objection, workflow_notice, workflow_step, workflow_case`);
  }
}
