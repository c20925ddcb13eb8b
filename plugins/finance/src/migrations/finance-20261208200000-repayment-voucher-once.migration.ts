import { Migration } from '@mikro-orm/migrations';

/**
 * A receipt (收款凭证) records one repayment of a loan: the same voucher number on the same loan
 * twice is one repayment entered twice (the form sent twice), which would count the money twice
 * against what the borrower owes. Repayments are never reversed, so the database refuses it.
 */
export class FinanceRepaymentVoucherOnceMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql('create unique index finance_repayment_voucher_once on finance_repayment (loan_id, voucher_no) where voucher_no is not null');
  }
}
