import { Migration } from '@mikro-orm/migrations';

/** Every table of the plugin; each gets core's audit trigger. */
const FINANCE_TABLES = [
  'finance_lender',
  'finance_credit_rating',
  'finance_credit_line',
  'finance_risk_pool',
  'finance_risk_pool_contribution',
  'finance_loan',
  'finance_loan_installment',
  'finance_repayment',
  'finance_loan_write_off',
  'finance_risk_claim',
  'finance_subsidy_payment',
];

/**
 * Puts the finance tables under core's audit log (core migration `core_20261203000000_audit_access`,
 * which runs before any plugin's): every insert, update and delete is recorded by a trigger in the
 * writing transaction, with the principal and the mutation that `inTransaction` stamps on it. No
 * finance column holds personal data that must be masked (people are referred to by id).
 */
export class FinanceAuditMigration extends Migration {
  override async up(): Promise<void> {
    for (const table of FINANCE_TABLES) this.addSql(`select tuopin_audit_table('${table}', '{}'::text[])`);
  }
}
