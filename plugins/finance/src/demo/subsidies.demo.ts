import type { EntityManager } from '@mikro-orm/postgresql';
import { compareMoney, moneyFromSql } from '@tuopin/core';
import type { CampaignPlan, SubsidyPlan } from './finance-demo.plan.js';

/**
 * 贴息 through core's ledger, as the service does it: the county's interest-subsidy programme is a
 * project of category FINANCIAL_SERVICES, under way since March, with its plan notice and status
 * history; a provincial fund is allocated to it, and each subsidy is a disbursement against that
 * allocation, linked to the instalment it paid.
 */
export async function seedSubsidies(em: EntityManager, plan: CampaignPlan, subsidy: SubsidyPlan, loanIds: readonly number[]): Promise<void> {
  const [project] = await em.execute<{ id: number }[]>(
    `insert into project (name, category, construction_type, place_code, responsible_unit, budget, year, planned_start_date, planned_end_date,
                          actual_start_date, performance_targets, poverty_link, status, created_by, created_at)
     values (?, 'FINANCIAL_SERVICES', 'OTHER', ?, ?, ?, ?, ?::date, ?::date, ?::date, '为按时付息的建档立卡贷款户全额贴息',
             '扶贫小额信贷利息由财政全额贴补，减轻贷款户负担', 'UNDER_CONSTRUCTION', 'demo', ?::date) returning id`,
    [
      subsidy.projectName, plan.countyCode, subsidy.responsibleUnit, subsidy.allocation.amount, subsidy.year,
      `${subsidy.year}-03-01`, `${subsidy.year + 1}-03-31`, `${subsidy.year}-03-10`, `${subsidy.year}-02-20`,
    ],
  );
  await em.execute(
    `insert into project_notice (project_id, notice_type, start_date, end_date, location, recorded_by)
     values (?, 'PROJECT_PLAN', ?::date, ?::date, '县扶贫开发办公室公示栏', 'demo')`,
    [project.id, `${subsidy.year}-02-20`, `${subsidy.year}-02-26`],
  );
  await em.execute(
    `insert into project_status_change (project_id, from_status, to_status, effective_date, reason, changed_by)
     values (?, null, 'PLANNED', ?::date, '入库 Entered in the project library', 'demo'),
            (?, 'PLANNED', 'APPROVED', ?::date, '保扶办发〔${subsidy.year}〕9号', 'demo'),
            (?, 'APPROVED', 'UNDER_CONSTRUCTION', ?::date, '开始贴息', 'demo')`,
    [project.id, `${subsidy.year}-02-20`, project.id, `${subsidy.year}-03-01`, project.id, `${subsidy.year}-03-10`],
  );
  const [fund] = await em.execute<{ id: number }[]>(
    `insert into fund (source_type, name, document_no, year, amount, area_code, provider, created_by)
     values (?, ?, ?, ?, ?, ?, ?, 'demo') returning id`,
    [subsidy.fund.sourceType, subsidy.fund.name, subsidy.fund.documentNo, subsidy.year, subsidy.fund.amount, plan.countyCode, subsidy.fund.provider],
  );
  const [allocation] = await em.execute<{ id: number }[]>(
    `insert into ledger_entry (kind, fund_id, project_id, amount, entry_date, voucher_no, memo, recorded_by)
     values ('ALLOCATION', ?, ?, ?, ?::date, ?, '扶贫小额信贷贴息', 'demo') returning id`,
    [fund.id, project.id, subsidy.allocation.amount, subsidy.allocation.date, subsidy.fund.documentNo],
  );
  // 先缴后补: only instalments whose interest the borrower paid (their repayment exists) are refunded.
  await em.execute(
    `with paid as (
       select i.loan_id, i.seq, l.village_code, i.interest_due, r.repaid_on + 15 as paid_on,
              -- The voucher is the county's running number, not the loan's id: partners read vouchers.
              ? || lpad((row_number() over (order by r.repaid_on, i.loan_id, i.seq))::text, 5, '0') as voucher_no
       from finance_loan_installment i join finance_loan l on l.id = i.loan_id
       join finance_repayment r on r.voucher_no = 'HK-' || i.loan_id || '-' || i.seq
       where l.id = any(?::int[]) and i.due_date <= ?::date and i.interest_due > 0
     ),
     entries as (
       insert into ledger_entry (kind, fund_id, project_id, allocation_id, amount, entry_date, voucher_no, memo, recorded_by)
       select 'DISBURSEMENT', ?, ?, ?, p.interest_due, p.paid_on, p.voucher_no, '扶贫小额信贷贴息 Interest subsidy on a poverty-relief microloan', 'demo'
       from paid p order by p.paid_on, p.loan_id, p.seq
       returning id, voucher_no
     )
     insert into finance_subsidy_payment (loan_id, installment_seq, village_code, ledger_entry_id, amount, paid_on, recorded_by)
     select p.loan_id, p.seq, p.village_code, e.id, p.interest_due, p.paid_on, 'demo'
     from paid p join entries e on e.voucher_no = p.voucher_no`,
    [`TX-${subsidy.year}-`, `{${loanIds.join(',')}}`, subsidy.through, fund.id, project.id, allocation.id],
  );
  const [paid] = await em.execute<{ total: string }[]>(
    `select coalesce(sum(amount), 0)::text as total from ledger_entry where allocation_id = ? and kind = 'DISBURSEMENT'`,
    [allocation.id],
  );
  if (compareMoney(moneyFromSql(paid.total), subsidy.allocation.amount) > 0) {
    throw new Error(`finance demo: subsidies of ${paid.total} yuan exceed the allocation of ${subsidy.allocation.amount}`);
  }
}
