import { Migration } from '@mikro-orm/migrations';

/**
 * Adds the project category FINANCIAL_SERVICES (金融扶贫). A county's interest-subsidy (贴息)
 * programme is a project like any other: a fund is allocated to it and every subsidy paid is a
 * disbursement in the fund ledger, so the money stays in one ledger whichever module pays it.
 */
export class CoreFinancialServicesCategoryMigration extends Migration {
  override async up(): Promise<void> {
    // The check was declared inline, so PostgreSQL named it project_category_check.
    this.addSql(`alter table project drop constraint project_category_check`);
    this.addSql(`
      alter table project add constraint project_category_check check (category in ('ROAD','DRINKING_WATER','WATER_CONSERVANCY',
        'ELECTRICITY','HOUSING','INDUSTRY','COLLECTIVE_ECONOMY','EDUCATION','HEALTH','CULTURE','TRAINING','OFFICE_BUILDING','RELOCATION',
        'FINANCIAL_SERVICES','OTHER'))`);
  }
}
