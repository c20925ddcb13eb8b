import type { EntityManager } from '@mikro-orm/postgresql';
import { compareMoney, moneyFromSql } from '@tuopin/core';

const YEAR = 2016;
const COUNTY = '433125000000';
export const UNIVERSITY_GRANTS_TOTAL = '1250000.00';
/** Payments first made to a mistyped account, reversed in the ledger and paid again. */
const CORRECTED = 12;

/**
 * "125万 for 304 poor university students" (篇6) through core's ledger, as the service does it:
 * a county project of category EDUCATION under way since August, with its plan notice and status
 * history; a 雨露计划 fund allocated to it; each entrant's application checked by village, township
 * and county with its public notice, then one payment per student into his own card account, a
 * disbursement against that allocation. Amounts differ (3,000, 4,000 or 5,000 yuan: 66, 138 and
 * 100 students) and add up to exactly 1,250,000.00. Twelve first payments went to a mistyped
 * account and were reversed (冲销) before the right one was made: they no longer count.
 */
export async function seedBaojingAid(em: EntityManager): Promise<void> {
  const [project] = await em.execute<{ id: number }[]>(
    `insert into project (name, category, construction_type, place_code, responsible_unit, budget, year, planned_start_date, planned_end_date,
                          actual_start_date, performance_targets, poverty_link, status, created_by, created_at)
     values ('2016年保靖县雨露计划贫困大学生资助', 'EDUCATION', 'OTHER', ?, '保靖县扶贫开发办公室、保靖县教育局', ?, ?, '2016-08-15', '2016-12-31', '2016-08-15',
             '资助建档立卡家庭新入学大学生304人', '一次性资助新入学大学生，阻断贫困代际传递', 'UNDER_CONSTRUCTION', 'demo', '2016-07-20')
     returning id`,
    [COUNTY, UNIVERSITY_GRANTS_TOTAL, YEAR],
  );
  await em.execute(
    `insert into project_notice (project_id, notice_type, start_date, end_date, location, recorded_by)
     values (?, 'PROJECT_PLAN', '2016-07-20', '2016-07-26', '县扶贫开发办公室公示栏', 'demo')`,
    [project.id],
  );
  await em.execute(
    `insert into project_status_change (project_id, from_status, to_status, effective_date, reason, changed_by)
     values (?, null, 'PLANNED', '2016-07-20', '入库 Entered in the project library', 'demo'),
            (?, 'PLANNED', 'APPROVED', '2016-08-01', '保扶办发〔2016〕21号', 'demo'),
            (?, 'APPROVED', 'UNDER_CONSTRUCTION', '2016-08-15', '开始受理', 'demo')`,
    [project.id, project.id, project.id],
  );
  const [fund] = await em.execute<{ id: number }[]>(
    `insert into fund (source_type, name, document_no, year, amount, area_code, provider, created_by)
     values ('CENTRAL_FISCAL', '2016年雨露计划资金（贫困大学生资助）', '湘扶办联〔2016〕14号', ?, ?, ?, '湖南省扶贫开发办公室', 'demo') returning id`,
    [YEAR, UNIVERSITY_GRANTS_TOTAL, COUNTY],
  );
  const [allocation] = await em.execute<{ id: number }[]>(
    `insert into ledger_entry (kind, fund_id, project_id, amount, entry_date, voucher_no, memo, recorded_by)
     values ('ALLOCATION', ?, ?, ?, '2016-08-15', '湘扶办联〔2016〕14号', '雨露计划贫困大学生资助', 'demo') returning id`,
    [fund.id, project.id, UNIVERSITY_GRANTS_TOTAL],
  );
  await em.execute(
    `create temporary table demo_grants on commit drop as
     select e.id as enrolment_id, e.member_id, e.household_id, e.village_code, m.name,
            row_number() over (order by e.id) as n
     from education_enrolment e join member m on m.id = e.member_id
     where e.stage = 'UNDERGRADUATE' and e.year = ? and e.village_code between '433125000000' and '433125999999'`,
    [YEAR],
  );
  await em.execute(
    `insert into education_aid_application (member_id, household_id, village_code, enrolment_id, scheme, year, status, applied_on,
                                            village_checked_on, township_checked_on, approved_on, notice_from, notice_until, created_by)
     select g.member_id, g.household_id, g.village_code, g.enrolment_id, 'UNIVERSITY_ENTRANT_GRANT', ?, 'APPROVED', '2016-08-16',
            '2016-08-17', '2016-08-18', '2016-08-20', '2016-08-20', '2016-08-26', 'demo'
     from demo_grants g order by g.n`,
    [YEAR],
  );
  await em.execute(
    `create temporary table demo_grant_pay on commit drop as
     select g.*, a.id as application_id,
            case when g.n <= 100 then 5000.00 when g.n <= 238 then 4000.00 else 3000.00 end::numeric(14,2) as amount,
            row_number() over (order by g.village_code, g.member_id) <= ? as corrected
     from demo_grants g join education_aid_application a on a.enrolment_id = g.enrolment_id`,
    [CORRECTED],
  );
  // The corrected students' first payments went to a mistyped account: paid, then reversed.
  await insertPayments(em, { fund: fund.id, project: project.id, allocation: allocation.id }, 'g.corrected', '2016-09-05', 'YLX2016-', (n) => `'6231' || lpad(${n}::text, 15, '0')`);
  await em.execute(
    `insert into ledger_entry (kind, fund_id, project_id, reverses_id, amount, entry_date, voucher_no, memo, recorded_by)
     select 'REVERSAL', e.fund_id, e.project_id, e.id, e.amount, '2016-09-08', null, '账号录入错误，冲销后重新发放 Mistyped account; reversed and paid again', 'demo'
     from ledger_entry e where e.allocation_id = ? and e.kind = 'DISBURSEMENT' order by e.id`,
    [allocation.id],
  );
  await insertPayments(em, { fund: fund.id, project: project.id, allocation: allocation.id }, 'true', '2016-09-10', 'YL2016-', (n) => `'6230' || lpad(${n}::text, 15, '0')`);
  const [paid] = await em.execute<{ total: string }[]>(
    `select coalesce(sum(e.amount), 0)::text as total from ledger_entry e
     where e.allocation_id = ? and e.kind = 'DISBURSEMENT' and not exists (select 1 from ledger_entry r where r.reverses_id = e.id)`,
    [allocation.id],
  );
  if (compareMoney(moneyFromSql(paid.total), UNIVERSITY_GRANTS_TOTAL) !== 0) {
    throw new Error(`education demo: university grants of ${paid.total} yuan, not ${UNIVERSITY_GRANTS_TOTAL}`);
  }
}

