import { Migration } from '@mikro-orm/migrations';

/**
 * A fund's earmark (专款专用): the area whose projects it may pay for, when its money may not go
 * anywhere else — aid received for a helped county is that county's, whoever manages both. Null
 * for a fund without one. The rule is the ledger's (allocateFunds, disburseFunds, moving a
 * project); the column only records it.
 */
export class CoreFundEarmarkMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table fund add column earmark_area_code varchar(12) references area(code)`);
  }
}
