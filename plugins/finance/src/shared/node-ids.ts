/** Loads nodes by the ids Relay decoded; ids that are not numbers cannot exist. */
export function loadByNumericIds<T>(ids: readonly string[], load: (id: number) => Promise<T | null>): Promise<(T | null)[]> {
  return Promise.all(ids.map((id) => (/^\d{1,10}$/.test(id) ? load(Number(id)) : null)));
}

/** True for an object that has every one of the properties: how a node's `isTypeOf` tells entities apart. */
export function hasProperties(value: unknown, ...properties: string[]): boolean {
  return typeof value === 'object' && value !== null && properties.every((property) => property in value);
}
