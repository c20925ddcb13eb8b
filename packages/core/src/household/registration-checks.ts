import { notFound } from '../kernel/access.js';
import { ConflictError } from '../kernel/errors.js';
import { pgTextArray } from '../kernel/pg-array.js';

/**
 * Household numbers and ID numbers are unique in the whole registry (a person belongs to one
 * household in the country), so a registration may collide with a row the caller cannot see.
 * What the caller learns then is only that the number is taken — never where, by whom or since
 * when — and only after every check of what lies in the caller's own scope has passed: the same
 * input gets the same answer whatever exists elsewhere, except for the one fact a unique number
 * cannot hide. The unique constraints remain the guarantee when two registrations race, and they
 * map to the same errors.
 */

export const duplicateHouseholdNo = () => new ConflictError('householdNo', '户编号已存在', 'This household number is already registered');

/** Refuses ID numbers found in `registered`, naming the first member at fault. */
export function throwIfRegistered(registered: ReadonlySet<string>, idNumbers: readonly string[], fieldOf: (i: number) => string): void {
  const index = idNumbers.findIndex((idNumber) => registered.has(idNumber));
  if (index >= 0) {
    throw new ConflictError(fieldOf(index), '该身份证号已登记在其他户，一人只能属于一户', 'This ID number is already registered in a household; a person belongs to one household');
  }
}

/** What a registration is checked on against the registry. */
export interface RegistrationKeys {
  villageCode: string;
  groupId: number | null;
  householdNo: string;
  idNumbers: readonly string[];
}

/**
 * What a registration checks against the registry, as one select (the first part of the
 * registration's statement): the village and its group (in the caller's scope, checked before
 * this runs), then the national unique numbers. The `bpchar[]` cast keeps the ID-number
 * comparison on the unique index (a `text` one would scan).
 */
export const CLASH_SELECT = `
  select exists (select 1 from area where code = ? and level = 'VILLAGE') as village_exists,
         (?::int is null or exists (select 1 from village_group where id = ? and village_code = ?)) as group_ok,
         exists (select 1 from household where household_no = ?) as number_taken,
         array(select m.id_number::text from member m where m.id_number = any(?::bpchar[])) as registered`;

/** The values of `CLASH_SELECT`, in its order. */
export function clashValues(registration: RegistrationKeys): unknown[] {
  const { villageCode, groupId, householdNo, idNumbers } = registration;
  return [villageCode, groupId, groupId, villageCode, householdNo, pgTextArray(idNumbers)];
}

/** What `CLASH_SELECT` found. */
export interface Clashes {
  village_exists: boolean;
  group_ok: boolean;
  number_taken: boolean;
  registered: string[];
}

/** Whether a registration may be written: `CLASH_SELECT`'s row, as SQL, for the write to be conditional on. */
export const noClashes = (alias: string) => `${alias}.village_exists and ${alias}.group_ok and not ${alias}.number_taken and cardinality(${alias}.registered) = 0`;

/**
 * Refuses a registration that `CLASH_SELECT` found clashing, for errors that name the field, in
 * an order that never lets an out-of-scope row change the answer: the village must exist and
 * the group belong to it (both in the caller's scope), and only then must the household number
 * and every member's ID number be new.
 */
export function throwIfClashes(row: Clashes, registration: RegistrationKeys): void {
  if (!row.village_exists) throw notFound('villageCode', `行政村 ${registration.villageCode} `, `Village ${registration.villageCode}`);
  if (!row.group_ok) throw notFound('groupId', `该村的组 ${registration.groupId} `, `Group ${registration.groupId} of this village`);
  if (row.number_taken) throw duplicateHouseholdNo();
  throwIfRegistered(new Set(row.registered), registration.idNumbers, (i) => `members[${i}].idNumber`);
}
