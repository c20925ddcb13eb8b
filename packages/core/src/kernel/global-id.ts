import { decodeGlobalID } from '@pothos/plugin-relay';
import { ValidationError } from './errors.js';

/** Decodes a Relay global ID of the expected type into its numeric id, or throws a typed error. */
export function numericIdOf(globalId: string | number, typename: string, field: string): number {
  try {
    const { typename: actual, id } = decodeGlobalID(String(globalId));
    if (actual === typename && /^\d{1,10}$/.test(id)) return Number(id);
  } catch {
    // fall through to the typed error
  }
  throw ValidationError.of(field, `不是有效的 ${typename} ID`, `This is not a valid ${typename} ID`);
}
