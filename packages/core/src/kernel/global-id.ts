import { decodeGlobalID } from '@pothos/plugin-relay';
import { areaCodes, isCodeIn } from './area-codes.js';
import { ValidationError } from './errors.js';

/**
 * Relay global IDs. Every object of tuopin is keyed either by a database id (a PostgreSQL
 * `integer`) or by an area code (core's 12-digit division codes), so an id part that is neither cannot name anything:
 * it is refused here with a typed error, before a loader could send `in (NaN)` or an integer out
 * of range to PostgreSQL.
 */

/** Largest value of a PostgreSQL `integer` column, the type of every database id. */
export const MAX_DATABASE_ID = 2_147_483_647;

/** True for text that is a database id: a whole number 0‥2,147,483,647 written in digits. */
export function isDatabaseId(text: string): boolean {
  return /^\d{1,10}$/.test(text) && Number(text) <= MAX_DATABASE_ID;
}

const TYPENAME = /^[A-Z][A-Za-z0-9]{0,63}$/;

const invalidGlobalId = (field: string) => ValidationError.of(field, '不是有效的全局 ID', 'This is not a valid global ID');

/**
 * The relay plugin's decoder (`relay.decodeGlobalID`): a type name and an id part that is a
 * database id or an area code; anything else is a `VALIDATION_FAILED` error naming `id`.
 */
export function decodeTuopinGlobalID(globalId: string): { typename: string; id: string } {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw invalidGlobalId('id');
  }
  if (!TYPENAME.test(decoded.typename) || !(isDatabaseId(decoded.id) || isCodeIn(areaCodes(), decoded.id))) throw invalidGlobalId('id');
  return decoded;
}

/** Decodes a Relay global ID of the expected type into its numeric id, or throws a typed error. */
export function numericIdOf(globalId: string | number, typename: string, field: string): number {
  try {
    const { typename: actual, id } = decodeGlobalID(String(globalId));
    if (actual === typename && isDatabaseId(id)) return Number(id);
  } catch {
    // fall through to the typed error
  }
  throw ValidationError.of(field, `不是有效的 ${typename} ID`, `This is not a valid ${typename} ID`);
}

/**
 * Loads nodes by the ids Relay decoded (`loadManyWithoutCache` of `builder.node`): an id that is
 * not a database id (a division code sent for a Household, say) cannot exist and loads as null.
 */
export function loadByDatabaseIds<T>(ids: readonly string[], load: (id: number) => Promise<T | null>): Promise<(T | null)[]> {
  return Promise.all(ids.map((id) => (isDatabaseId(id) ? load(Number(id)) : null)));
}
