/** Loads nodes by the ids Relay decoded; ids that are not database ids cannot exist. */
export { loadByDatabaseIds as loadByNumericIds } from '../kernel/global-id.js';

/** The 12-digit code of the county a place lies in. */
export function countyCodeOf(code: string): string {
  return code.slice(0, 6).padEnd(12, '0');
}
