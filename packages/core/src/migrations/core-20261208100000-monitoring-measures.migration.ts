import { Migration } from '@mikro-orm/migrations';

/**
 * 帮扶措施: the help a monitored household receives, one row a measure, for the household or one
 * of its members, optionally linked to a plugin's record of it (a loan, a 雨露计划 payment) by
 * the record's GraphQL type and id. Measure types are core's and the enabled plugins' (checked
 * by the API, not here: a plugin's types come and go with the plugin). And the link of a risk
 * elimination (风险消除, a workflow case of its own) to the monitoring case it ends.
 */
export class CoreMonitoringMeasuresMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table monitoring_measure (
        id serial primary key,
        case_id integer not null references monitoring_case (id),
        village_code varchar(12) not null,
        measure_type text not null,
        member_id integer references member (id),
        description text not null,
        amount numeric(14,2) check (amount >= 0),
        started_on date not null,
        carried_out_on date,
        record_type text,
        record_id integer,
        recorded_by text not null,
        recorded_at timestamptz not null default now(),
        constraint monitoring_measure_record check ((record_type is null) = (record_id is null)),
        constraint monitoring_measure_dates check (carried_out_on is null or carried_out_on >= started_on)
      )`);
    this.addSql(`create index monitoring_measure_case_idx on monitoring_measure (case_id)`);
    this.addSql(`select tuopin_audit_table('monitoring_measure', '{}'::text[])`);

    // 风险消除: a case of its own workflow (RISK_ELIMINATION) for one monitoring case.
    this.addSql(`
      create table monitoring_elimination (
        id integer primary key references workflow_case (id),
        monitoring_case_id integer not null references monitoring_case (id),
        village_code varchar(12) not null
      )`);
    this.addSql(`create index monitoring_elimination_case_idx on monitoring_elimination (monitoring_case_id)`);
    this.addSql(`select tuopin_audit_table('monitoring_elimination', '{}'::text[])`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table monitoring_elimination, monitoring_measure`);
  }
}