/**
 * One disbursement and one payment for each chosen student (`where` on `demo_grant_pay g`),
 * linked by their voucher numbers; `account(n)` is the SQL of the account paid into.
 */
async function insertPayments(
  em: EntityManager,
  ledger: { fund: number; project: number; allocation: number },
  where: string,
  paidOn: string,
  voucherPrefix: string,
  account: (n: string) => string,
): Promise<void> {
  await em.execute(
    `with entries as (
       insert into ledger_entry (kind, fund_id, project_id, allocation_id, amount, entry_date, voucher_no, memo, recorded_by)
       select 'DISBURSEMENT', ?, ?, ?, g.amount, ?::date, ? || lpad(g.n::text, 4, '0'),
              '雨露计划新入学大学生资助 2016年秋季 Education aid to a university entrant, autumn 2016', 'demo'
       from demo_grant_pay g where ${where} order by g.n
       returning id, voucher_no
     )
     insert into education_aid_payment (application_id, member_id, household_id, village_code, scheme, stage, year, term, amount, paid_on,
                                        ledger_entry_id, account_holder, bank_account, recorded_by)
     select g.application_id, g.member_id, g.household_id, g.village_code, 'UNIVERSITY_ENTRANT_GRANT', 'UNDERGRADUATE', ?, 'AUTUMN', g.amount, ?::date,
            e.id, g.name, ${account('g.member_id')}, 'demo'
     from demo_grant_pay g join entries e on e.voucher_no = ? || lpad(g.n::text, 4, '0')
     order by g.village_code, g.member_id`,
    [ledger.fund, ledger.project, ledger.allocation, paidOn, voucherPrefix, YEAR, paidOn, voucherPrefix],
  );
}
