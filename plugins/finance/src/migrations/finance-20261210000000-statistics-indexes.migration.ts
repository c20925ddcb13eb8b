import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes that carry the columns the statistics read, so that a province's figures come from the
 * indexes alone (index-only scans) instead of a heap visit for each of its million ratings and
 * hundred thousand loans (test/bench, Q8):
 * - ratings by village and household with their date, id and grade: the rated households and
 *   each household's grade on a day;
 * - credit lines by village and start with their end and amount: the lines valid on a day;
 * - repayments by loan and day with the principal and interest repaid: what a loan owed that day;
 * - a loan's instalments with their due dates and running totals: the first one not covered.
 * Each replaces the index with the same leading columns, which serves every other query as before.
 */
export class FinanceStatisticsIndexesMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index finance_credit_rating_village_cover on finance_credit_rating (village_code, household_id, rated_on desc, id desc) include (grade)');
    this.addSql('drop index finance_credit_rating_village_idx');
    this.addSql('create index finance_credit_line_village_cover on finance_credit_line (village_code, valid_from) include (valid_until, amount)');
    this.addSql('drop index finance_credit_line_village_idx');
    this.addSql('create index finance_repayment_loan_cover on finance_repayment (loan_id, repaid_on) include (principal, interest)');
    this.addSql('drop index finance_repayment_loan_idx');
    this.addSql('create index finance_loan_installment_cover on finance_loan_installment (loan_id, seq) include (due_date, principal_through, interest_through)');
  }
}
