import { Migration } from '@mikro-orm/migrations';

/**
 * Identification (识别): the application with the applicant's data and the representatives' vote,
 * the ten exclusions checked for it, and what approval records on the household.
 *
 * - `workflow_case` learns rejection, for every workflow: the step whose level rejected the case
 *   and why (a rejected case is CLOSED and stays on record).
 * - `household.poverty_standard` (national or provincial line) and `assistance_class` (四个一批 /
 *   五个一批) are set by the approval; null for households entered from older rolls.
 * - `identification_application` shares its id with its `workflow_case`. One open application per
 *   ID number: two filed at once meet the partial unique index. The vote's numbers add up (for +
 *   against + abstentions = present ≤ representatives), checked here as well as in the service.
 * - `identification_exclusion`: one row per exclusion checked, at most one per exclusion.
 *
 * The head's ID number is masked in the audit log, as a member's is (column `id_number`).
 */
export class CoreIdentificationMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table workflow_case add column rejected_step text, add column rejection_reason text,
      add constraint workflow_case_rejection check ((rejected_step is null) = (rejection_reason is null) and (rejected_step is null or state = 'CLOSED'))`);

    this.addSql(`alter table household
      add column poverty_standard text check (poverty_standard in ('NATIONAL', 'PROVINCIAL')),
      add column assistance_class text check (assistance_class in ('PRODUCTION_EMPLOYMENT', 'RELOCATION', 'ECOLOGICAL_COMPENSATION', 'EDUCATION', 'SOCIAL_SECURITY', 'MINIMUM_LIVING_ALLOWANCE', 'MEDICAL_ASSISTANCE'))`);

    this.addSql(`
      create table identification_application (
        id integer primary key references workflow_case (id),
        village_code varchar(12) not null references area (code),
        group_id integer references village_group (id),
        head_name text not null check (length(head_name) between 1 and 64),
        id_number char(18) not null,
        people smallint not null check (people between 1 and 30),
        primary_cause text not null,
        other_causes text[] not null default '{}',
        category text not null check (category in ('ORDINARY', 'MINIMUM_LIVING_ALLOWANCE', 'EXTREME_HARDSHIP')),
        applied_on date not null,
        representatives smallint,
        present smallint,
        votes_for smallint,
        votes_against smallint,
        abstentions smallint,
        voted_on date,
        poverty_standard text check (poverty_standard in ('NATIONAL', 'PROVINCIAL')),
        assistance_class text,
        outcome text not null default 'OPEN' check (outcome in ('OPEN', 'APPROVED', 'REJECTED')),
        constraint identification_vote_complete check (
          (present is null) = (votes_for is null) and (present is null) = (votes_against is null)
          and (present is null) = (abstentions is null) and (present is null) = (voted_on is null) and (present is null) = (representatives is null)),
        constraint identification_vote_adds_up check (present is null or (votes_for >= 0 and votes_against >= 0 and abstentions >= 0
          and votes_for + votes_against + abstentions = present and present <= representatives)),
        constraint identification_approved check (outcome <> 'APPROVED' or (poverty_standard is not null and assistance_class is not null and present is not null))
      )`);
    this.addSql(`create index identification_application_village_idx on identification_application (village_code, id)`);
    this.addSql(`create unique index identification_application_one_open on identification_application (id_number) where outcome = 'OPEN'`);

    this.addSql(`
      create table identification_exclusion (
        id serial primary key,
        application_id integer not null references identification_application (id),
        village_code varchar(12) not null,
        exclusion text not null check (exclusion in ('HOUSING', 'DURABLES', 'VEHICLES', 'PUBLIC_PAYROLL', 'BUSINESS', 'LABOURER_AWAY', 'IDLE_LAND', 'UNWILLING_OR_LAWBREAKING', 'SPLIT_OR_NOMINAL', 'NOT_VOLUNTARY')),
        applies boolean not null,
        evidence text not null check (length(evidence) between 1 and 2000),
        exception text check (exception in ('DISASTER_REBUILDING', 'RELOCATION_HOUSING', 'GIFT')),
        checked_step text not null,
        checked_on date not null,
        constraint identification_exclusion_once unique (application_id, exclusion),
        constraint identification_exclusion_exception check (exception is null or applies)
      )`);

    this.addSql(`select tuopin_audit_table('identification_application', array['id_number'])`);
    this.addSql(`select tuopin_audit_table('identification_exclusion', '{}'::text[])`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table identification_exclusion, identification_application`);
    this.addSql(`alter table household drop column poverty_standard, drop column assistance_class`);
    this.addSql(`alter table workflow_case drop constraint workflow_case_rejection, drop column rejected_step, drop column rejection_reason`);
  }
}
