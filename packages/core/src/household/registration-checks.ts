import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../kernel/access.js';
import { ConflictError } from '../kernel/errors.js';
import { pgTextArray } from '../kernel/pg-array.js';

export const duplicateHouseholdNo = () => new ConflictError('householdNo', '户编号已存在', 'This household number is already registered');

/** Refuses ID numbers found in `registered`, naming the first member at fault. */
export function throwIfRegistered(registered: ReadonlySet<string>, idNumbers: readonly string[], fieldOf: (i: number) => string): void {
  const index = idNumbers.findIndex((idNumber) => registered.has(idNumber));
  if (index >= 0) {
    throw new ConflictError(fieldOf(index), '该身份证号已登记在其他户，一人只能属于一户', 'This ID number is already registered in a household; a person belongs to one household');
  }
}

// One round trip for the three things a registration must not clash with. The `bpchar[]` cast
// keeps the ID-number comparison on the unique index (a `text` comparison would scan members).
const CLASH_SQL = `
  select exists (select 1 from area where code = ? and level = 'VILLAGE') as village_exists,
         exists (select 1 from household where household_no = ?) as number_taken,
         array(select m.id_number::text from member m where m.id_number = any(?::bpchar[])) as registered`;

/**
 * Checks a new household against the registry before its transaction, for errors that name the
 * field: the village must exist, the household number and every member's ID number must be new.
 * The unique constraints remain the guarantee when two registrations race.
 */
export async function checkRegistrationClashes(
  em: EntityManager,
  registration: { villageCode: string; householdNo: string; idNumbers: readonly string[] },
): Promise<void> {
  const [row] = await em.execute<{ village_exists: boolean; number_taken: boolean; registered: string[] }[]>(CLASH_SQL, [
    registration.villageCode,
    registration.householdNo,
    pgTextArray(registration.idNumbers),
  ]);
  if (!row.village_exists) throw notFound('villageCode', `行政村 ${registration.villageCode} `, `Village ${registration.villageCode}`);
  if (row.number_taken) throw duplicateHouseholdNo();
  throwIfRegistered(new Set(row.registered), registration.idNumbers, (i) => `members[${i}].idNumber`);
}
