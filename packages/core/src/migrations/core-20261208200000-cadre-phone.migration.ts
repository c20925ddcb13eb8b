import { Migration } from '@mikro-orm/migrations';

/**
 * A cadre is registered once in his county: a mobile phone number is one person's, so the same
 * number twice in a county is the same cadre entered twice (a form sent twice). Two records of
 * one cadre would let him serve on two teams at once, which the one-team rule checks by cadre.
 */
export class CoreCadrePhoneMigration extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create unique index cadre_phone_per_county on cadre (area_code, phone) where phone is not null`);
  }
}
