/** Loads nodes by the ids Relay decoded; ids that are not numbers cannot exist. */
export function loadByNumericIds<T>(ids: readonly string[], load: (id: number) => Promise<T | null>): Promise<(T | null)[]> {
  return Promise.all(ids.map((id) => (/^\d{1,10}$/.test(id) ? load(Number(id)) : null)));
}

/** The 12-digit code of the county a place lies in. */
export function countyCodeOf(code: string): string {
  return code.slice(0, 6).padEnd(12, '0');
}
