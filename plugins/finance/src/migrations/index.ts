import type { MigrationObject } from '@mikro-orm/core';
import { FinanceLendingMigration } from './finance-20261201000000-lending.migration.js';
import { FinanceAuditMigration } from './finance-20261203000000-audit.migration.js';
import { FinanceRepaymentVoucherOnceMigration } from './finance-20261208200000-repayment-voucher-once.migration.js';
import { FinanceStatisticsIndexesMigration } from './finance-20261210000000-statistics-indexes.migration.js';

/** The finance plugin's migrations in the order they run. Names are permanent: they are recorded in the database. */
export const financeMigrations: readonly MigrationObject[] = [
  { name: 'finance_20261201000000_lending', class: FinanceLendingMigration },
  { name: 'finance_20261203000000_audit', class: FinanceAuditMigration },
  { name: 'finance_20261208200000_repayment_voucher_once', class: FinanceRepaymentVoucherOnceMigration },
  { name: 'finance_20261210000000_statistics_indexes', class: FinanceStatisticsIndexesMigration },
];
